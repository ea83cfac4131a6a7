// A downstream commune as the province sees it: its villages, speakers and boards from the devices snapshot it sent,
// and how the newest bulletins were delivered there.
import { h, when } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';
import { nodeMap } from './charts.js';
import { stateOf } from './mirrors.js';


function speaker(n) {
  const state = stateOf(n);
  return h('li', { class: `node ${state}`, dataset: { node: n.id } }, h('span', { class: 'dot', 'aria-hidden': 'true' }),
    h('strong', {}, n.name), ` · ${t(`node.${state}`)}`);
}

function map(nodes, title) {
  const placed = nodes.filter((n) => typeof n.lat === 'number' && typeof n.lon === 'number');
  if (!placed.length) return null;
  return h('figure', { class: 'map' }, nodeMap(placed.map((n) => ({ name: n.name, lat: n.lat, lon: n.lon,
    state: stateOf(n), label: t(`node.${stateOf(n)}`) })), title));
}

/** Each village (zone) of the snapshot with its speakers and boards, then the map; read-only. */
function villages(snapshot) {
  const zones = snapshot.zones || [];
  const nodes = snapshot.nodes || [];
  const boards = snapshot.boards || [];
  if (!zones.length && !nodes.length) return [h('p', { class: 'muted' }, t('link.noDevices'))];
  const online = nodes.filter((n) => stateOf(n) === 'online').length;
  const agents = nodes.filter((n) => stateOf(n) !== 'ip').length;
  return [
    h('p', { class: 'meta' }, t('link.snapshot', { at: snapshot.at ? when(snapshot.at) : '—',
      online, agents, speakers: nodes.length, boards: boards.length })),
    h('ul', { class: 'plain villages' }, zones.map((z) => {
      const here = nodes.filter((n) => n.zone === z.id);
      const shown = boards.filter((b) => b.zone === z.id);
      return h('li', { dataset: { zone: z.id } }, h('h4', {}, z.name),
        here.length ? h('ul', { class: 'node-list' }, here.map(speaker)) : h('p', { class: 'muted' }, t('link.noSpeakers')),
        shown.length ? h('ul', { class: 'plain boards' }, shown.map((b) => h('li', {},
          `${t('link.board')}: ${b.name} · ${b.kind} · ${b.width}×${b.height}`))) : null);
    })),
    map(nodes, t('link.map', { name: snapshot.downstream || snapshot.id })),
    ...(snapshot.downstreams || []).map(below),
  ];
}

/** A system below the downstream (a province's commune, seen from the centre), as the downstream passed it up. */
function below(d) {
  return h('details', { class: 'commune below', dataset: { downstream: d.id } },
    h('summary', {}, t('link.below', { id: d.id, at: d.receivedAt ? when(d.receivedAt) : '—' })),
    ...(d.omitted ? [h('p', { class: 'muted' }, t('link.omitted'))] : villages(d).filter(Boolean)));
}

/** How many of the newest notices a commune's section looks through for its deliveries. */
const RECENT = 10;

/**
 * The deliveries of the newest notices to this downstream (reported as node `<downstream>/<node>`, or as the
 * downstream itself when it refused the bulletin): one row per speaker, newest notice first.
 */
async function deliveries(d) {
  const recent = (await api.get(`/api/v1/announcements?limit=${RECENT}`)).filter((a) => a.state !== 'DRAFT');
  const details = await Promise.all(recent.map((a) => api.get(`/api/v1/announcements/${a.id}`)));
  const rows = details.flatMap((a) => (a.deliveries || [])
    .filter((x) => x.node === d.id || x.node.startsWith(`${d.id}/`))
    .map((x) => h('tr', { dataset: { node: x.node } }, h('td', {}, h('a', { href: `#/notices/${a.id}` }, a.title)),
      h('td', {}, x.node === d.id ? t('link.wholeCommune') : x.node.slice(d.id.length + 1)),
      h('td', {}, h('span', { class: `badge delivery-${x.state.toLowerCase()}` }, t(`delivery.${x.state}`))),
      h('td', {}, x.detail || ''), h('td', {}, when(x.updatedAt)))));
  return h('table', { class: 'deliveries' }, h('caption', {}, t('link.deliveries')),
    h('thead', {}, h('tr', {}, ['link.bulletin', 'link.speaker', 'link.state', 'link.detail', 'link.at']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 5 }, t('link.noDeliveries')))));
}

/** A closed section per downstream that loads its devices when the operator opens it. */
export function commune(d) {
  const body = h('div', { class: 'devices' });
  const section = h('details', { class: 'card commune', dataset: { downstream: d.id } },
    h('summary', {}, `${d.name} (${d.id}) · `, t(d.linked ? 'link.linkedState' : 'link.unlinkedState')), body);
  let loaded = false;
  section.addEventListener('toggle', async () => {
    if (!section.open || loaded) return;
    loaded = true;
    body.replaceChildren(h('p', { class: 'muted' }, t('link.loading')));
    try {
      const [snapshot, delivered] = await Promise.all([
        api.get(`/api/v1/downstreams/${encodeURIComponent(d.id)}/devices`), deliveries(d)]);
      body.replaceChildren(...villages(snapshot).filter(Boolean), delivered);
    } catch (e) {
      loaded = false;
      body.replaceChildren(h('p', { class: 'form-alert', role: 'alert' }, e.message || t('error.generic')));
    }
  });
  return section;
}

/**
 * One map of every speaker of the province (ADR 0059): this system's own and every downstream's, mirrored, coloured
 * by state, unlabelled (names in each dot's title), with the count per state beside it; null when none has coordinates.
 */
export function provinceMap(own, mirrored) {
  const points = own.concat(mirrored.nodes).filter((n) => typeof n.lat === 'number' && typeof n.lon === 'number')
    .map((n) => ({ ...n, state: stateOf(n), mirror: !!n.readOnly }));
  if (!points.length) return h('p', { class: 'muted' }, t('link.provinceMapEmpty'));
  const count = (state) => points.filter((p) => p.state === state).length;
  return h('figure', { class: 'map province-map' }, nodeMap(points.map((p) => ({ name: p.name, lat: p.lat, lon: p.lon,
    state: p.state, label: t(`node.${p.state}`), mirror: p.mirror })), t('link.provinceMap'), { labels: false }),
  h('figcaption', {}, t('link.provinceCount', { speakers: points.length, online: count('online') + count('playing'),
    offline: count('offline'), ip: count('ip'), communes: mirrored.downstreams.length })));
}
