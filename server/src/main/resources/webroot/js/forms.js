// Server refusals shown where the clerk looks: next to the field they concern, in the chosen language.
import { t, has, lang } from './i18n.js';

/** Which field an error code concerns when the server does not name one. */
const CODE_FIELD = {
  invalid_credentials: 'password',
  invalid_code: 'code',
  unknown_voice: 'voice',
  unknown_zone: 'zones',
  invalid_schedule: 'schedule',
  missing_content: 'text',
  text_too_long: 'text',
  unknown_audio: 'file',
  audioId: 'file',
  not_audio: 'file',
  corrupt_audio: 'file',
  file_too_large: 'file',
  invalid_file_name: 'file',
  missing_file: 'file',
  invalid_relay_url: 'relayUrl',
  duplicate_id: 'id',
  id_mismatch: 'id',
  weak_password: 'password',
  invalid_address: 'address',
  unresolved_address: 'address',
  odd_port: 'address',
  invalid_multicast: 'multicast',
  invalid_quiet_hours: 'quiet',
  invalid_url: 'url',
  upstream_unreachable: 'url',
  upstream_invalid: 'url',
  upstream_refused: 'key',
};

/** The field an error belongs to in this form, or null for a form-wide message. */
function fieldOf(form, error) {
  const names = [error.field, error.field && error.field.split('.')[0], CODE_FIELD[error.code]];
  for (const name of names) {
    if (name && form.querySelector(`[data-error-for="${CSS.escape(name)}"]`)) return name;
  }
  return null;
}

/** The words for an error: ours for schema refusals and network trouble, the server's Vietnamese otherwise. */
export function messageOf(error, field) {
  if (error.code === 'invalid_request' && field && has(`invalid.${field}`)) return t(`invalid.${field}`);
  if (error.code === 'network') return t('error.network');
  if (lang() !== 'vi' && has(`error.${error.code}`)) return t(`error.${error.code}`);
  if (error.message) return error.message;
  if (error.status >= 500) return t('error.server');
  return has(`error.${error.code}`) ? t(`error.${error.code}`) : t('error.generic');
}

export function clearErrors(form) {
  for (const slot of form.querySelectorAll('[data-error-for]')) slot.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const alert = form.querySelector('.form-alert');
  if (alert) alert.textContent = '';
}

/** Shows a refusal next to its field (or at the top of the form) and moves the focus there. */
export function showError(form, error) {
  if (!(error && 'code' in error)) throw error;
  clearErrors(form);
  const name = fieldOf(form, error);
  const text = messageOf(error, name);
  if (name) {
    form.querySelector(`[data-error-for="${CSS.escape(name)}"]`).textContent = text;
    const input = form.querySelector(`[data-field="${CSS.escape(name)}"] :is(input, select, textarea)`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  } else {
    let alert = form.querySelector('.form-alert');
    if (!alert) {
      alert = document.createElement('p');
      alert.className = 'form-alert';
      alert.setAttribute('role', 'alert');
      form.prepend(alert);
    }
    alert.textContent = text;
  }
}

/** Runs an async action for a form: disables its buttons meanwhile and shows any refusal. */
export async function submitting(form, action) {
  clearErrors(form);
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    return await action();
  } catch (e) {
    showError(form, e);
    return undefined;
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}
