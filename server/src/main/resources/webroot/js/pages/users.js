// Users of the admin's unit: create one, change a role or unit, disable, reset a password or a lost phone's second
// factor; see and end their sessions; the unit's security policy.
import { h, field, fill, select, when } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as zones from '../zones.js';
import { submitting } from '../forms.js';
import { policySection } from '../unit-policy.js';

const ROLES = ['clerk', 'approver', 'technician', 'admin'];

export default {
  title: 'nav.users',
  async render(main) {
    const tree = await zones.load();
    const body = h('tbody');
    const formBox = h('section', { class: 'card', 'aria-labelledby': 'user-form-heading' });
    const load = async () => {
      const list = await api.get('/api/v1/users');
      fill(body, list.map((u) => h('tr', { dataset: { user: u.username } }, h('th', { scope: 'row' }, u.username),
        h('td', {}, u.displayName || ''), h('td', {}, t(`role.${u.role}`)), h('td', {}, tree.name(u.unit)),
        h('td', {}, u.enabled ? t('users.enabled') : t('users.disabled')),
        h('td', {}, h('button', { type: 'button', onclick: () => showForm(u) }, t('action.edit'))))));
    };
    function showForm(user) {
      const i = {
        username: h('input', { type: 'text', maxlength: 64, value: user ? user.username : '', disabled: !!user }),
        displayName: h('input', { type: 'text', maxlength: 200, value: user ? user.displayName || '' : '' }),
        role: select(ROLES.map((r) => [r, t(`role.${r}`)]), user ? user.role : 'clerk'),
        unit: select(zones.options(tree), user ? user.unit : tree.roots[0] && tree.roots[0].id),
        password: h('input', { type: 'password', autocomplete: 'new-password', maxlength: 200 }),
      };
      const enabled = h('input', { type: 'checkbox', id: 'user-enabled', checked: user ? user.enabled : true });
      const form = h('form', { novalidate: true },
        field('user', 'username', t('field.username'), i.username, t('field.idHint')),
        field('user', 'displayName', t('users.displayName'), i.displayName),
        field('user', 'role', t('users.role'), i.role),
        field('user', 'unit', t('users.unit'), i.unit),
        field('user', 'password', user ? t('users.newPassword') : t('field.password'), i.password),
        user ? h('div', { class: 'field check' }, enabled, h('label', { for: enabled.id }, t('users.enabled'))) : null,
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, user ? t('action.save') : t('users.create')),
          user ? h('button', { type: 'button', onclick: () => showForm(null) }, t('action.cancelEdit')) : null,
          // A lost phone: the user's second factor is removed, their sessions end, and they enrol again.
          user ? h('button', { type: 'button', onclick: () => submitting(form, async () => {
            await api.del(`/api/v1/users/${encodeURIComponent(user.username)}/totp`);
            showForm(null);
          }) }, t('users.resetTotp')) : null));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submitting(form, async () => {
          const payload = { displayName: i.displayName.value || undefined, role: i.role.value, unit: i.unit.value,
            password: i.password.value || undefined };
          if (user) await api.put(`/api/v1/users/${user.username}`, { ...payload, enabled: enabled.checked });
          else await api.post('/api/v1/users', { ...payload, username: i.username.value.trim(), password: i.password.value });
          showForm(null);
          await load();
        });
      });
      fill(formBox, h('h2', { id: 'user-form-heading' }, user ? t('users.edit', { name: user.username }) : t('users.create')), form);
    }
    // Open sign-in sessions: an admin ends one (a lost phone, a shared computer left signed in).
    const sessionBody = h('tbody');
    const loadSessions = async () => {
      const list = await api.get('/api/v1/sessions');
      fill(sessionBody, list.map((s) => h('tr', { dataset: { session: s.username } }, h('th', { scope: 'row' }, s.username),
        h('td', {}, s.address || ''), h('td', {}, when(s.lastSeenAt)),
        h('td', {}, s.current ? t('sessions.current') : h('button', { type: 'button', onclick: async () => {
          await api.del(`/api/v1/sessions/${encodeURIComponent(s.id)}`);
          await loadSessions();
        } }, t('sessions.end'))))));
    };
    main.append(h('table', {}, h('thead', {}, h('tr', {}, ['field.username', 'users.displayName', 'users.role', 'users.unit',
      'users.state', 'action.actions'].map((k) => h('th', { scope: 'col' }, t(k))))), body), formBox,
    h('section', { 'aria-labelledby': 'sessions-heading' }, h('h2', { id: 'sessions-heading' }, t('sessions.heading')),
      h('table', {}, h('thead', {}, h('tr', {}, ['field.username', 'sessions.address', 'sessions.lastSeen',
        'action.actions'].map((k) => h('th', { scope: 'col' }, t(k))))), sessionBody)),
    policySection(tree));
    showForm(null);
    await load();
    await loadSessions();
  },
};
