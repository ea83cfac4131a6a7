// Every notice of the caller's unit, newest first, filtered by state.
import { h, fill, select, when } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as zones from '../zones.js';
import { stateBadge } from '../notices.js';

const STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'SCHEDULED', 'ON_AIR', 'DONE', 'CANCELLED', 'FAILED'];

export default {
  title: 'nav.notices',
  async render(main) {
    const tree = await zones.load();
    const state = select([['', t('notices.all')]].concat(STATES.map((s) => [s, t(`state.${s}`)])), '', { id: 'notices-state' });
    const body = h('tbody');
    const load = async () => {
      const list = await api.get(`/api/v1/announcements${api.query({ state: state.value, limit: 200 })}`);
      fill(body, list.length ? list.map((a) => h('tr', {},
        h('td', {}, h('a', { href: `#/notices/${a.id}` }, a.title)), h('td', {}, stateBadge(a.state)),
        h('td', {}, t(`priority.${a.priority}`)), h('td', {}, a.zones.map(tree.name).join(', ')),
        h('td', {}, a.createdBy), h('td', {}, when(a.createdAt))))
        : h('tr', {}, h('td', { colspan: 6 }, t('notices.none'))));
    };
    state.addEventListener('change', load);
    main.append(h('div', { class: 'filters' }, h('label', { for: state.id }, t('field.state')), state,
      h('a', { class: 'button primary', href: '#/compose' }, t('nav.compose'))),
    h('table', {}, h('thead', {}, h('tr', {}, ['field.title', 'field.state', 'field.priority', 'field.zones', 'notices.by',
      'notices.created'].map((k) => h('th', { scope: 'col' }, t(k))))), body));
    await load();
  },
};
