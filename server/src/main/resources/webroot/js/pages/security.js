// The signed-in user's own security: two-step verification (TOTP) on or off, recovery codes left.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { enrol } from '../second-factor.js';
import { submitting } from '../forms.js';
import { go } from '../nav.js';

export default {
  title: 'security.title',
  async render(main) {
    const status = await api.get('/api/v1/auth/totp');
    const box = h('div', {});
    if (status.enrolled) {
      const off = h('form', { class: 'card narrow' },
        h('p', { class: 'ok' }, t('security.on')),
        h('p', {}, t('security.codesLeft', { n: status.recoveryCodesLeft })),
        status.required ? h('p', { class: 'hint' }, t('security.required'))
          : h('button', { type: 'submit' }, t('security.turnOff')));
      off.addEventListener('submit', (e) => {
        e.preventDefault();
        submitting(off, async () => {
          await api.del('/api/v1/auth/totp');
          go('#/security');
        });
      });
      box.append(off);
    } else {
      const on = h('button', { type: 'button', class: 'primary' }, t('security.turnOn'));
      on.addEventListener('click', () => enrol(box, () => go('#/')));
      box.append(h('div', { class: 'card narrow' }, h('p', {}, t('security.off')),
        status.required ? h('p', { class: 'form-alert', role: 'alert' }, t('security.required')) : null, on));
    }
    main.append(box);
  },
};
