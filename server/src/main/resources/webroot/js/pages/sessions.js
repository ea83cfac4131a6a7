// Programme sessions (buổi phát): the day's grid of each session's run order before it airs (or as it aired), the
// templates that fill them, and a form for a new template built from the usual parts.
import { h, fill, field, select } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';

const clock = (ms) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const at = (start, ms) => {
  const [hh, mm, ss] = start.split(':').map(Number);
  const s = hh * 3600 + mm * 60 + (ss || 0) + Math.round(ms / 1000);
  return [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

function runOrder(session) {
  const items = session.runOrder.items.filter((i) => i.kind !== 'SILENCE');
  return h('table', { class: 'run-order' },
    h('thead', {}, h('tr', {}, ['sessions.time', 'sessions.kind', 'sessions.item', 'sessions.length']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, items.map((i) => h('tr', {}, h('td', {}, at(session.start, i.offsetMs)),
      h('td', {}, t(`sessions.kind.${i.kind}`)), h('td', {}, i.kind === 'TIME_SIGNAL' ? i.ref : i.title),
      h('td', {}, clock(i.lengthMs) + (i.cut ? ` (${t('sessions.cut')})` : ''))))));
}

function grid(box, day) {
  return async () => {
    const answer = await api.get(`/api/v1/programme/grid${api.query({ date: day.value })}`);
    fill(box, answer.sessions.length ? answer.sessions.map((s) => h('section', { class: 'card' },
      h('h3', {}, `${s.start}–${s.end} · ${s.name} · ${s.zone}`),
      h('p', { class: 'meta' }, t(`sessions.state.${s.state}`)
        + (s.runOrder.dropped.length ? ` · ${t('sessions.dropped')}: ${s.runOrder.dropped.join(', ')}` : '')),
      runOrder(s))) : h('p', { class: 'muted' }, t('sessions.none')));
  };
}

function form(reload) {
  const input = (name, attrs) => h('input', { name, ...attrs });
  const f = h('form', { class: 'card', 'aria-labelledby': 'sessions-new' });
  const days = h('fieldset', {}, h('legend', {}, t('sessions.days')),
    ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((d) => h('label', {},
      h('input', { type: 'checkbox', name: 'day', value: d }), t(`sessions.day.${d}`))));
  f.append(h('h2', { id: 'sessions-new' }, t('sessions.new')),
    field('tpl', 'name', t('sessions.name'), input('name', { required: true, maxlength: 200 })),
    field('tpl', 'zone', t('sessions.zone'), input('zone', { required: true })),
    field('tpl', 'start', t('sessions.start'), input('start', { type: 'time', step: 1, required: true })),
    field('tpl', 'end', t('sessions.endTime'), input('end', { type: 'time', step: 1, required: true })), days,
    field('tpl', 'jingle', t('sessions.jingle'), input('jingle', {}), t('sessions.jingleHint')),
    field('tpl', 'tag', t('sessions.tag'), input('tag', {}), t('sessions.tagHint')),
    field('tpl', 'relay', t('sessions.relay'), input('relay', { type: 'url' })),
    field('tpl', 'relayAt', t('sessions.relayAt'), input('relayAt', { type: 'time', step: 1 })),
    field('tpl', 'relayMinutes', t('sessions.relayMinutes'), input('relayMinutes', { type: 'number', min: 1 })),
    field('tpl', 'overrun', t('sessions.overrun'), select([['CUT', t('sessions.overrun.CUT')],
      ['PUSH', t('sessions.overrun.PUSH')]], 'CUT', { name: 'overrun' })),
    field('tpl', 'fallbackUrl', t('sessions.fallbackUrl'), input('fallbackUrl', { type: 'url' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('sessions.save'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (n) => f.elements[n].value.trim();
    const parts = [];
    if (v('jingle')) parts.push({ kind: 'JINGLE', audioId: v('jingle') });
    parts.push({ kind: 'TIME_SIGNAL' }, { kind: 'NOTICES' });
    if (v('relay')) {
      parts.push({ kind: 'RELAY', url: v('relay'), lengthS: Number(v('relayMinutes') || 15) * 60, ...(v('relayAt') ? { at: v('relayAt') } : {}) });
    }
    if (v('tag')) parts.splice(v('relay') ? parts.length - 1 : parts.length, 0, { kind: 'SMART_BLOCK', tag: v('tag'), noRepeatDays: 1 });
    if (v('jingle')) parts.push({ kind: 'JINGLE', audioId: v('jingle') });
    const body = { name: v('name'), zone: v('zone'), start: v('start'), end: v('end'), overrun: v('overrun'), parts,
      days: [...f.querySelectorAll('input[name=day]:checked')].map((c) => c.value) };
    if (v('fallbackUrl')) body.fallbackUrl = v('fallbackUrl');
    await api.post('/api/v1/programme/templates', body);
    f.reset();
    reload();
  });
  return f;
}

export default {
  title: 'nav.sessions',
  async render(main) {
    const day = h('input', { type: 'date', id: 'sessions-day', value: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10) });
    const box = h('div', { class: 'sessions' });
    const templates = h('tbody');
    const load = grid(box, day);
    const loadTemplates = async () => {
      const list = await api.get('/api/v1/programme/templates');
      fill(templates, list.map((tp) => h('tr', {}, h('td', {}, `${tp.start}–${tp.end}`), h('td', {}, tp.name),
        h('td', {}, tp.zone), h('td', {}, tp.days.length ? tp.days.map((d) => t(`sessions.day.${d}`)).join(', ') : t('sessions.daily')),
        h('td', {}, h('button', { type: 'button', class: 'link', onclick: async () => {
          await api.del(`/api/v1/programme/templates/${tp.id}`);
          loadTemplates();
          load();
        } }, t('sessions.retire'))))));
    };
    day.addEventListener('change', load);
    main.append(h('h2', {}, t('sessions.grid')), h('label', { for: 'sessions-day' }, t('sessions.date')), day, box,
      h('h2', {}, t('sessions.templates')), h('table', { class: 'templates' }, h('tbody', {}, templates)),
      form(() => { loadTemplates(); load(); }));
    await Promise.all([load(), loadTemplates()]);
  },
};
