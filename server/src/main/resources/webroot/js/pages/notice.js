// One notice: its text and reading, its state, the actions its state allows, and live delivery to every loudspeaker.
import { h, fill, when } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import * as zones from '../zones.js';
import { follow } from '../live.js';
import { stateBadge, noticeText, preview, recording } from '../notices.js';
import { submitting } from '../forms.js';
import { go } from '../nav.js';
import { slides } from '../slides.js';

const FINAL = ['DONE', 'CANCELLED', 'FAILED'];

/** Reached: an agent reported it (RECEIVED, PLAYED); a third-party speaker cannot report, so SENT is all we know. */
function reached(d, node) {
  return d.state === 'PLAYED' || d.state === 'RECEIVED' || (d.state === 'SENT' && node && node.kind === 'rtp');
}

function deliveries(a, nodes) {
  const list = a.deliveries || [];
  const played = list.filter((d) => reached(d, nodes.get(d.node))).length;
  const rows = list.map((d) => h('tr', { dataset: { node: d.node, state: d.state } },
    h('th', { scope: 'row' }, nodes.get(d.node) ? nodes.get(d.node).name : d.node), h('td', {}, h('span', { class: `badge delivery-${d.state.toLowerCase()}` },
      t(`delivery.${d.state}`))), h('td', {}, d.detail || ''), h('td', {}, when(d.updatedAt))));
  const progress = list.length ? h('p', { class: 'progress-line' },
    h('progress', { max: list.length, value: played, 'aria-label': t('notice.progress') }),
    ` ${t('notice.reached', { n: played, total: list.length })}`) : null;
  return h('div', {}, progress, h('table', { class: 'deliveries' },
    h('caption', {}, t('notice.deliveries')),
    h('thead', {}, h('tr', {}, ['node.name', 'field.state', 'notice.detail', 'notice.updated']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 4 }, t('notice.noDeliveries'))))));
}

function history(a) {
  return h('ol', { class: 'history' }, (a.transitions || []).map((tr) => h('li', {},
    stateBadge(tr.to), ` ${when(tr.at)} · ${tr.actor}`, tr.reason ? ` · ${t('notice.reason')}: ${tr.reason}` : '')));
}

function actions(a, refresh) {
  const form = h('form', { class: 'actions', novalidate: true });
  const act = (verb, label, cls) => h('button', { type: 'button', class: cls || '', onclick: () => submitting(form, async () => {
    refresh(await api.post(`/api/v1/announcements/${a.id}/${verb}`));
  }) }, label);
  if (a.state === 'DRAFT' && session.may('compose')) form.append(act('submit', t('notice.submit'), 'primary'));
  if (a.state === 'APPROVED' && session.may('broadcast')) form.append(act('broadcast', t('notice.broadcast'), 'primary'));
  if (a.state === 'SUBMITTED' && session.may('approve')) form.append(h('a', { href: '#/approvals', class: 'button' }, t('notice.toApprovals')));
  if (!FINAL.includes(a.state) && a.state !== 'DRAFT' && session.may('broadcast')) form.append(act('cancel', t('notice.cancel'), 'danger'));
  return form;
}

// Whether residents may hear the notice again on the public page once aired (issue 21); composers change it.
function archiveToggle(id) {
  const box = h('input', { type: 'checkbox', id: 'notice-public', disabled: !session.may('compose') });
  const status = h('span', { class: 'hint', 'aria-live': 'polite' });
  api.get(`/api/v1/announcements/${id}/archive`).then((r) => { box.checked = r.public; }).catch(() => {});
  box.addEventListener('change', () => api.put(`/api/v1/announcements/${id}/archive`, { public: box.checked })
    .then((r) => { box.checked = r.public; status.textContent = t('notice.publicSaved'); })
    .catch((e) => { box.checked = !box.checked; status.textContent = e.message; }));
  return h('p', { class: 'public-archive' }, box, ' ', h('label', { for: 'notice-public' }, t('notice.public')), ' ', status);
}

export default {
  title: 'notice.title',
  async render(main, id) {
    const [tree, nodeList] = await Promise.all([zones.load(), api.get('/api/v1/nodes').catch(() => [])]);
    const nodes = new Map(nodeList.map((n) => [n.id, n]));
    const view = h('div', { class: 'notice' });
    const publicToggle = archiveToggle(id);
    main.append(view);
    let stop = null;
    let pictures = null; // made again only when the state changes (a draft's can be edited), not on every event
    const show = (a) => {
      if (!pictures || pictures.dataset.state !== a.state) {
        pictures = slides(a);
        pictures.dataset.state = a.state;
      }
      fill(view,
        h('h2', {}, a.title, ' ', stateBadge(a.state)),
        h('p', { class: 'meta' }, `${t(`priority.${a.priority}`)} · ${a.zones.map(tree.name).join(', ')} · `,
          `${t('field.repeat')}: ${a.repeat} · ${a.chime ? t('field.chime') : t('notice.noChime')}`,
          a.schedule && a.schedule.at ? ` · ${when(a.schedule.at)}` : '', a.schedule && a.schedule.cron ? ` · ${a.schedule.cron}` : ''),
        a.audioId ? h('p', { class: 'meta' }, t('notice.recording', { id: a.audioId })) : null,
        a.audioId ? recording(a.audioId) : null,
        a.text ? noticeText(a.text) : null,
        a.text ? preview(() => a.text, () => a.voice) : null,
        pictures,
        actions(a, show),
        publicToggle,
        h('section', { 'aria-labelledby': 'live-heading', class: 'card' },
          h('h2', { id: 'live-heading' }, t('notice.live')), deliveries(a, nodes)),
        h('section', { class: 'card' }, h('h2', {}, t('notice.history')), history(a)));
      const settled = FINAL.includes(a.state) && (a.deliveries || []).every((d) => ['PLAYED', 'FAILED'].includes(d.state));
      if (!stop && !settled) stop = follow(`/api/v1/announcements/${a.id}/events`, show);
    };
    try {
      show(await api.get(`/api/v1/announcements/${id}`));
    } catch (e) {
      if (e.status === 404) go('#/notices');
      throw e;
    }
    return () => stop && stop();
  },
};
