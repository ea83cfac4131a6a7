// The province link (liên thông): this system's upstream and its downstream systems, with each link's state.
import { h, fill, when } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';

const offset = (ms) => (ms === null || ms === undefined ? '' : `${Math.round(ms / 1000)} s`);

export default {
  title: 'nav.link',
  async render(main) {
    const up = h('dl', { class: 'link-state' });
    const body = h('tbody');
    main.append(h('h2', {}, t('link.upstream')), up, h('h2', {}, t('link.downstreams')),
      h('table', { class: 'link' }, h('thead', {}, h('tr', {}, ['link.id', 'link.name', 'link.zone', 'link.linked',
        'link.lastSeen', 'link.backlog', 'link.oldestUnsent', 'link.clockOffset']
        .map((k) => h('th', { scope: 'col' }, t(k))))), body));
    const [upstream, downstreams] = await Promise.all([api.get('/api/v1/upstream'), api.get('/api/v1/downstreams')]);
    fill(up, upstream.linked ? [
      ['link.url', upstream.url], ['link.id', upstream.id], ['link.zone', upstream.zone && upstream.zone.name],
      ['link.lastSeen', upstream.lastSeen ? when(upstream.lastSeen) : '—'], ['link.backlog', String(upstream.backlog)],
      ['link.oldestUnsent', upstream.oldestUnsent ? when(upstream.oldestUnsent) : '—'],
      ['link.clockOffset', offset(upstream.clockOffsetMs)], ['link.lastError', upstream.lastError || '—'],
    ].flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v || '')]) : h('dd', {}, t('link.notLinked')));
    fill(body, downstreams.length ? downstreams.map((d) => h('tr', {}, h('td', {}, d.id), h('td', {}, d.name),
      h('td', {}, d.zone), h('td', {}, t(d.linked ? 'link.yes' : 'link.no')), h('td', {}, d.lastSeen ? when(d.lastSeen) : '—'),
      h('td', {}, String(d.backlog)), h('td', {}, d.oldestUnsent ? when(d.oldestUnsent) : '—'),
      h('td', {}, offset(d.clockOffsetMs))))
      : h('tr', {}, h('td', { colspan: 8 }, t('link.none'))));
  },
};
