// Sign-in: username and password; the token is kept in this browser.
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { submitting } from '../forms.js';
import { go } from '../nav.js';

export default {
  title: 'signin.title',
  render(main) {
    const username = h('input', { type: 'text', autocomplete: 'username', required: true, maxlength: 64 });
    const password = h('input', { type: 'password', autocomplete: 'current-password', required: true, maxlength: 200 });
    const ended = session.endReason();
    const form = h('form', { class: 'card narrow', novalidate: true, 'aria-labelledby': 'signin-heading' },
      ended ? h('p', { class: 'form-alert', role: 'alert' }, ended) : null,
      h('p', { id: 'signin-heading', class: 'lead' }, t('signin.lead')),
      field('signin', 'username', t('field.username'), username),
      field('signin', 'password', t('field.password'), password),
      h('button', { type: 'submit', class: 'primary' }, t('signin.submit')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitting(form, async () => {
        const reply = await api.post('/api/v1/auth/login', { username: username.value.trim(), password: password.value });
        session.save(reply);
        // With reply.pending the router shows the second step (a code, or enrolment) before anything else.
        go('#/');
      });
    });
    main.append(form);
    username.focus();
  },
};
