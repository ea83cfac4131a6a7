// The first sign-in with a password Loa generated (issue 22): nothing else until the admin sets their own.
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { submitting, showError } from '../forms.js';
import { go } from '../nav.js';

function passwordInput(autocomplete) {
  return h('input', { type: 'password', required: true, maxlength: 200, autocomplete });
}

function firstPasswordForm(done) {
  const current = passwordInput('current-password');
  const next = passwordInput('new-password');
  const again = passwordInput('new-password');
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('p', { class: 'lead' }, t('password.firstLead')),
    field('first-password', 'currentPassword', t('password.current'), current),
    field('first-password', 'newPassword', t('password.new'), next),
    field('first-password', 'again', t('password.again'), again),
    h('button', { type: 'submit', class: 'primary' }, t('password.change')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (next.value !== again.value) {
      showError(form, { code: 'mismatch', field: 'again', message: t('password.mismatch') });
      return;
    }
    submitting(form, async () => {
      await api.post('/api/v1/users/me/password', { currentPassword: current.value, newPassword: next.value });
      done();
    });
  });
  setTimeout(() => current.focus());
  return form;
}

export default {
  title: 'password.firstTitle',
  render(main) {
    main.append(firstPasswordForm(() => {
      session.proved();
      go('#/');
    }));
  },
};
