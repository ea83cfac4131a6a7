// The schedule part of the compose form: now, at a time, or again and again (a Quartz cron expression).
import { h, field } from './dom.js';
import { t } from './i18n.js';

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** A local "2026-12-01T07:30" as Vietnam's time with its offset. */
export function vietnamTime(local, seconds = ':00') {
  return local ? `${local}${seconds}+07:00` : undefined;
}

export function scheduleFields(form) {
  const mode = (value, label) => h('label', { class: 'inline' },
    h('input', { type: 'radio', name: 'when', value, checked: value === 'now' }), label);
  const at = h('input', { type: 'datetime-local', name: 'at' });
  const time = h('input', { type: 'time', name: 'time', value: '07:00' });
  const days = h('fieldset', { class: 'days' }, h('legend', {}, t('schedule.days')),
    DAYS.map((d) => h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: 'day', value: d, checked: true }),
      t(`day.${d}`))));
  const until = h('input', { type: 'date', name: 'until' });
  const atBox = h('div', { class: 'when-at', hidden: true }, field(form, 'at', t('schedule.at'), at));
  const cronBox = h('div', { class: 'when-cron', hidden: true }, field(form, 'time', t('schedule.time'), time), days,
    field(form, 'until', t('schedule.until'), until));
  const box = h('fieldset', { class: 'schedule', dataset: { field: 'schedule' } },
    h('legend', {}, t('field.schedule')),
    mode('now', t('schedule.now')), mode('at', t('schedule.atTime')), mode('cron', t('schedule.repeat')),
    atBox, cronBox, h('p', { class: 'field-error', dataset: { errorFor: 'schedule' }, 'aria-live': 'polite' }));
  box.addEventListener('change', () => {
    const chosen = box.querySelector('input[name="when"]:checked').value;
    atBox.hidden = chosen !== 'at';
    cronBox.hidden = chosen !== 'cron';
  });
  return {
    element: box,
    /** The schedule object of the API, or undefined for "now". */
    value() {
      const chosen = box.querySelector('input[name="when"]:checked').value;
      if (chosen === 'at' && !at.value) {
        // The browser's date picker gives nothing for a half-typed date: say so here, the server cannot tell why.
        throw Object.assign(new Error(t('invalid.at')), { code: 'invalid_request', field: 'at', message: t('invalid.at') });
      }
      if (chosen === 'at') return { at: vietnamTime(at.value) };
      if (chosen !== 'cron') return undefined;
      const [hour, minute] = (time.value || '07:00').split(':').map(Number);
      const picked = [...days.querySelectorAll('input:checked')].map((b) => b.value);
      const dayPart = picked.length === 7 || picked.length === 0 ? '* * ?' : `? * ${picked.join(',')}`;
      const schedule = { cron: `0 ${minute} ${hour} ${dayPart}` };
      if (until.value) schedule.until = vietnamTime(`${until.value}T23:59`);
      return schedule;
    },
  };
}
