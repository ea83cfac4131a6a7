// A unit's security policy on the users page (ADR 0024): two-step verification required of leaders, and the four-eyes
// rule (off, emergencies, every notice). Units without their own follow the one above.
import { h, field, select } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';
import * as zones from './zones.js';
import { submitting } from './forms.js';

const RULES = ['off', 'emergency', 'all'];

/** The policy form, for the units in `tree` (the admin's unit and below). */
export function policySection(tree) {
  const unit = select(zones.options(tree), tree.roots[0] && tree.roots[0].id);
  const totp = h('input', { type: 'checkbox', id: 'policy-totp', name: 'totpRequired' });
  const eyes = select(RULES.map((r) => [r, t(`policy.fourEyes.${r}`)]), 'emergency');
  const source = h('p', { class: 'hint', 'aria-live': 'polite' });
  const saved = h('p', { class: 'ok', 'aria-live': 'polite' });
  const form = h('form', { novalidate: true },
    field('policy', 'unit', t('users.unit'), unit),
    h('div', { class: 'field check', dataset: { field: 'totpRequired' } }, totp,
      h('label', { for: totp.id }, t('policy.totp'))),
    field('policy', 'fourEyes', t('policy.fourEyes'), eyes, t('policy.fourEyesHint')),
    source,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('policy.save'))), saved);
  const show = (p) => {
    totp.checked = p.totpRequired;
    eyes.value = p.fourEyes;
    source.textContent = p.setAt ? t('policy.setAt', { unit: tree.name(p.setAt) }) : t('policy.default');
  };
  const load = () => submitting(form, async () => {
    saved.textContent = '';
    show(await api.get(`/api/v1/zones/${encodeURIComponent(unit.value)}/policy`));
  });
  unit.addEventListener('change', load);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      show(await api.put(`/api/v1/zones/${encodeURIComponent(unit.value)}/policy`,
        { totpRequired: totp.checked, fourEyes: eyes.value }));
      saved.textContent = t('policy.saved');
    });
  });
  load();
  return h('section', { class: 'card', 'aria-labelledby': 'policy-heading' },
    h('h2', { id: 'policy-heading' }, t('policy.heading')), form);
}
