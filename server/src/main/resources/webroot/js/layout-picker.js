// The layout pickers of the board and campaign forms: the templates and the custom layouts (GET /api/v1/layouts), and
// the playlist regions of a layout, where an item may be sent to play (issue 20).
import { h } from './dom.js';
import { t, has } from './i18n.js';
import * as api from './api.js';

let listed = null;

/** Every layout a board may take, fetched once per page load (templates first, then custom ones). */
export function layouts() {
  if (!listed) listed = api.get('/api/v1/layouts').catch((e) => { listed = null; throw e; });
  return listed;
}

function label(l) {
  return has(`board.layout.${l.name}`) ? t(`board.layout.${l.name}`) : `${l.title} (${l.name})`;
}

/**
 * A <select> of layouts, filled when the list arrives; `first` (e.g. ['', "the board's own"]) leads it. Until then it
 * holds the current value alone; it fires 'layouts' once filled.
 */
export function layoutSelect(value, first) {
  const own = first && value === first[0];
  const sel = h('select', {}, h('option', { value }, own ? first[1] : value));
  layouts().then((all) => {
    sel.replaceChildren(...(first ? [h('option', { value: first[0] }, first[1])] : []),
      ...all.map((l) => h('option', { value: l.name, dataset: { custom: String(!!l.custom) } }, label(l))));
    sel.value = value;
    sel.dispatchEvent(new Event('layouts'));
  }).catch(() => { /* the current value stays; saving still works */ });
  return sel;
}

/**
 * The names of the playlist regions besides the main one: of layout `name`, or of every layout when it is empty (a
 * campaign keeping each board's own layout).
 */
export async function sideRegions(name) {
  const all = await layouts();
  const chosen = name ? all.filter((l) => l.name === name) : all;
  const names = new Set();
  chosen.forEach((l) => {
    const playlists = l.regions.filter((r) => r.widget === 'PLAYLIST');
    const main = playlists.find((r) => r.name === 'main') || playlists[0];
    playlists.filter((r) => r !== main).forEach((r) => names.add(r.name));
  });
  return [...names];
}

/** Fills a region <select>: the main region, then the layout's other playlist regions. */
export async function fillRegions(sel, layoutName) {
  const keep = sel.value;
  const names = await sideRegions(layoutName);
  sel.replaceChildren(h('option', { value: '' }, t('board.region.main')),
    ...names.map((n) => h('option', { value: n }, t('board.region.named', { name: n }))));
  sel.value = names.includes(keep) ? keep : '';
}
