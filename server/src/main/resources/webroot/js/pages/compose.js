// Compose a notice: text with Loa's reading beside it as you type, a voice to listen with, zones, priority, schedule.
import { h, field, select, debounce, fill } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import * as zones from '../zones.js';
import { submitting, clearErrors } from '../forms.js';
import { preview, voices } from '../notices.js';
import { scheduleFields } from '../schedule.js';
import { recordingField } from '../recording.js';
import { go } from '../nav.js';
import { tokenList, unitReadings } from '../readings.js';

/** Loa's reading of the text, in the chosen voice's language (an English voice reads in English). */
function readingPane(text, voice) {
  const out = h('output', { class: 'reading', for: text.id, 'aria-live': 'polite' });
  const why = h('div', { class: 'reading-why' });
  const readings = session.may('users') ? unitReadings() : null;
  let asked = 0;
  const read = debounce(async () => {
    const mine = ++asked;
    if (!text.value.trim()) {
      out.textContent = '';
      fill(why);
      return;
    }
    try {
      const reply = await api.post('/api/v1/tts/normalize', { text: text.value, voice: voice.value || undefined });
      if (mine === asked) {
        out.textContent = reply.normalized;
        fill(why, tokenList(reply.tokens, readings && readings.propose));
      }
    } catch {
      // The reading is a help; a refused text shows its error when the notice is saved.
    }
  }, 400);
  text.addEventListener('input', read);
  voice.addEventListener('change', read);
  return h('div', { class: 'reading-box' }, h('h2', { class: 'small', id: 'reading-heading' }, t('compose.reading')),
    h('p', { class: 'hint' }, t('compose.readingHint')), out, why,
    readings && readings.element);
}

export default {
  title: 'nav.compose',
  async render(main) {
    const [tree, voiceList] = await Promise.all([zones.load(), voices()]);
    const title = h('input', { type: 'text', maxlength: 300, required: true });
    const text = h('textarea', { rows: 8, maxlength: 20000, id: 'compose-text' });
    const voice = select(voiceList, voiceList[0] && voiceList[0][0]);
    const priorities = ['SCHEDULED', 'BACKGROUND', 'LIVE'].concat(session.may('approve') ? ['EMERGENCY'] : []);
    const priority = select(priorities.map((p) => [p, t(`priority.${p}`)]), 'SCHEDULED');
    const repeat = h('input', { type: 'number', min: 1, max: 20, value: 1, inputmode: 'numeric' });
    const chime = h('input', { type: 'checkbox', checked: true, id: 'compose-chime', name: 'chime' });
    const tree$ = zones.checkboxTree(tree, 'zones');
    const schedule = scheduleFields('compose');
    const recording = recordingField();
    const form = h('form', { class: 'compose', novalidate: true },
      h('div', { class: 'columns' },
        h('div', {},
          field('compose', 'title', t('field.title'), title),
          field('compose', 'text', t('field.text'), text, t('compose.textHint')),
          field('compose', 'voice', t('field.voice'), voice),
          preview(() => text.value, () => voice.value)),
        readingPane(text, voice)),
      recording.element,
      h('fieldset', { class: 'zones', dataset: { field: 'zones' } }, h('legend', {}, t('field.zones')), tree$,
        h('p', { class: 'field-error', dataset: { errorFor: 'zones' }, 'aria-live': 'polite' })),
      h('div', { class: 'row' },
        field('compose', 'priority', t('field.priority'), priority),
        field('compose', 'repeat', t('field.repeat'), repeat),
        h('div', { class: 'field check', dataset: { field: 'chime' } }, chime, h('label', { for: chime.id }, t('field.chime')))),
      schedule.element,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', value: 'submit' }, t('compose.submit')),
        h('button', { type: 'submit', value: 'draft' }, t('compose.draft'))));

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const send = e.submitter ? e.submitter.value : 'submit';
      submitting(form, async () => {
        const body = {
          title: title.value,
          text: text.value,
          audioId: recording.audioId(),
          zones: zones.ticked(form, 'zones'),
          priority: priority.value,
          voice: voice.value || undefined,
          repeat: Number(repeat.value),
          chime: chime.checked,
          schedule: schedule.value(),
        };
        const created = await api.post('/api/v1/announcements', body);
        if (send === 'submit' && created.state === 'DRAFT') {
          await api.post(`/api/v1/announcements/${created.id}/submit`);
        }
        go(`#/notices/${created.id}`);
      });
    });
    form.addEventListener('input', () => clearErrors(form));
    main.append(form);
    title.focus();
  },
};
