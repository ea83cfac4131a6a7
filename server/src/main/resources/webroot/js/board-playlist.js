// What a board plays: its playlist's items, each sent to one of the playlist regions of the board's layout (a side
// column of pictures beside the notices, issue 20), and a text item added at the end (PUT /api/v1/boards/{id}/playlist).
import { h, field, fill, select } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';
import { submitting } from './forms.js';
import { fillRegions } from './layout-picker.js';

const KEPT = ['kind', 'title', 'body', 'mediaId', 'fit', 'seconds', 'days', 'from', 'to'];

/** The item as the playlist's PUT takes it (the server gives items new ids on each save). */
function input(item, region) {
  const out = {};
  KEPT.filter((k) => item[k] !== undefined).forEach((k) => { out[k] = item[k]; });
  if (region) out.region = region;
  return out;
}

function regionSelect(board, value) {
  const sel = h('select', {}, h('option', { value: value || '' }, value || t('board.region.main')));
  fillRegions(sel, board.layout || 'full').then(() => { sel.value = value || ''; if (sel.value !== (value || '')) sel.value = ''; })
    .catch(() => {});
  return sel;
}

/** The card: a board picker, its items with their regions, a text item to add, and Save. */
export function playlistEditor(boards) {
  const box = h('section', { class: 'card', 'aria-labelledby': 'playlist-heading' });
  const pick = select(boards.map((b) => [b.id, b.name]), boards.length ? boards[0].id : '');
  const list = h('div');
  pick.id = 'playlist-board';
  const show = async () => {
    const board = boards.find((b) => b.id === pick.value);
    if (!board) { fill(list, h('p', {}, t('board.playlist.noBoard'))); return; }
    const { items } = await api.get(`/api/v1/boards/${board.id}/playlist`);
    // Another board chosen while this one's playlist was on its way: its own answer draws the card.
    if (pick.value !== board.id) return;
    const rows = items.map((i) => ({ item: i, region: regionSelect(board, i.region) }));
    const add = {
      title: h('input', { type: 'text', maxlength: 300 }),
      body: h('textarea', { rows: 2, maxlength: 20000 }),
      seconds: h('input', { type: 'number', min: 1, max: 3600, value: 10 }),
      region: regionSelect(board, ''),
    };
    const form = h('form', { novalidate: true, id: 'playlist-form', dataset: { board: board.id } },
      h('table', { id: 'playlist-items' }, h('thead', {}, h('tr', {}, ['board.playlist.item', 'campaign.seconds', 'board.region']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows.map(({ item, region }, n) => {
        region.setAttribute('aria-label', t('board.region.of', { title: item.title || item.kind }));
        region.id = `playlist-region-${n}`;
        return h('tr', { dataset: { item: item.id } }, h('th', { scope: 'row' }, item.title || item.mediaId || item.kind),
          h('td', {}, String(item.seconds)), h('td', {}, region));
      }))),
      h('h3', {}, t('board.playlist.add')),
      field('playlist', 'title', t('campaign.title'), add.title),
      field('playlist', 'body', t('campaign.body'), add.body),
      field('playlist', 'seconds', t('campaign.seconds'), add.seconds),
      field('playlist', 'region', t('board.region'), add.region, t('board.region.hint')),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('board.playlist.save'))));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitting(form, async () => {
        const out = rows.map(({ item, region }) => input(item, region.value));
        if (add.title.value.trim() || add.body.value.trim()) {
          out.push(input({ kind: 'TEXT', title: add.title.value, body: add.body.value,
            seconds: Number(add.seconds.value) }, add.region.value));
        }
        await api.put(`/api/v1/boards/${board.id}/playlist`, { items: out });
        await show();
        list.dataset.saved = String(Date.now());
      });
    });
    fill(list, form);
  };
  pick.addEventListener('change', () => { show().catch(() => {}); });
  fill(box, h('h2', { id: 'playlist-heading' }, t('board.playlist.heading')),
    field('playlist', 'board', t('board.playlist.board'), pick), list);
  show().catch(() => {});
  return box;
}
