// The "recorded programme" part of the compose form: choose a file, watch it upload, keep its audio id.
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';
import { messageOf } from './forms.js';

function minutes(ms) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function recordingField() {
  let audioId;
  const input = h('input', { type: 'file', id: 'compose-file', name: 'file',
    accept: '.mp3,.wav,.ogg,.m4a,audio/*', 'aria-describedby': 'compose-file-hint compose-file-error' });
  const bar = h('progress', { max: 100, value: 0, 'aria-label': t('upload.progress'), hidden: true });
  const percent = h('span', { class: 'percent', 'aria-live': 'polite' });
  const status = h('p', { class: 'ok', role: 'status' });
  const error = h('p', { class: 'field-error', id: 'compose-file-error', dataset: { errorFor: 'file' }, 'aria-live': 'polite' });
  input.addEventListener('change', async () => {
    audioId = undefined;
    fill(status);
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    const file = input.files[0];
    if (!file) return;
    bar.hidden = false;
    bar.value = 0;
    try {
      const reply = await api.upload('/api/v1/audio', file, (sent, total) => {
        bar.value = Math.round((100 * sent) / total);
        percent.textContent = `${bar.value} %`;
      });
      audioId = reply.audioId;
      bar.value = 100;
      status.textContent = t('upload.done', { name: reply.name, duration: minutes(reply.durationMs) });
    } catch (e) {
      bar.hidden = true;
      percent.textContent = '';
      error.textContent = messageOf(e, 'file');
      input.setAttribute('aria-invalid', 'true');
    }
  });
  const element = h('fieldset', { class: 'recording', dataset: { field: 'file' } }, h('legend', {}, t('upload.legend')),
    h('label', { for: input.id }, t('upload.file')), input,
    h('p', { class: 'hint', id: 'compose-file-hint' }, t('upload.hint')), h('div', { class: 'progress-line' }, bar, percent),
    status, error);
  return { element, audioId: () => audioId };
}
