// How Loa reads a text, token by token, and the unit's own readings that an admin edits beside the compose form.
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';
import { messageOf } from './forms.js';

/**
 * The tokens Loa did not leave as written: "30-4 → ba mươi tháng tư (ngày tháng)", so a clerk sees why; with
 * {@code fix} (admins), each has a button that proposes it as a unit reading to correct.
 */
export function tokenList(tokens, fix) {
  const read = (tokens || []).filter((token) => token.kind !== 'word');
  if (!read.length) return null;
  return h('ul', { class: 'tokens' }, read.map((token) => h('li', { dataset: { kind: token.kind } },
    h('code', {}, token.text), ' → ', token.reading || t('reading.silent'),
    h('span', { class: 'kind' }, ` (${t(`kind.${token.kind}`)})`),
    fix && token.kind !== 'override' ? h('button', { type: 'button', class: 'link',
      onclick: () => fix(token.text, token.reading) }, t('reading.fix')) : null)));
}

/**
 * The editor of the unit's own readings: one row per entry, each with a preview; saved all at once.
 * Returns {element, propose(written, spoken)}: propose opens the editor on a new row to correct.
 */
export function unitReadings() {
  const rows = h('tbody');
  const status = h('p', { class: 'field-error', 'aria-live': 'polite' });
  const row = (written = '', spoken = '') => {
    const writtenInput = h('input', { type: 'text', maxlength: 40, value: written, 'aria-label': t('reading.written'),
      class: 'written', placeholder: 'Tổ #' });
    const spokenInput = h('input', { type: 'text', maxlength: 200, value: spoken, 'aria-label': t('reading.spoken'),
      class: 'spoken', placeholder: 'tổ dân phố #' });
    const heard = h('output', { class: 'entry-preview' });
    const audio = h('audio', { class: 'preview', 'aria-label': t('compose.previewAudio') });
    const listen = h('button', { type: 'button', class: 'listen' }, t('compose.listen'));
    listen.addEventListener('click', async () => {
      // The entry's own reading, with a number in place of "#", read by the saved rules.
      const sample = spokenInput.value.replaceAll('#', '3');
      if (!sample.trim()) return;
      try {
        const reply = await api.post('/api/v1/tts/normalize', { text: sample });
        heard.textContent = reply.normalized;
        audio.src = URL.createObjectURL(await api.blob('POST', '/api/v1/tts/preview', { text: sample }));
        audio.play().catch(() => { /* no sound card: the text is still shown */ });
      } catch (e) {
        status.textContent = messageOf(e);
      }
    });
    const remove = h('button', { type: 'button' }, t('reading.remove'));
    const tr = h('tr', {}, h('td', {}, writtenInput), h('td', {}, spokenInput),
      h('td', {}, listen, remove, heard, audio));
    remove.addEventListener('click', () => tr.remove());
    rows.append(tr);
    return spokenInput;
  };
  const load = async () => {
    try {
      const entries = await api.get('/api/v1/abbreviations');
      fill(rows);
      Object.entries(entries).forEach(([written, spoken]) => row(written, spoken));
    } catch (e) {
      status.textContent = messageOf(e);
    }
  };
  const save = h('button', { type: 'button', class: 'primary' }, t('reading.save'));
  save.addEventListener('click', async () => {
    const entries = {};
    for (const tr of rows.children) {
      const written = tr.querySelector('.written').value.trim();
      const spoken = tr.querySelector('.spoken').value.trim();
      if (written) entries[written] = spoken;
    }
    save.disabled = true;
    try {
      await api.put('/api/v1/abbreviations', entries);
      status.textContent = t('reading.saved');
      await load();
    } catch (e) {
      status.textContent = messageOf(e);
    } finally {
      save.disabled = false;
    }
  });
  const add = h('button', { type: 'button' }, t('reading.add'));
  add.addEventListener('click', () => row());
  load();
  const element = h('details', { class: 'unit-readings' }, h('summary', {}, t('reading.title')),
    h('p', { class: 'hint' }, t('reading.hint')),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('reading.written')), h('th', {}, t('reading.spoken')),
      h('th', {}))), rows),
    h('div', { class: 'actions' }, add, save), status);
  const propose = (written, spoken) => {
    element.open = true;
    const input = row(written, spoken);
    input.focus();
    input.select();
  };
  return { element, propose };
}
