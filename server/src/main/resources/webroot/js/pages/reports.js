// Reports for the commune office: broadcasts per day and loudspeaker availability over 7 or 30 days, as charts,
// and as CSV or XLSX files to open in a spreadsheet; the broadcast log (sổ nhật ký phát thanh) of a period and the
// month per zone, shown and downloaded as XLSX or PDF to print, sign and file.
import { h, fill, select } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { columns, percentBars } from '../charts.js';
import { provinceSection } from './province-report.js';

async function download(path, name) {
  const file = await api.blob('GET', path);
  const url = URL.createObjectURL(file);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function exports(report, days, by) {
  return h('div', { class: 'actions' }, ['csv', 'xlsx'].map((format) => h('button', {
    type: 'button',
    dataset: { export: `${report}${by ? `-${by}` : ''}-${format}` },
    onclick: () => download(`/api/v1/reports/${report}${api.query({ days, format, by })}`,
      `${report}${by ? `-${by}` : ''}-${days}.${format}`),
  }, t(`reports.${format}`))));
}

const STATES = { DONE: 'state.DONE', FAILED: 'state.FAILED', CANCELLED: 'state.CANCELLED', ON_AIR: 'state.ON_AIR' };

function when(iso) {
  return iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '';
}

// The log's section: a period (this month by default), its entries, and the files to file.
function logSection() {
  const box = h('section', { class: 'card', 'aria-labelledby': 'rep-log' });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
  const from = h('input', { type: 'date', id: 'log-from', value: `${today.slice(0, 8)}01` });
  const to = h('input', { type: 'date', id: 'log-to', value: today });
  const month = h('input', { type: 'month', id: 'log-month', value: today.slice(0, 7) });
  const table = h('div', {});
  const file = (path, params, name) => download(`${path}${api.query(params)}`, name);
  const show = async () => {
    const log = await api.get(`/api/v1/reports/log${api.query({ from: from.value, to: to.value })}`);
    fill(table, log.entries.length === 0 ? h('p', { class: 'muted' }, t('reports.logEmpty')) : h('table', { class: 'log' },
      h('thead', {}, h('tr', {}, ['reports.logStart', 'reports.logEnd', 'reports.logTitle', 'reports.logSource', 'field.zone',
        'reports.logApprover', 'reports.logOutcome', 'reports.logDeliveries'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, log.entries.map((e) => h('tr', {}, h('td', {}, when(e.start)), h('td', {}, when(e.end)), h('td', {}, e.title),
        h('td', {}, e.source), h('td', {}, e.zones.join(', ')), h('td', {}, e.approvedBy || '—'),
        h('td', {}, t(STATES[e.outcome] || e.outcome)),
        h('td', {}, `${e.deliveries.filter((d) => d.state === 'PLAYED').length}/${e.deliveries.length}`))))));
  };
  from.addEventListener('change', show);
  to.addEventListener('change', show);
  fill(box, h('h2', { id: 'rep-log' }, t('reports.log')),
    h('div', { class: 'filters' }, h('label', { for: 'log-from' }, t('reports.from')), from,
      h('label', { for: 'log-to' }, t('reports.to')), to),
    table,
    h('div', { class: 'actions' }, ['xlsx', 'pdf'].map((format) => h('button', { type: 'button',
      onclick: () => file('/api/v1/reports/log', { from: from.value, to: to.value, format },
        `so-nhat-ky-${from.value}-${to.value}.${format}`) }, t(`reports.log_${format}`)))),
    h('h3', {}, t('reports.monthly')),
    h('div', { class: 'filters' }, h('label', { for: 'log-month' }, t('reports.month')), month),
    h('div', { class: 'actions' }, ['xlsx', 'pdf'].map((format) => h('button', { type: 'button',
      onclick: () => file('/api/v1/reports/log/monthly', { month: month.value, format },
        `bao-cao-thang-${month.value}.${format}`) }, t(`reports.log_${format}`)))));
  show().catch(() => {});
  return box;
}

export default {
  title: 'nav.reports',
  async render(main) {
    const days = select([['7', t('reports.days7')], ['30', t('reports.days30')]], '7', { id: 'reports-days' });
    const broadcastBox = h('section', { class: 'card', 'aria-labelledby': 'rep-broadcasts' });
    const availabilityBox = h('section', { class: 'card', 'aria-labelledby': 'rep-availability' });
    const playsBox = h('section', { class: 'card', 'aria-labelledby': 'rep-plays' });
    const load = async () => {
      const n = days.value;
      const [perDay, nodes, plays] = await Promise.all([api.get(`/api/v1/reports/broadcasts?days=${n}`),
        api.get(`/api/v1/reports/availability?days=${n}`), api.get(`/api/v1/reports/proof-of-play?days=${n}&by=campaign`)]);
      fill(playsBox, h('h2', { id: 'rep-plays' }, t('reports.plays')),
        plays.length ? h('table', { id: 'plays' }, h('thead', {}, h('tr', {}, ['campaign.name', 'reports.playsBoards',
          'reports.playsCount', 'reports.playsSeconds'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, plays.map((r) => h('tr', { dataset: { id: r.campaign } }, h('td', {}, r.name || r.campaign),
          h('td', {}, String(r.boards)), h('td', {}, String(r.plays)), h('td', {}, String(r.seconds))))))
          : h('p', { class: 'muted' }, t('reports.playsNone')),
        h('p', {}, t('reports.playsByCampaign')), exports('proof-of-play', n, 'campaign'),
        h('p', {}, t('reports.playsByBoard')), exports('proof-of-play', n, 'board'));
      const total = perDay.reduce((sum, d) => sum + d.done, 0);
      fill(broadcastBox, h('h2', { id: 'rep-broadcasts' }, t('reports.broadcasts')),
        h('p', { class: 'meta' }, t('reports.total', { n: total })),
        columns(perDay.map((d) => ({ label: d.day.slice(5).split('-').reverse().join('/'), values: [d.done, d.failed, d.cancelled] })),
          [{ name: t('state.DONE'), color: '#1e7b34' }, { name: t('state.FAILED'), color: '#b3261e' },
            { name: t('state.CANCELLED'), color: '#9e9e9e' }], t('reports.broadcasts')),
        exports('broadcasts', n));
      fill(availabilityBox, h('h2', { id: 'rep-availability' }, t('reports.availability')),
        nodes.length ? percentBars(nodes.map((r) => ({ label: `${r.name} (${r.zone})`, percent: r.availabilityPercent })),
          t('reports.availability')) : h('p', { class: 'muted' }, t('reports.noAgents')),
        h('table', { class: 'availability' }, h('thead', {}, h('tr', {}, ['node.name', 'field.zone', 'reports.hours', 'reports.percent']
          .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, nodes.map((r) => h('tr', {}, h('td', {}, r.name), h('td', {}, r.zone), h('td', {}, String(r.onlineHours)),
          h('td', {}, `${r.availabilityPercent} %`))))),
        exports('availability', n));
    };
    days.addEventListener('change', load);
    main.append(h('div', { class: 'filters' }, h('label', { for: days.id }, t('reports.period')), days), broadcastBox, availabilityBox,
      playsBox, logSection(), provinceSection(download));
    await load();
  },
};
