// Campaigns on the boards: display groups (by zone or boards picked by hand) and campaigns scheduled to them, with a
// priority, a window, days, hours, a layout, and for interrupts a share of every hour (ADR 0052).
import { h, field, fill, select, when } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import * as zones from '../zones.js';
import { submitting } from '../forms.js';
import { layoutSelect, fillRegions } from '../layout-picker.js';

const MODES = ['ROTATION', 'INTERRUPT', 'OVERLAY'];

/** A datetime-local value (Vietnam's time) as an ISO instant, or undefined. */
function instant(value) {
  return value ? new Date(`${value}:00+07:00`).toISOString() : undefined;
}

function checkboxes(name, options) {
  return h('ul', { class: 'checks' }, options.map(([value, label]) => {
    const box = h('input', { type: 'checkbox', name, value, id: `${name}-${value}` });
    return h('li', {}, box, h('label', { for: box.id }, label));
  }));
}

function groupForm(tree, boards, reload) {
  const inputs = {
    id: h('input', { type: 'text', maxlength: 64 }),
    name: h('input', { type: 'text', maxlength: 200 }),
    zone: select([['', t('campaign.noZone')]].concat(zones.options(tree)), ''),
    boards: checkboxes('group-boards', boards.map((b) => [b.id, b.name])),
  };
  const form = h('form', { novalidate: true },
    field('group', 'id', t('field.id'), inputs.id, t('field.idHint')),
    field('group', 'name', t('node.name'), inputs.name),
    field('group', 'zone', t('campaign.byZone'), inputs.zone, t('campaign.byZoneHint')),
    field('group', 'boards', t('campaign.byHand'), inputs.boards),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('campaign.saveGroup'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      await api.post('/api/v1/display-groups', { id: inputs.id.value.trim(), name: inputs.name.value,
        zone: inputs.zone.value || undefined, boards: zones.ticked(inputs.boards, 'group-boards') });
      form.reset();
      await reload();
    });
  });
  return form;
}

function campaignForm(groups, reload) {
  const inputs = {
    id: h('input', { type: 'text', maxlength: 64 }),
    name: h('input', { type: 'text', maxlength: 200 }),
    mode: select(MODES.map((m) => [m, t(`campaign.mode.${m}`)]), 'ROTATION'),
    priority: h('input', { type: 'number', min: 0, max: 100, value: 1 }),
    startsAt: h('input', { type: 'datetime-local' }),
    endsAt: h('input', { type: 'datetime-local' }),
    from: h('input', { type: 'time' }),
    to: h('input', { type: 'time' }),
    layout: layoutSelect('', ['', t('campaign.ownLayout')]),
    sharePercent: h('input', { type: 'number', min: 0.1, max: 50, step: 0.1, value: 5 }),
    groups: checkboxes('campaign-groups', groups.map((g) => [g.id, g.name])),
    title: h('input', { type: 'text', maxlength: 300 }),
    body: h('textarea', { rows: 3, maxlength: 20000 }),
    seconds: h('input', { type: 'number', min: 1, max: 3600, value: 10 }),
    // The playlist region the item plays in: the main one, or another playlist region of the layout.
    region: h('select', {}, h('option', { value: '' }, t('board.region.main'))),
  };
  const regions = () => fillRegions(inputs.region, inputs.layout.value).catch(() => {});
  inputs.layout.addEventListener('change', regions);
  inputs.layout.addEventListener('layouts', regions);
  const form = h('form', { novalidate: true },
    Object.entries(inputs).map(([name, el]) => field('campaign', name, t(`campaign.${name}`), el,
      name === 'sharePercent' ? t('campaign.shareHint') : name === 'region' ? t('board.region.hint') : null)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('campaign.save'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      const mode = inputs.mode.value;
      await api.post('/api/v1/campaigns', { id: inputs.id.value.trim(), name: inputs.name.value, mode,
        priority: Number(inputs.priority.value), startsAt: instant(inputs.startsAt.value),
        endsAt: instant(inputs.endsAt.value), from: inputs.from.value || undefined, to: inputs.to.value || undefined,
        layout: inputs.layout.value || undefined,
        sharePercent: mode === 'INTERRUPT' ? Number(inputs.sharePercent.value) : undefined,
        groups: zones.ticked(inputs.groups, 'campaign-groups'),
        items: [{ kind: 'TEXT', title: inputs.title.value, body: inputs.body.value, seconds: Number(inputs.seconds.value),
          region: inputs.region.value || undefined }] });
      form.reset();
      await reload();
    });
  });
  return form;
}

function remove(path, id, reload) {
  return h('button', { type: 'button', class: 'danger', onclick: async () => {
    if (!window.confirm(t('action.confirmDelete', { id }))) return;
    await api.del(`${path}/${id}`);
    reload();
  } }, t('action.delete'));
}

export default {
  title: 'nav.campaigns',
  async render(main) {
    const tree = await zones.load();
    const manage = session.may('compose') || session.may('devices');
    const groupsBox = h('section', { class: 'card', 'aria-labelledby': 'groups-heading' });
    const campaignsBox = h('section', { class: 'card', 'aria-labelledby': 'campaigns-heading' });
    const load = async () => {
      const [groups, campaigns, boards] = await Promise.all([api.get('/api/v1/display-groups'),
        api.get('/api/v1/campaigns'), api.get('/api/v1/boards')]);
      fill(groupsBox, h('h2', { id: 'groups-heading' }, t('campaign.groups')),
        h('table', { id: 'groups' }, h('thead', {}, h('tr', {}, ['field.id', 'node.name', 'campaign.byZone', 'campaign.byHand', 'action.actions']
          .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, groups.map((g) => h('tr', { dataset: { id: g.id } }, h('th', { scope: 'row' }, g.id), h('td', {}, g.name),
          h('td', {}, g.zone ? tree.name(g.zone) : ''), h('td', {}, g.boards.join(', ')),
          h('td', {}, manage ? remove('/api/v1/display-groups', g.id, load) : null))))),
        manage ? groupForm(tree, boards, load) : null);
      fill(campaignsBox, h('h2', { id: 'campaigns-heading' }, t('campaign.campaigns')),
        h('table', { id: 'campaigns' }, h('thead', {}, h('tr', {}, ['field.id', 'node.name', 'campaign.mode', 'campaign.priority',
          'campaign.window', 'campaign.groups', 'action.actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, campaigns.map((c) => h('tr', { dataset: { id: c.id } }, h('th', { scope: 'row' }, c.id), h('td', {}, c.name),
          h('td', {}, t(`campaign.mode.${c.mode}`) + (c.shareSeconds ? ` (${c.shareSeconds} ${t('campaign.perHour')})` : '')),
          h('td', {}, String(c.priority)),
          h('td', {}, [c.startsAt ? when(c.startsAt) : '', c.endsAt ? when(c.endsAt) : ''].join(' – ')
            + (c.from ? ` ${c.from}–${c.to}` : '')),
          h('td', {}, c.groups.join(', ')), h('td', {}, manage ? remove('/api/v1/campaigns', c.id, load) : null))))),
        manage ? campaignForm(groups, load) : null);
    };
    main.append(groupsBox, campaignsBox);
    await load();
  },
};
