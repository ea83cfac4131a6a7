// Reports for the commune office: broadcasts per day and loudspeaker availability over 7 or 30 days, as charts,
// and as CSV or XLSX files to open in a spreadsheet.
import { h, fill, select } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { columns, percentBars } from '../charts.js';

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
    main.append(h('div', { class: 'filters' }, h('label', { for: days.id }, t('reports.period')), days), broadcastBox, availabilityBox, playsBox);
    await load();
  },
};
