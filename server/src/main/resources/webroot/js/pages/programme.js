// The programme grid: a week per zone of what will air (and what did), with airings that clash in a zone marked.
import { h, fill, select } from '../dom.js';
import { t, lang } from '../i18n.js';
import * as api from '../api.js';
import * as zones from '../zones.js';
import { vietnamTime } from '../schedule.js';
import { stateBadge } from '../notices.js';
import { messageOf } from '../forms.js';
import { draggable } from '../drag.js';

const CLASH_MINUTES = 5;

/** Monday 00:00 of the week holding `day`, in Vietnam's time (UTC+7, no daylight saving). */
function weekStart(day) {
  const local = new Date(day.getTime() + 7 * 3600_000);
  const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()
    - ((local.getUTCDay() + 6) % 7)));
  return new Date(monday.getTime() - 7 * 3600_000);
}

function localDay(iso) {
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

function localTime(iso) {
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(11, 16);
}

/** Items that air in a shared zone within a few minutes of another one clash: the arbiter would make one wait. */
function markClashes(items, tree) {
  const covers = (a, b) => tree.byId.get(a) && tree.byId.get(b)
    && (tree.byId.get(a).path.startsWith(tree.byId.get(b).path) || tree.byId.get(b).path.startsWith(tree.byId.get(a).path));
  items.forEach((x, i) => items.slice(i + 1).forEach((y) => {
    const near = Math.abs(new Date(x.at) - new Date(y.at)) < CLASH_MINUTES * 60_000;
    if (near && x.announcementId !== y.announcementId && x.zones.some((a) => y.zones.some((b) => covers(a, b)))) {
      x.clash = true;
      y.clash = true;
    }
  }));
}

/** A one-off item still to air can be moved: dragged onto another day, or given a new time with "Dời giờ". */
function movable(x) {
  return x.outcome === 'PLANNED' && !x.repeating && new Date(x.at) > new Date();
}

/** The same time of day on another local day, as Vietnam's time. */
function sameTimeOn(day, iso) {
  return `${day}T${new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(11, 19)}+07:00`;
}

export default {
  title: 'nav.programme',
  async render(main) {
    const tree = await zones.load();
    const zone = select([['', t('notices.all')]].concat(zones.options(tree)), '', { id: 'programme-zone' });
    let start = weekStart(new Date());
    const label = h('p', { class: 'week', 'aria-live': 'polite' });
    const hintId = 'programme-drag-hint';
    const grid = h('div', { class: 'week-grid' });
    const problem = h('p', { class: 'move-error field-error', role: 'alert', 'aria-live': 'assertive' });
    const progress = h('p', { class: 'move-status', role: 'status', 'aria-live': 'polite' });
    const format = (d) => new Date(`${d}T00:00:00Z`).toLocaleDateString(lang() === 'en' ? 'en-GB' : 'vi-VN',
      { weekday: 'short', day: '2-digit', month: '2-digit', timeZone: 'UTC' });
    /** Moves an item to `at`; on a refusal (a clash, a time gone by) it stays where it was with the server's reason. */
    const reschedule = async (x, at) => {
      problem.textContent = '';
      progress.textContent = t('programme.moving', { title: x.title });
      try {
        await api.post(`/api/v1/announcements/${x.announcementId}/reschedule`, { at });
      } catch (error) {
        progress.textContent = '';
        if (!(error && 'code' in error)) throw error;
        problem.textContent = t('programme.moveFailed', { reason: messageOf(error, 'at') });
        return;
      }
      progress.textContent = t('programme.moved', { title: x.title, day: format(localDay(at)), time: localTime(at) });
      await load();
    };
    const moveForm = (x) => {
      const at = h('input', { type: 'datetime-local', step: 60, 'aria-label': t('programme.newTime'),
        value: sameTimeOn(localDay(x.at), x.at).slice(0, 16) });
      const form = h('form', { class: 'move-time', hidden: true, onsubmit: (e) => {
        e.preventDefault();
        if (!at.value) {
          problem.textContent = t('programme.moveFailed', { reason: t('invalid.at') });
          return;
        }
        reschedule(x, vietnamTime(at.value));
      } }, at, h('button', { type: 'submit' }, t('programme.save')));
      const open = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false', onclick: () => {
        form.hidden = !form.hidden;
        open.setAttribute('aria-expanded', String(!form.hidden));
        if (!form.hidden) at.focus();
      } }, t('programme.move'));
      return [h('br'), open, form];
    };
    const load = async () => {
      const end = new Date(start.getTime() + 7 * 86400_000);
      const reply = await api.get(`/api/v1/schedule${api.query({ from: start.toISOString(), to: end.toISOString(), zone: zone.value })}`);
      const items = reply.items || [];
      markClashes(items, tree);
      const days = [...Array(7).keys()].map((i) => new Date(start.getTime() + i * 86400_000 + 7 * 3600_000).toISOString().slice(0, 10));
      label.textContent = t('programme.week', { from: format(days[0]), to: format(days[6]) });
      fill(grid, days.map((d) => {
        const today = items.filter((x) => localDay(x.at) === d);
        return h('section', { class: 'day', 'aria-label': format(d), dataset: { day: d } },
          h('h2', { class: 'small' }, format(d)),
          today.length ? h('ul', { class: 'plain slots' }, today.map(slot)) : h('p', { class: 'muted' }, '—'));
      }));
    };
    /** One airing in its day; a movable one is dragged (by its grip on a phone) onto another day, same time of day. */
    const slot = (x) => {
      const grip = movable(x) ? h('span', { class: 'grip', 'aria-hidden': 'true' }, '⠿') : null;
      const li = h('li', {
        class: `slot ${x.clash ? 'clash' : ''} ${grip ? 'movable' : ''} outcome-${x.outcome.toLowerCase()} priority-${x.priority.toLowerCase()}`,
        dataset: { id: x.announcementId }, 'aria-describedby': grip ? hintId : undefined,
      }, grip, h('strong', {}, localTime(x.at)), ' ',
      h('a', { href: `#/notices/${x.announcementId}`, draggable: 'false' }, x.title),
      h('br'), h('span', { class: 'meta' }, x.zones.map(tree.name).join(', ')),
      x.repeating ? h('span', { class: 'badge' }, t('programme.repeating')) : null,
      x.outcome !== 'PLANNED' ? h('span', { class: 'badge' }, t(`programme.${x.outcome}`)) : null,
      x.clash ? h('span', { class: 'badge state-failed' }, t('programme.clash')) : null,
      grip ? moveForm(x) : null);
      if (grip) {
        draggable(li, { handle: grip, targetOf: (el) => el.closest('.week-grid .day'), onDrop: (day) => {
          if (day.dataset.day !== localDay(x.at)) reschedule(x, sameTimeOn(day.dataset.day, x.at));
        } });
      }
      return li;
    };
    const move = (weeks) => () => { start = new Date(start.getTime() + weeks * 7 * 86400_000); load(); };
    zone.addEventListener('change', load);
    main.append(h('div', { class: 'filters' }, h('label', { for: zone.id }, t('field.zone')), zone,
      h('button', { type: 'button', onclick: move(-1) }, t('programme.previous')),
      h('button', { type: 'button', onclick: move(1) }, t('programme.next'))), label, problem, progress, grid,
    h('p', { class: 'hint' }, t('programme.hint')), h('p', { class: 'hint', id: hintId }, t('programme.dragHint')));
    await load();
  },
};
