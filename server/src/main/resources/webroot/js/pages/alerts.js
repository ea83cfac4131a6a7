// CAP public warnings (issue 19): the alerts of the caller's unit, and per alert which speakers aired it and why they
// were reached (polygon, circle, geocode, area name, or their zone), which were down and why, its airings left until
// it expires, and a cancel of the airing on air (which ends the series).
import { h, fill, when } from '../dom.js';
import { t, has } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';

const FINAL = ['DONE', 'CANCELLED', 'FAILED'];

/** "polygon", "zone thon-a" ...: why the reach rule took a node, in the page's language. */
function reason(by) {
  if (typeof by === 'string') return has(`alerts.by.${by}`) ? t(`alerts.by.${by}`) : by;
  const what = has(`alerts.by.${by.by}`) ? t(`alerts.by.${by.by}`) : by.by;
  return by.via ? `${what} (${by.via})` : what;
}

function reasons(alert) {
  const reach = alert.reach || {};
  const byNode = new Map((reach.nodes || []).map((n) => [n.id, [].concat(n.by || []).map(reason)]));
  const byZone = new Map((reach.zones || []).map((z) => [z.id, [].concat(z.by || []).map(reason)]));
  return (s) => byNode.get(s.node) || (byZone.has(s.zone)
    ? byZone.get(s.zone).map((r) => `${t('alerts.by.zone')} ${s.zone}: ${r}`) : []);
}

function detail(alert, reload) {
  const why = reasons(alert);
  const onAir = (alert.airings || []).filter((a) => !FINAL.includes(a.state));
  const cancel = onAir.length && session.may('approve')
    ? h('button', { type: 'button', class: 'danger', onclick: async () => {
      if (!window.confirm(t('alerts.cancelConfirm'))) return;
      await Promise.all(onAir.map((a) => api.post(`/api/v1/announcements/${a.announcement}/cancel`, {})));
      await reload();
    } }, t('alerts.cancel')) : null;
  const speakers = alert.speakers || [];
  return h('section', { class: 'card alert-detail', dataset: { alert: alert.id } },
    h('h2', {}, alert.headline || alert.identifier),
    h('dl', {}, [['alerts.outcome', has(`alerts.outcome.${alert.outcome}`) ? t(`alerts.outcome.${alert.outcome}`)
      : alert.outcome], ['alerts.expires', alert.expires ? when(alert.expires) : '—'],
    ['alerts.airingsLeft', String(alert.airingsLeft ?? 0)], ['alerts.signer', alert.signer || t('alerts.unsigned')]]
      .flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)])),
    cancel,
    h('table', { class: 'alert-speakers' }, h('thead', {}, h('tr', {}, ['alerts.speaker', 'field.zones', 'alerts.aired',
      'alerts.reason', 'alerts.down'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, speakers.length ? speakers.map((s) => h('tr', { dataset: { node: s.node }, class: s.down ? 'down' : null },
      h('td', {}, s.name || s.node), h('td', {}, s.zone || ''),
      h('td', {}, t('alerts.airedOf', { aired: s.aired, airings: s.airings })),
      h('td', { class: 'reach' }, why(s).join('; ')),
      h('td', { class: 'state' }, s.down ? `${t('alerts.isDown')}: ${s.why || ''}` : t(`delivery.${s.state}`))))
      : h('tr', {}, h('td', { colspan: 5 }, t('alerts.noSpeakers'))))));
}

export default {
  title: 'nav.alerts',
  async render(main) {
    const body = h('tbody');
    const box = h('div');
    const open = async (id) => {
      const alert = await api.get(`/api/v1/alerts/${id}`);
      fill(box, detail(alert, () => open(id)));
    };
    main.append(h('table', { class: 'alerts' }, h('thead', {}, h('tr', {}, ['field.title', 'alerts.severity',
      'alerts.outcome', 'alerts.sender', 'alerts.received'].map((k) => h('th', { scope: 'col' }, t(k))))), body), box);
    const list = await api.get('/api/v1/alerts?limit=200');
    fill(body, list.length ? list.map((a) => h('tr', { dataset: { alert: a.id } },
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => open(a.id) }, a.headline || a.identifier)),
      h('td', {}, a.severity || ''), h('td', {}, has(`alerts.outcome.${a.outcome}`) ? t(`alerts.outcome.${a.outcome}`)
        : a.outcome), h('td', {}, a.sender), h('td', {}, when(a.receivedAt))))
      : h('tr', {}, h('td', { colspan: 5 }, t('alerts.none'))));
  },
};
