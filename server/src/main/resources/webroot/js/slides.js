// An announcement's pictures for the boards (ADR 0061): thumbnails; on a draft, adding a PNG or JPEG or taking one off.
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';
import * as session from './session.js';

/** The pictures section of a notice: hidden when it has none and cannot get any (a bulletin from above shows its own). */
export function slides(a) {
  const box = h('section', { class: 'card slides', 'aria-labelledby': 'slides-heading' });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const editable = a.state === 'DRAFT' && session.may('compose');
  const base = `/api/v1/announcements/${a.id}/slides`;
  const urls = [];
  const thumbnail = (p) => {
    const img = h('img', { alt: t('slides.picture', { w: p.width, h: p.height }), width: 192 });
    api.blob('GET', `${base}/${p.sha256}`).then((b) => {
      const url = URL.createObjectURL(b);
      urls.push(url);
      img.src = url;
    }).catch(() => {});
    const remove = editable ? h('button', { type: 'button', class: 'danger', onclick: () => api.del(`${base}/${p.sha256}`)
      .then(load).catch((e) => { status.textContent = e.message; }) }, t('slides.remove')) : null;
    return h('li', {}, h('figure', {}, img, h('figcaption', {},
      `${p.width} × ${p.height} · ${Math.max(1, Math.round(p.size / 1024))} kB`)), remove);
  };
  const load = async () => {
    const list = await api.get(base).catch(() => []);
    urls.splice(0).forEach((u) => URL.revokeObjectURL(u));
    box.hidden = !list.length && !editable;
    const input = editable ? h('input', { type: 'file', id: 'slide-file', accept: 'image/png,image/jpeg' }) : null;
    if (input) {
      input.addEventListener('change', async () => {
        const file = input.files[0];
        if (!file) return;
        status.textContent = t('slides.uploading');
        try {
          await api.post(base, file);
          await load();
          status.textContent = t('slides.added');
        } catch (e) {
          status.textContent = e.message || t('slides.failed');
        }
      });
    }
    fill(box, h('h2', { id: 'slides-heading' }, t('slides.title')),
      list.length ? h('ul', { class: 'slide-list' }, list.map(thumbnail)) : h('p', {}, t('slides.none')),
      input ? h('p', {}, h('label', { for: 'slide-file' }, t('slides.add')), ' ', input, ' ',
        h('span', { class: 'hint' }, t('slides.hint'))) : null, status);
  };
  load();
  return box;
}
