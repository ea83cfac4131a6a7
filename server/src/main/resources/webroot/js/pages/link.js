// The province link (liên thông): this system's upstream with a form to link to it, and its downstream communes with
// each link's state and, opened, their villages, speakers and boards.
import { h, fill, field, when } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { submitting } from '../forms.js';
import { commune, provinceMap } from '../province.js';
import * as mirrors from '../mirrors.js';

const offset = (ms) => (ms === null || ms === undefined ? '' : `${Math.round(ms / 1000)} s`);

function upstreamState(up, upstream) {
  fill(up, upstream.linked ? [
    ['link.url', upstream.url], ['link.id', upstream.id], ['link.zone', upstream.zone && upstream.zone.name],
    ['link.lastSeen', upstream.lastSeen ? when(upstream.lastSeen) : '—'], ['link.backlog', String(upstream.backlog)],
    ['link.oldestUnsent', upstream.oldestUnsent ? when(upstream.oldestUnsent) : '—'],
    ['link.clockOffset', offset(upstream.clockOffsetMs)], ['link.lastError', upstream.lastError || '—'],
  ].flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v || '')]) : h('dd', {}, t('link.notLinked')));
}

/** PUT /api/v1/upstream: the URL, id and key the province's admin handed out; refusals next to their field. */
function linkForm(up, upstream) {
  const i = {
    url: h('input', { type: 'url', maxlength: 2000, value: upstream.url || '', placeholder: 'https://' }),
    id: h('input', { type: 'text', maxlength: 64, value: upstream.id || '' }),
    key: h('input', { type: 'password', maxlength: 200, autocomplete: 'off' }),
  };
  const done = h('p', { class: 'muted', role: 'status' });
  const form = h('form', { novalidate: true, class: 'link-form' },
    field('link', 'url', t('link.url'), i.url, t('link.urlHint')),
    field('link', 'id', t('link.id'), i.id, t('link.idHint')),
    field('link', 'key', t('link.key'), i.key, t('link.keyHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' },
      t(upstream.linked ? 'link.relink' : 'link.link'))), done);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    done.textContent = '';
    submitting(form, async () => {
      const state = await api.put('/api/v1/upstream', { url: i.url.value.trim(), id: i.id.value.trim(), key: i.key.value });
      i.key.value = '';
      upstreamState(up, state);
      done.textContent = t('link.linkedTo', { upstream: state.upstream || state.url });
    });
  });
  return form;
}

export default {
  title: 'nav.link',
  async render(main) {
    const up = h('dl', { class: 'link-state' });
    const formBox = h('section', { class: 'card', 'aria-labelledby': 'link-form-heading' });
    const body = h('tbody');
    const communes = h('div', { class: 'communes' });
    const mapHeading = h('h2', {}, t('link.provinceMap'));
    const mapBox = h('div', { class: 'card' }, h('p', { class: 'muted' }, t('link.loading')));
    main.append(h('h2', {}, t('link.upstream')), up, formBox, h('h2', {}, t('link.downstreams')),
      h('table', { class: 'link' }, h('thead', {}, h('tr', {}, ['link.id', 'link.name', 'link.zone', 'link.linked',
        'link.lastSeen', 'link.backlog', 'link.oldestUnsent', 'link.clockOffset']
        .map((k) => h('th', { scope: 'col' }, t(k))))), body),
      mapHeading, mapBox,
      h('h2', {}, t('link.communes')), h('p', { class: 'hint' }, t('link.communesHint')), communes);
    const [upstream, downstreams] = await Promise.all([api.get('/api/v1/upstream'), api.get('/api/v1/downstreams')]);
    // Every speaker of the province in one call (ADR 0059), drawn beside this system's own; a commune has no map here.
    if (!downstreams.length) mapHeading.hidden = mapBox.hidden = true;
    else Promise.all([api.get('/api/v1/nodes'), mirrors.load()])
      .then(([own, mirrored]) => fill(mapBox, provinceMap(own, mirrored)))
      .catch((e) => fill(mapBox, h('p', { class: 'form-alert', role: 'alert' }, e.message || t('error.generic'))));
    upstreamState(up, upstream);
    fill(formBox, h('h3', { id: 'link-form-heading' }, t(upstream.linked ? 'link.relinkTitle' : 'link.linkTitle')),
      linkForm(up, upstream));
    fill(body, downstreams.length ? downstreams.map((d) => h('tr', {}, h('td', {}, d.id), h('td', {}, d.name),
      h('td', {}, d.zone), h('td', {}, t(d.linked ? 'link.yes' : 'link.no')), h('td', {}, d.lastSeen ? when(d.lastSeen) : '—'),
      h('td', {}, String(d.backlog)), h('td', {}, d.oldestUnsent ? when(d.oldestUnsent) : '—'),
      h('td', {}, offset(d.clockOffsetMs))))
      : h('tr', {}, h('td', { colspan: 8 }, t('link.none'))));
    fill(communes, downstreams.map(commune));
  },
};
