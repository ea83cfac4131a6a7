// Display boards: registering and editing one, and what each shows now.
import { h, select } from '../dom.js';
import { t } from '../i18n.js';
import { devicePage, zoneSelect } from '../devices.js';
import { layoutSelect } from '../layout-picker.js';
import { playlistEditor } from '../board-playlist.js';
import * as session from '../session.js';
import * as api from '../api.js';

/** What the board shows now, as the server renders it (fetched with the token, so it cannot be a plain <img src>). */
function snapshot(b) {
  const img = h('img', { class: 'snapshot', alt: t('board.snapshotOf', { name: b.name }), width: 160 });
  api.blob('GET', `/api/v1/boards/${b.id}/snapshot.png`)
    .then((png) => { img.src = URL.createObjectURL(png); })
    .catch(() => { img.alt = t('board.noSnapshot'); });
  return img;
}


const boardsPage = devicePage({
    path: '/api/v1/boards',
    prefix: 'board',
    columns: [['node.name', (b) => b.name], ['field.zone', (b, tree) => tree.name(b.zone)], ['field.kind', (b) => b.kind],
      ['board.size', (b) => `${b.width}×${b.height}`], ['board.driver', (b) => b.driver || ''],
      ['board.snapshot', snapshot],
      ['board.player', (b) => h('a', { href: `/player/${b.id}`, target: '_blank', rel: 'noopener' }, t('board.open'))]],
    inputs: (tree, b) => [
      ['name', 'node.name', h('input', { type: 'text', maxlength: 200, value: b ? b.name : '' })],
      ['zone', 'field.zone', zoneSelect(tree, b && b.zone)],
      ['kind', 'field.kind', select([['LCD', 'LCD'], ['LED', 'LED']], b ? b.kind : 'LCD')],
      ['width', 'board.width', h('input', { type: 'number', min: 8, max: 7680, value: b ? b.width : 1920 })],
      ['height', 'board.height', h('input', { type: 'number', min: 8, max: 4320, value: b ? b.height : 1080 })],
      ['driver', 'board.driver', h('input', { type: 'text', maxlength: 255, value: b && b.driver ? b.driver : 'web' }),
        'board.driverHint'],
      // Templates and custom layouts alike (GET /api/v1/layouts).
      ['layout', 'board.layout', layoutSelect(b && b.layout ? b.layout : 'full')],
    ],
    read: (i) => ({ name: i.name.value, zone: i.zone.value, kind: i.kind.value, width: Number(i.width.value),
      height: Number(i.height.value), driver: i.driver.value.trim() || undefined, layout: i.layout.value }),
});

export default {
  title: 'nav.boards',
  async render(main) {
    await boardsPage(main);
    // What each board plays, item by item, in the regions of its layout (for those who compose or manage boards).
    if (session.may('compose') || session.may('devices')) main.append(playlistEditor(await api.get('/api/v1/boards')));
  },
};
