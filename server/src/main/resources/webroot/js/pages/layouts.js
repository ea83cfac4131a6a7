// The layout editor: start from a template or a custom layout, adjust its regions by numbers or by dragging them over a board's
// live snapshot, save it as a custom layout and give it to a board (GET/POST/PUT /api/v1/layouts, ADR 0047).
import { h, field, fill, select, debounce } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { submitting } from '../forms.js';

const WIDGETS = ['PLAYLIST', 'TEXT', 'CLOCK', 'DATE', 'TICKER', 'WEATHER'];
const SIDES = ['x', 'y', 'width', 'height'];

/** A number input for one side of a region, labelled "<region> – <side>" for screen readers and tests. */
function number(region, side, onInput) {
  return h('input', { type: 'number', min: 0, value: region[side], class: 'region-number',
    'aria-label': `${region.name} – ${t(`layout.${side}`)}`, oninput: (e) => { region[side] = Number(e.target.value); onInput(); } });
}

/**
 * Lets a region's outline be dragged with a mouse, pen or finger: moves the region by whole canvas pixels, kept inside
 * the canvas; `onMoved` runs once it is let go (so the numbers follow).
 */
function movable(outline, region, draft, frame, onMoved) {
  outline.addEventListener('pointerdown', (down) => {
    down.preventDefault();
    outline.setPointerCapture(down.pointerId);
    const scale = draft.width / frame.getBoundingClientRect().width;
    const start = { x: region.x, y: region.y };
    const move = (e) => {
      region.x = Math.max(0, Math.min(draft.width - region.width, Math.round(start.x + (e.clientX - down.clientX) * scale)));
      region.y = Math.max(0, Math.min(draft.height - region.height, Math.round(start.y + (e.clientY - down.clientY) * scale)));
      outline.style.left = `${(100 * region.x) / draft.width}%`;
      outline.style.top = `${(100 * region.y) / draft.height}%`;
    };
    const up = () => {
      outline.removeEventListener('pointermove', move);
      outline.removeEventListener('pointerup', up);
      outline.removeEventListener('pointercancel', up);
      onMoved();
    };
    outline.addEventListener('pointermove', move);
    outline.addEventListener('pointerup', up);
    outline.addEventListener('pointercancel', up);
  });
}

/** The board's snapshot with the edited regions outlined over it, scaled from the layout's canvas. */
function preview(box, draft, snapshotUrl, onMoved) {
  const frame = h('div', { class: 'layout-preview' });
  frame.style.aspectRatio = `${draft.width} / ${draft.height}`;
  if (snapshotUrl) frame.append(h('img', { class: 'layout-snapshot', alt: t('layout.previewAlt'), src: snapshotUrl }));
  for (const r of draft.regions) {
    const pct = (v, of) => `${(100 * v) / of}%`;
    // Placed through the CSSOM: the Content-Security-Policy refuses style attributes.
    const outline = h('div', { class: 'region-outline', dataset: { region: r.name } },
      `${r.name} (${t(`layout.widget.${r.widget}`)})`);
    Object.assign(outline.style, { left: pct(r.x, draft.width), top: pct(r.y, draft.height),
      width: pct(r.width, draft.width), height: pct(r.height, draft.height) });
    movable(outline, r, draft, frame, onMoved);
    frame.append(outline);
  }
  fill(box, frame);
}

export default {
  title: 'nav.layouts',
  async render(main) {
    const manage = session.may('compose') || session.may('devices');
    const [layouts, boards] = await Promise.all([api.get('/api/v1/layouts'), api.get('/api/v1/boards')]);
    let draft = null;
    let snapshotUrl = null;
    const inputs = {
      template: select(layouts.map((l) => [l.name, `${l.title} (${l.name})`]), 'header-main-ticker'),
      name: h('input', { type: 'text', maxlength: 64, pattern: '[a-z0-9-]+' }),
      title: h('input', { type: 'text', maxlength: 200 }),
      board: select([['', t('layout.noBoard')]].concat(boards.map((b) => [b.id, `${b.name} (${b.width}×${b.height})`])), ''),
    };
    const regionsBox = h('div', { class: 'regions' });
    const previewBox = h('div', { class: 'preview' });
    let drawRegions = null;
    // With a board chosen, the server draws the unsaved draft with what that board plays now (not the saved layout).
    const drawDraft = debounce(async () => {
      const id = inputs.board.value;
      if (!id || !draft) return;
      try {
        const png = await api.blob('POST', `/api/v1/boards/${id}/layout-preview`, bodyOf());
        if (snapshotUrl) URL.revokeObjectURL(snapshotUrl);
        snapshotUrl = URL.createObjectURL(png);
        previewBox.dataset.draft = String(Date.now());
        preview(previewBox, draft, snapshotUrl, () => drawRegions());
      } catch (e) {
        status.textContent = e.message || String(e);
      }
    }, 400);
    const redraw = () => { preview(previewBox, draft, snapshotUrl, () => drawRegions()); drawDraft(); };
    drawRegions = () => {
      fill(regionsBox, h('p', {}, t('layout.canvas', { width: draft.width, height: draft.height })),
        h('table', { id: 'regions' }, h('thead', {}, h('tr', {}, ['layout.region', 'layout.widget'].concat(SIDES.map((s) => `layout.${s}`))
          .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, draft.regions.map((r) => h('tr', { dataset: { region: r.name } }, h('th', { scope: 'row' }, r.name),
          h('td', {}, select(WIDGETS.map((w) => [w, t(`layout.widget.${w}`)]), r.widget,
            { 'aria-label': `${r.name} – ${t('layout.widget')}`, onchange: (e) => { r.widget = e.target.value; redraw(); } })),
          SIDES.map((s) => h('td', {}, number(r, s, redraw))))))));
      redraw();
    };
    const choose = () => {
      const chosen = layouts.find((l) => l.name === inputs.template.value);
      draft = JSON.parse(JSON.stringify(chosen));
      inputs.title.value = chosen.custom ? chosen.title : '';
      inputs.name.value = chosen.custom ? chosen.name : '';
      remove.hidden = !chosen.custom;
      drawRegions();
    };
    const loadSnapshot = async () => {
      const id = inputs.board.value;
      snapshotUrl = id ? URL.createObjectURL(await api.blob('GET', `/api/v1/boards/${id}/snapshot.png`)) : null;
      redraw();
    };
    const bodyOf = () => ({ name: inputs.name.value.trim() || undefined, title: inputs.title.value || undefined,
      width: draft.width, height: draft.height,
      regions: draft.regions.map((r) => ({ name: r.name, x: r.x, y: r.y, width: r.width, height: r.height, z: r.z || 0,
        widget: r.widget, text: r.text || undefined })) });
    inputs.template.addEventListener('change', choose);
    inputs.board.addEventListener('change', loadSnapshot);

    const save = h('button', { type: 'submit', class: 'primary' }, t('layout.save'));
    const assign = h('button', { type: 'button' }, t('layout.assign'));
    const remove = h('button', { type: 'button', class: 'danger', hidden: true }, t('layout.delete'));
    const form = h('form', { novalidate: true, id: 'layout-editor' },
      field('layout', 'template', t('layout.template'), inputs.template, t('layout.templateHint')),
      regionsBox,
      field('layout', 'regions', t('layout.regions'), h('span', {}), null),
      field('layout', 'name', t('layout.name'), inputs.name, t('layout.nameHint')),
      field('layout', 'title', t('layout.title'), inputs.title),
      field('layout', 'layout', t('layout.board'), inputs.board, t('layout.boardHint')),
      previewBox,
      manage ? h('div', { class: 'actions' }, save, assign, remove) : null);
    const stored = async () => {
      const name = inputs.name.value.trim();
      const body = { ...bodyOf(), name };
      const exists = layouts.some((l) => l.custom && l.name === name);
      const saved = exists ? await api.put(`/api/v1/layouts/${name}`, body) : await api.post('/api/v1/layouts', body);
      const at = layouts.findIndex((l) => l.name === name);
      if (at >= 0) layouts[at] = saved; else layouts.push(saved);
      if (![...inputs.template.options].some((o) => o.value === name)) {
        inputs.template.append(h('option', { value: name }, `${saved.title} (${name})`));
      }
      return saved;
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitting(form, async () => {
        await stored();
        status.textContent = t('layout.saved', { name: inputs.name.value.trim() });
      });
    });
    assign.addEventListener('click', () => submitting(form, async () => {
      if (!inputs.board.value) throw { code: 'no_board', field: 'layout', message: t('layout.chooseBoard') };
      const saved = await stored();
      await api.put(`/api/v1/boards/${inputs.board.value}/layout`, { layout: saved.name });
      status.textContent = t('layout.assigned', { name: saved.name });
      await loadSnapshot();
    }));
    // Only a custom layout is deleted, after the clerk confirms; the server refuses one a board or campaign uses.
    remove.addEventListener('click', () => submitting(form, async () => {
      const name = inputs.template.value;
      if (!window.confirm(t('layout.confirmDelete', { name }))) return;
      await api.del(`/api/v1/layouts/${name}`);
      layouts.splice(layouts.findIndex((l) => l.name === name), 1);
      [...inputs.template.options].filter((o) => o.value === name).forEach((o) => o.remove());
      inputs.template.value = 'header-main-ticker';
      choose();
      status.textContent = t('layout.deleted', { name });
    }));
    const status = h('p', { role: 'status', class: 'layout-status' });
    main.append(h('section', { class: 'card', 'aria-labelledby': 'layout-heading' },
      h('h2', { id: 'layout-heading' }, t('layout.heading')), form, status));
    choose();
  },
};
