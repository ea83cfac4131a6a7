// Pieces shared by the pages that show notices: the state badge, the reading, the audio preview.
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';
import { messageOf } from './forms.js';

export function stateBadge(state) {
  return h('span', { class: `badge state-${state.toLowerCase()}` }, t(`state.${state}`));
}

export const VOICES = [['vi', 'voice.vi'], ['vi-vn-x-central', 'voice.central'], ['vi-vn-x-south', 'voice.south']];

/** The voices the server offers ({id,label} from /tts/voices, default first), else the three espeak-ng voices. */
export async function voices() {
  try {
    const list = await api.get('/api/v1/tts/voices');
    return list.map((v) => (typeof v === 'string' ? [v, v] : [v.id, v.label || v.name || v.id]));
  } catch {
    return VOICES.map(([id, key]) => [id, t(key)]);
  }
}

/** A "listen" button and the audio element it fills with the server's WAV of `text()`. */
export function preview(text, voice) {
  return listenBox(t('compose.listen'), t('compose.previewAudio'),
    () => api.blob('POST', '/api/v1/tts/preview', { text: text(), voice: voice() || undefined }));
}

/** A "Nghe" button and the audio element it fills with an uploaded recording, as it was stored. */
export function recording(audioId) {
  return listenBox(t('notice.listenRecording'), t('notice.recordingAudio'),
    () => api.blob('GET', `/api/v1/audio/${encodeURIComponent(audioId)}`));
}

function listenBox(label, audioLabel, fetchAudio) {
  const audio = h('audio', { controls: true, class: 'preview', 'aria-label': audioLabel });
  const status = h('p', { class: 'field-error', 'aria-live': 'polite' });
  let url = null;
  const button = h('button', { type: 'button', class: 'listen' }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    fill(status);
    try {
      const wav = await fetchAudio();
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(wav);
      audio.src = url;
      audio.dataset.type = wav.type;
      audio.dataset.bytes = String(wav.size);
      audio.play().catch(() => { /* no sound card on this computer: the controls still work */ });
    } catch (e) {
      status.textContent = messageOf(e);
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'listen-box' }, button, audio, status);
}

/** A notice's text as written: shown as text, so HTML typed into it is never run. */
export function noticeText(text) {
  return h('div', { class: 'notice-text' }, text || '');
}
