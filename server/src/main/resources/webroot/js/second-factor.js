// The second factor in the web UI (ADR 0024): a code form, TOTP enrolment with its QR code and recovery codes, and the
// step-up dialog that asks for a code when the server answers step_up_required, then lets the request go again.
import { h, field } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';
import { submitting, showError } from './forms.js';

function codeInput() {
  return h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 32,
    spellcheck: 'false' });
}

/** A form that proves a code (sign-in's second step); calls done(reply) once the server accepted it. */
export function codeForm(prefix, lead, done) {
  const code = codeInput();
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('p', { class: 'lead' }, lead),
    field(prefix, 'code', t('totp.code'), code, t('totp.codeHint')),
    h('button', { type: 'submit', class: 'primary' }, t('totp.verify')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => done(await api.post('/api/v1/auth/totp/verify', { code: code.value.trim() })));
  });
  setTimeout(() => code.focus());
  return form;
}

/**
 * Enrolment in `box`: a new secret as a QR code and as key text, confirmed with the app's first code; then the ten
 * recovery codes, shown once, and a button that calls done().
 */
export async function enrol(box, done) {
  const started = await api.post('/api/v1/auth/totp/enrol');
  const code = codeInput();
  const key = started.secret.replace(/(.{4})/g, '$1 ').trim();
  const form = h('form', { class: 'card narrow enrol', novalidate: true },
    h('p', {}, t('totp.scan')),
    h('img', { class: 'qr', src: started.qr, width: 240, height: 240, alt: t('totp.qrAlt') }),
    h('p', { class: 'hint' }, t('totp.keyHint')),
    h('p', {}, h('code', { class: 'totp-key' }, key)),
    field('enrol', 'code', t('totp.code'), code, t('totp.confirmHint')),
    h('button', { type: 'submit', class: 'primary' }, t('totp.confirm')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      const reply = await api.post('/api/v1/auth/totp/confirm', { code: code.value.trim() });
      box.replaceChildren(h('section', { class: 'card narrow', 'aria-labelledby': 'recovery-heading' },
        h('h2', { id: 'recovery-heading' }, t('totp.recoveryTitle')),
        h('p', {}, t('totp.recoveryHint')),
        h('ol', { class: 'recovery-codes' }, reply.recoveryCodes.map((c) => h('li', {}, h('code', {}, c)))),
        h('button', { type: 'button', class: 'primary', onclick: done }, t('totp.recoverySaved'))));
    });
  });
  box.replaceChildren(form);
  code.focus();
}

/** Asks for a code in a dialog and proves it; resolves true once proved, false when the user gives up. */
export function stepUp(message) {
  return new Promise((resolve) => {
    const code = codeInput();
    const form = h('form', { method: 'dialog', novalidate: true },
      h('h2', {}, t('stepup.title')),
      h('p', {}, message || t('stepup.lead')),
      field('stepup', 'code', t('totp.code'), code, t('totp.codeHint')),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, t('stepup.submit')),
        h('button', { type: 'button', value: 'cancel', onclick: () => dialog.close() }, t('stepup.cancel'))));
    const dialog = h('dialog', { class: 'stepup', 'aria-labelledby': 'stepup-title' }, form);
    form.querySelector('h2').id = 'stepup-title';
    let proved = false;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await api.post('/api/v1/auth/totp/verify', { code: code.value.trim() });
        proved = true;
        dialog.close();
      } catch (error) {
        // Too many wrong codes end the session: the sign-in page is on its way, so the dialog goes.
        if (error && error.status === 401) dialog.close();
        else showError(form, error);
      }
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(proved);
    });
    document.body.append(dialog);
    dialog.showModal();
    code.focus();
  });
}
