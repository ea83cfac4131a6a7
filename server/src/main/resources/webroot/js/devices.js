// One page shape for loudspeaker nodes and display boards: a table, and a form to register or edit one.
import { h, field, fill, select } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';
import * as session from './session.js';
import * as zones from './zones.js';
import { submitting } from './forms.js';

/**
 * spec: {path, prefix, columns: [[labelKey, device => text|Node]], inputs: tree => [[name, labelKey, element, hintKey?]],
 * read: inputs => body, extra?: (device, reload) => Node|null, created?: (reply) => Node|null,
 * filter?: [labelKey, device => boolean]: a checkbox that lists only the devices it keeps}
 */
export function devicePage(spec) {
  return async function render(main) {
    const tree = await zones.load();
    const body = h('tbody');
    const note = h('div', { 'aria-live': 'polite' });
    const manage = session.may('devices');
    const formBox = h('section', { class: 'card', hidden: !manage, 'aria-labelledby': `${spec.prefix}-form-heading` });
    let editing = null;
    const only = spec.filter ? h('input', { type: 'checkbox', id: `${spec.prefix}-filter` }) : null;

    const load = async () => {
      const all = await api.get(spec.path);
      const list = only && only.checked ? all.filter(spec.filter[1]) : all;
      fill(body, list.length ? list.map((d) => h('tr', { dataset: { id: d.id } },
        h('th', { scope: 'row' }, d.id), spec.columns.map(([, cell]) => h('td', {}, cell(d, tree))),
        h('td', { class: 'row-actions' }, spec.extra ? spec.extra(d, load) : null,
          manage ? h('button', { type: 'button', onclick: () => showForm(d) }, t('action.edit')) : null,
          manage ? h('button', { type: 'button', class: 'danger', onclick: async () => {
            if (!window.confirm(t('action.confirmDelete', { id: d.id }))) return;
            await api.del(`${spec.path}/${d.id}`);
            load();
          } }, t('action.delete')) : null)))
        : h('tr', {}, h('td', { colspan: spec.columns.length + 2 }, t('devices.none'))));
    };

    function showForm(device) {
      editing = device || null;
      const inputs = spec.inputs(tree, device);
      const id = h('input', { type: 'text', maxlength: 64, value: device ? device.id : '', disabled: !!device });
      const form = h('form', { novalidate: true },
        field(spec.prefix, 'id', t('field.id'), id, t('field.idHint')),
        inputs.map(([name, label, el, hint]) => field(spec.prefix, name, t(label), el, hint ? t(hint) : null)),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' },
          editing ? t('action.save') : t('action.register')),
        editing ? h('button', { type: 'button', onclick: () => showForm(null) }, t('action.cancelEdit')) : null));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submitting(form, async () => {
          const bodyJson = spec.read(Object.fromEntries(inputs.map(([name, , el]) => [name, el])));
          let reply;
          if (editing) {
            reply = await api.put(`${spec.path}/${editing.id}`, bodyJson);
          } else {
            if (id.value.trim()) bodyJson.id = id.value.trim();
            reply = await api.post(spec.path, bodyJson);
          }
          fill(note, h('p', { class: 'ok', role: 'status' }, t('devices.saved', { id: reply.id })),
            !editing && spec.created ? spec.created(reply) : null);
          showForm(null);
          await load();
        });
      });
      fill(formBox, h('h2', { id: `${spec.prefix}-form-heading` }, editing ? t('devices.edit', { id: editing.id })
        : t(`${spec.prefix}.register`)), form);
      if (device) id.scrollIntoView({ block: 'center' });
    }

    if (only) {
      only.addEventListener('change', load);
      main.append(h('p', { class: 'filter' }, only, ' ', h('label', { for: only.id }, t(spec.filter[0]))));
    }
    main.append(note, h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('field.id')),
      spec.columns.map(([label]) => h('th', { scope: 'col' }, t(label))), h('th', { scope: 'col' }, h('span', { class: 'sr' }, t('action.actions'))))),
    body), formBox);
    showForm(null);
    await load();
  };
}

export function zoneSelect(tree, value) {
  return select(zones.options(tree), value || (tree.roots[0] && tree.roots[0].id));
}
