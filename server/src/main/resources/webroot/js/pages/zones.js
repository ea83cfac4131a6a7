// Zones (xã › thôn › xóm, speaker groups): add one, rename it, set its multicast group, its quiet hours and the Opus
// packet time of its 4G speakers (with what each codec and packet time costs a speaker per hour on air); admins import
// its boundary (GeoJSON) for CAP alerts.
import { h, field, fill, select } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import * as zones from '../zones.js';
import * as mirrors from '../mirrors.js';
import { submitting } from '../forms.js';
import * as boundary from '../boundary.js';

// The data a speaker receives per hour on air, per codec and packet time (measured by the server on real speech).
function dataTable(rows) {
  const mb = (b) => (b / 1e6).toFixed(1);
  return h('table', { class: 'data-use' },
    h('caption', {}, t('zones.dataCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('zones.dataCodec')), h('th', { scope: 'col' }, t('zones.dataPtime')),
      h('th', { scope: 'col' }, t('zones.dataPacket')), h('th', { scope: 'col' }, t('zones.dataPerHour')))),
    h('tbody', {}, rows.map((r) => h('tr', {}, h('td', {}, r.codec + (r.srtp ? ' (SRTP)' : '')), h('td', {}, `${r.packetTime} ms`),
      h('td', {}, `${Math.round(r.packetBytes)} B`), h('td', {}, t('node.perHour', { mb: mb(r.bytesPerHour) }))))));
}

function quietText(q) {
  return q && q.from ? t('zones.quietFromTo', { from: q.from, to: q.to }) : t('zones.noQuiet');
}

export default {
  title: 'nav.zones',
  async render(main) {
    const manage = session.may('devices');
    const list = h('div', { class: 'card' });
    const formBox = h('section', { class: 'card', hidden: !manage, 'aria-labelledby': 'zone-form-heading' });
    let tree;
    let places = new Map();

    const load = async () => {
      const mirrored = await mirrors.load().catch(() => ({ zones: [], nodes: [], boards: [], downstreams: [] }));
      tree = await zones.load({ mirrored });
      const own = [...tree.byId.values()].filter((z) => !z.readOnly).map((z) => z.id);
      const quiet = new Map(await Promise.all(own.map(async (id) =>
        [id, await api.get(`/api/v1/zones/${id}/quiet-hours`).catch(() => ({}))])));
      places = new Map(await Promise.all(own.map(async (id) =>
        [id, await api.get(`/api/v1/zones/${id}/boundary`).catch(() => ({}))])));
      // A downstream's zone (ADR 0059) is greyed and says where it comes from; it has no settings here to edit.
      const mirror = (z) => h('li', { class: 'mirror', dataset: { zone: z.id } }, h('strong', {}, z.name),
        ` (${z.mirror.id}) · `, h('span', { class: 'mirror-note' }, mirrors.from(z, mirrored)),
        mirrors.devicesIn(z.id, mirrored), z.children.length ? branch(z.children) : null);
      const branch = (items) => h('ul', { class: 'tree zone-tree' }, items.map((z) => (z.readOnly ? mirror(z)
        : h('li', { dataset: { zone: z.id } },
        h('strong', {}, z.name), ` (${z.id})`, z.multicast ? ` · multicast ${z.multicast}` : '',
        ` · ${quietText(quiet.get(z.id))}`, places.get(z.id).boundary ? ` · ${t('boundary.has')} ` : ' ',
        manage ? h('button', { type: 'button', class: 'small', onclick: () => showForm(z, quiet.get(z.id)) },
          t('action.edit')) : null,
        z.children.length ? branch(z.children) : null))));
      fill(list, branch(tree.roots));
      if (!formBox.firstChild) showForm(null, null);
    };

    function showForm(zone, quiet) {
      const i = {
        id: h('input', { type: 'text', maxlength: 64, value: zone ? zone.id : '', disabled: !!zone }),
        name: h('input', { type: 'text', maxlength: 200, value: zone ? zone.name : '' }),
        parent: select(zones.options(tree), zone ? zone.parent : tree.roots[0] && tree.roots[0].id, { disabled: !!zone }),
        multicast: h('input', { type: 'text', maxlength: 64, value: zone && zone.multicast ? zone.multicast : '' }),
        from: h('input', { type: 'time', value: quiet && quiet.from ? quiet.from : '' }),
        to: h('input', { type: 'time', value: quiet && quiet.to ? quiet.to : '' }),
        ptime: select([20, 40, 60].map((ms) => [String(ms), `${ms} ms`]), '20'),
      };
      const dataBox = h('div', {});
      let ptimeWas = '20';
      if (zone) {
        api.get(`/api/v1/zones/${zone.id}/packet-time`).then((p) => {
          ptimeWas = String(p.opusPacketTime);
          i.ptime.value = ptimeWas;
          fill(dataBox, dataTable(p.dataPerSpeakerHour));
        }).catch(() => {});
      }
      // Admins set the languages alerts air in (ADR 0051); the list shown is the zone's own or the one it inherits.
      const speaks = zone && session.may('users') ? ((places.get(zone.id) || {}).languages || []).join(', ') : null;
      const languages = speaks === null ? null : h('input', { type: 'text', maxlength: 60, value: speaks });
      const form = h('form', { novalidate: true },
        field('zone', 'id', t('field.id'), i.id, t('field.idHint')),
        field('zone', 'name', t('node.name'), i.name),
        field('zone', 'parent', t('zones.parent'), i.parent),
        field('zone', 'multicast', t('zones.multicast'), i.multicast, t('zones.multicastHint')),
        h('fieldset', { dataset: { field: 'quiet' } }, h('legend', {}, t('zones.quiet')),
          h('div', { class: 'row' }, field('zone', 'from', t('audit.from'), i.from), field('zone', 'to', t('audit.to'), i.to)),
          h('p', { class: 'hint' }, t('zones.quietHint')),
          h('p', { class: 'field-error', dataset: { errorFor: 'quiet' }, 'aria-live': 'polite' })),
        zone ? field('zone', 'opusPacketTime', t('zones.ptime'), i.ptime, t('zones.ptimeHint')) : null,
        zone ? dataBox : null,
        languages ? field('zone', 'languages', t('zones.languages'), languages, t('zones.languagesHint')) : null,
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, zone ? t('action.save') : t('zones.add')),
          zone ? h('button', { type: 'button', onclick: () => showForm(null, null) }, t('action.cancelEdit')) : null));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submitting(form, async () => {
          let id = zone ? zone.id : i.id.value.trim();
          if (zone) {
            await api.put(`/api/v1/zones/${id}`, { name: i.name.value, multicast: i.multicast.value.trim() || null });
          } else {
            const created = await api.post('/api/v1/zones', { id: id || undefined, name: i.name.value,
              parent: i.parent.value, multicast: i.multicast.value.trim() || undefined });
            id = created.id;
          }
          if (zone && i.ptime.value !== ptimeWas) {
            await api.put(`/api/v1/zones/${id}/packet-time`, { opusPacketTime: Number(i.ptime.value) });
          }
          if (i.from.value && i.to.value) {
            await api.put(`/api/v1/zones/${id}/quiet-hours`, { from: i.from.value, to: i.to.value });
          } else if (quiet && quiet.from) {
            await api.del(`/api/v1/zones/${id}/quiet-hours`);
          }
          if (languages && languages.value.trim() !== speaks) {
            await api.put(`/api/v1/zones/${id}/languages`, { languages: languages.value.split(',')
              .map((l) => l.trim().toLowerCase()).filter((l) => l) });
          }
          fill(formBox);
          await load();
        });
      });
      fill(formBox, h('h2', { id: 'zone-form-heading' }, zone ? t('devices.edit', { id: zone.id }) : t('zones.add')), form);
      if (zone && session.may('users')) {
        api.get(`/api/v1/zones/${zone.id}/boundary`).then((place) => {
          if (form.isConnected) formBox.append(boundary.fieldset(zone.id, place.boundary));
        });
      }
    }

    main.append(list, formBox);
    await load();
  },
};
