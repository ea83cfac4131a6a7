// The province's report by commune (issue 14, ADR 0060): over a period, what each downstream commune's statistics
// sent up say (bulletins aired, hours on air per zone, speakers' availability) and how its speakers took this
// system's own bulletins; a chart, a table, and CSV/XLSX files. Shown only on a system that has downstreams.
import { h, fill } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { columns } from '../charts.js';

const HEADERS = ['reports.provinceCommune', 'reports.provinceDays', 'state.DONE', 'state.FAILED', 'reports.provinceHours',
  'reports.provinceZones', 'reports.percent', 'reports.provincePlayed', 'reports.provinceUndelivered'];

function row(c) {
  const zones = c.zones.map((z) => `${z.name}: ${z.hours} ${t('reports.provinceHoursUnit')}`).join('; ');
  return h('tr', { dataset: { commune: c.commune } }, h('th', { scope: 'row' }, c.name),
    h('td', {}, String(c.days)), h('td', {}, String(c.aired)), h('td', {}, String(c.failed)),
    h('td', {}, String(c.hoursOnAir)), h('td', {}, zones || '—'),
    h('td', {}, c.availabilityPercent === null ? '—' : `${c.availabilityPercent} %`),
    h('td', {}, String(c.played)), h('td', {}, String(c.undelivered)));
}

/** The section of the reports page; hidden until the report lists a commune. */
export function provinceSection(download) {
  const box = h('section', { class: 'card', 'aria-labelledby': 'rep-province', hidden: true });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
  const from = h('input', { type: 'date', id: 'province-from', value: `${today.slice(0, 8)}01` });
  const to = h('input', { type: 'date', id: 'province-to', value: today });
  const body = h('div', {});
  const show = async () => {
    const report = await api.get(`/api/v1/reports/province${api.query({ from: from.value, to: to.value })}`);
    box.hidden = report.communes.length === 0;
    fill(body, columns(report.communes.map((c) => ({ label: c.name, values: [c.aired, c.failed, c.cancelled] })),
      [{ name: t('state.DONE'), color: '#1e7b34' }, { name: t('state.FAILED'), color: '#b3261e' },
        { name: t('state.CANCELLED'), color: '#9e9e9e' }], t('reports.province')),
    h('table', { class: 'province-report' }, h('thead', {}, h('tr', {}, HEADERS.map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, report.communes.map(row))));
  };
  from.addEventListener('change', () => show().catch(() => {}));
  to.addEventListener('change', () => show().catch(() => {}));
  fill(box, h('h2', { id: 'rep-province' }, t('reports.province')),
    h('p', { class: 'meta' }, t('reports.provinceNote')),
    h('div', { class: 'filters' }, h('label', { for: 'province-from' }, t('reports.from')), from,
      h('label', { for: 'province-to' }, t('reports.to')), to),
    body,
    h('div', { class: 'actions' }, ['csv', 'xlsx'].map((format) => h('button', { type: 'button',
      dataset: { export: `province-${format}` },
      onclick: () => download(`/api/v1/reports/province${api.query({ from: from.value, to: to.value, format })}`,
        `bao-cao-theo-xa-${from.value}-${to.value}.${format}`) }, t(`reports.${format}`)))));
  show().catch(() => {});
  return box;
}
