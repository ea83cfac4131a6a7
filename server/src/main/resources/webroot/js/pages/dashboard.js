// The dashboard: loudspeakers per zone (online, offline, playing), what is on air now and what comes next.
import { h, fill, when } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as zones from '../zones.js';
import { stateBadge } from '../notices.js';
import { nodeMap } from '../charts.js';
import * as mirrors from '../mirrors.js';

const nodeState = mirrors.stateOf;

/** A downstream's speaker (ADR 0059) keeps a class and a label saying where it comes from and that it is read-only. */
function mirrorOf(n, mirrored) {
  return n.readOnly ? { class: ' mirror', label: `${mirrors.since(n)} · ${mirrors.from(n, mirrored)}` }
    : { class: '', label: '' };
}

function zoneTable(tree, nodes) {
  const counts = new Map();
  for (const n of nodes) {
    const c = counts.get(n.zone) || { online: 0, offline: 0, playing: 0, ip: 0 };
    c[nodeState(n)] += 1;
    counts.set(n.zone, c);
  }
  const rows = [...counts.entries()].map(([zone, c]) => h('tr', { class: zone.includes('/') ? 'mirror' : null },
    h('th', { scope: 'row' }, tree.name(zone)),
    h('td', {}, String(c.online + c.playing)), h('td', {}, String(c.offline)),
    h('td', {}, String(c.playing)), h('td', {}, String(c.ip))));
  return h('table', {},
    h('caption', {}, t('dash.zones')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('field.zone')), h('th', { scope: 'col' }, t('node.online')),
      h('th', { scope: 'col' }, t('node.offline')), h('th', { scope: 'col' }, t('node.playing')),
      h('th', { scope: 'col' }, t('node.ip')))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 5 }, t('dash.noNodes')))));
}

function nodeList(tree, nodes, mirrored) {
  return h('ul', { class: 'node-list' }, nodes.map((n) => {
    const state = nodeState(n);
    const mirror = mirrorOf(n, mirrored);
    return h('li', { class: `node ${state}${mirror.class}`, dataset: { node: n.id } },
      h('span', { class: 'dot', 'aria-hidden': 'true' }),
      h('strong', {}, n.name), ` · ${tree.name(n.zone)} · `, t(`node.${state}`), mirror.label);
  }));
}

/** The nodes with coordinates on a small map, and the same as a list for screen readers; nothing when none has any. */
function map(tree, nodes) {
  const placed = nodes.filter((n) => typeof n.lat === 'number' && typeof n.lon === 'number');
  if (!placed.length) return null;
  const points = placed.map((n) => ({ name: n.name, lat: n.lat, lon: n.lon, state: nodeState(n),
    label: t(`node.${nodeState(n)}`), mirror: !!n.readOnly }));
  // A province's hundreds of speakers: names only in each dot's title, or the map is a blur of text.
  return h('figure', { class: 'map' }, nodeMap(points, t('dash.map'), { labels: points.length <= 100 }),
    h('figcaption', { class: 'sr' }, t('dash.map'), h('ul', {}, placed.map((n) => h('li', {},
      `${n.name} · ${tree.name(n.zone)} · ${t(`node.${nodeState(n)}`)} · ${n.lat.toFixed(5)}, ${n.lon.toFixed(5)}`)))));
}

/** The next airings from the programme grid (the scheduler); the SCHEDULED notices when it cannot be read. */
async function comingNext() {
  try {
    const grid = await api.get('/api/v1/schedule');
    return grid.items.filter((x) => x.outcome === 'PLANNED').slice(0, 8)
      .map((x) => ({ id: x.announcementId, title: x.title, state: 'SCHEDULED', zones: x.zones, schedule: { at: x.at } }));
  } catch {
    return (await api.get('/api/v1/announcements?state=SCHEDULED')).slice().reverse();
  }
}

function noticeList(items, tree, empty) {
  if (!items.length) return h('p', { class: 'muted' }, empty);
  return h('ul', { class: 'plain' }, items.map((a) => h('li', {},
    h('a', { href: `#/notices/${a.id}` }, a.title), ' ', stateBadge(a.state), ' · ',
    a.zones.map((z) => tree.name(z)).join(', '),
    a.schedule && a.schedule.at ? ` · ${when(a.schedule.at)}` : '')));
}

export default {
  title: 'nav.dashboard',
  async render(main) {
    const body = h('div');
    main.append(body);
    // A province's downstreams report their devices every few minutes: asked again once a minute, not every round.
    let mirrored = { zones: [], nodes: [], boards: [], downstreams: [] };
    let round = 0;
    const load = async () => {
      if (round % 4 === 0) mirrored = await mirrors.load().catch(() => mirrored);
      round += 1;
      const [tree, own, onAir, scheduled, recent] = await Promise.all([zones.load({ mirrored }), api.get('/api/v1/nodes'),
        api.get('/api/v1/announcements?state=ON_AIR'), comingNext(), api.get('/api/v1/announcements?limit=100')]);
      const nodes = own.concat(mirrored.nodes);
      const alerts = recent.filter((a) => a.priority === 'EMERGENCY').slice(0, 5);
      fill(body,
        h('section', { class: 'grid' },
          h('div', { class: 'card', 'aria-labelledby': 'dash-air' }, h('h2', { id: 'dash-air' }, t('dash.onAir')),
            noticeList(onAir, tree, t('dash.nothingOnAir'))),
          h('div', { class: 'card', 'aria-labelledby': 'dash-next' }, h('h2', { id: 'dash-next' }, t('dash.next')),
            noticeList(scheduled, tree, t('dash.nothingNext')), h('a', { href: '#/programme' }, t('dash.programme'))),
          h('div', { class: 'card', 'aria-labelledby': 'dash-alerts' }, h('h2', { id: 'dash-alerts' }, t('dash.alerts')),
            noticeList(alerts, tree, t('dash.noAlerts')))),
        h('section', { class: 'card', 'aria-labelledby': 'dash-nodes' }, h('h2', { id: 'dash-nodes' }, t('dash.nodes')),
          zoneTable(tree, nodes), map(tree, nodes), nodeList(tree, nodes, mirrored)));
    };
    await load();
    // The dashboard stays on the office screen all day: it follows what happens without a reload.
    const timer = setInterval(() => load().catch(() => { /* the next round tries again */ }), 15_000);
    return () => clearInterval(timer);
  },
};
