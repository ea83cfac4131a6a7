// The audit log: who did what, when and from where, filtered by person, action, target and time.
import { h, field, fill, when } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { submitting } from '../forms.js';
import { vietnamTime } from '../schedule.js';

export default {
  title: 'nav.audit',
  async render(main) {
    const inputs = {
      actor: h('input', { type: 'text', maxlength: 64 }),
      action: h('input', { type: 'text', maxlength: 64, list: 'audit-actions' }),
      target: h('input', { type: 'text', maxlength: 200 }),
      from: h('input', { type: 'datetime-local' }),
      to: h('input', { type: 'datetime-local' }),
    };
    const body = h('tbody');
    const form = h('form', { class: 'filters', novalidate: true, role: 'search' },
      Object.entries(inputs).map(([name, el]) => field('audit', name, t(`audit.${name}`), el)),
      h('datalist', { id: 'audit-actions' }, ['login', 'login_failed', 'create', 'update', 'delete', 'submit', 'approve',
        'reject', 'broadcast', 'cancel', 'hotline.alarm'].map((a) => h('option', { value: a }))),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('action.filter'))));
    const load = () => submitting(form, async () => {
      const q = api.query({ actor: inputs.actor.value.trim(), action: inputs.action.value.trim(),
        target: inputs.target.value.trim(), from: vietnamTime(inputs.from.value), to: vietnamTime(inputs.to.value), limit: 200 });
      const rows = await api.get(`/api/v1/audit${q}`);
      fill(body, rows.length ? rows.map((r) => h('tr', {}, h('td', {}, when(r.at)), h('td', {}, r.actor),
        h('td', {}, r.action), h('td', {}, r.target || ''), h('td', { class: 'detail' }, r.detail || ''), h('td', {}, r.address || '')))
        : h('tr', {}, h('td', { colspan: 6 }, t('audit.none'))));
    });
    form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
    main.append(form, h('table', { class: 'audit' }, h('thead', {}, h('tr', {}, ['audit.at', 'audit.actor', 'audit.action',
      'audit.target', 'audit.detail', 'audit.address'].map((k) => h('th', { scope: 'col' }, t(k))))), body));
    await load();
  },
};
