// A province's view of its downstreams (ADR 0059): each linked system's villages, speakers and boards, mirrored below
// the zone it stands for, read-only. Ids are the downstream's path and its own id (xa-a/thon-1).
import { h, when } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';

/** Pages are bounded by the server (100 downstreams); a province of a hundred communes is one call. */
const MOST_PAGES = 20;

/** {zones, nodes, boards, downstreams} of every downstream the caller's unit covers; empty lists when none. */
export async function load() {
  const all = { zones: [], nodes: [], boards: [], downstreams: [] };
  let offset = 0;
  for (let i = 0; i < MOST_PAGES && offset !== null; i += 1) {
    const page = await api.get(`/api/v1/downstreams/devices?offset=${offset}`);
    for (const key of Object.keys(all)) all[key].push(...page[key]);
    offset = page.next;
  }
  return all;
}

/** "từ Xã A, chỉ xem": where a mirrored entry comes from, for its label. */
export function from(entry, mirrored) {
  const path = entry.mirror.downstream;
  const d = mirrored.downstreams.find((x) => x.id === path);
  return t('mirror.from', { from: (d && (d.zoneName || d.name)) || path });
}

/**
 * A speaker's state, this system's own or a mirrored one as its snapshot carried it: a standard RTP speaker reports
 * none; an agent is connected or not, and an own one may be playing.
 */
export function stateOf(n) {
  if (n.kind === 'rtp') return 'ip';
  if (!n.online) return 'offline';
  return n.status && n.status.state === 'PLAYING' ? 'playing' : 'online';
}

/** " (từ 06:00 7/12/26)": since when a mirrored agent has been connected, as its snapshot said; '' otherwise. */
export function since(n) {
  return n.readOnly && n.online && n.onlineSince ? ` (${t('mirror.since', { at: when(n.onlineSince) })})` : '';
}

/** The speakers and boards of a mirrored zone, as a list; null when it has none. */
export function devicesIn(zone, mirrored) {
  const items = mirrored.nodes.filter((n) => n.zone === zone).map((n) => h('li', {
    class: `node ${stateOf(n)} mirror`, dataset: { node: n.id } }, h('span', { class: 'dot', 'aria-hidden': 'true' }),
  n.name, ` · ${t(`node.${stateOf(n)}`)}`, since(n)))
    .concat(mirrored.boards.filter((b) => b.zone === zone).map((b) => h('li', { class: 'mirror', dataset: { board: b.id } },
      `${t('link.board')}: ${b.name}`)));
  return items.length ? h('ul', { class: 'node-list' }, items) : null;
}
