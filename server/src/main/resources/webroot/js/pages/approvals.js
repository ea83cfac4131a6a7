// The approval queue: each submitted notice with its text, a listen button, approve, or reject with a reason.
import { h, field, fill } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as zones from '../zones.js';
import { submitting } from '../forms.js';
import { noticeText, preview, recording } from '../notices.js';
import { go } from '../nav.js';

function card(a, tree, reload) {
  const reason = h('textarea', { rows: 2, maxlength: 1000 });
  const rejectBox = h('div', { hidden: true }, field(`reject-${a.id}`, 'reason', t('approvals.reason'), reason),
    h('button', { type: 'submit', value: 'reject', class: 'danger' }, t('approvals.confirmReject')));
  const form = h('form', { class: 'card approval', novalidate: true, dataset: { id: String(a.id) },
    'aria-labelledby': `approval-${a.id}` },
  h('h2', { id: `approval-${a.id}` }, h('a', { href: `#/notices/${a.id}` }, a.title)),
  h('p', { class: 'meta' }, `${t(`priority.${a.priority}`)} · ${a.zones.map(tree.name).join(', ')} · ${a.createdBy}`),
  noticeText(a.text),
  a.text ? preview(() => a.text, () => a.voice) : null,
  a.audioId ? recording(a.audioId) : null,
  h('div', { class: 'actions' },
    h('button', { type: 'submit', value: 'approve', class: 'primary' }, t('approvals.approve')),
    h('button', { type: 'button', onclick: () => { rejectBox.hidden = false; reason.focus(); } }, t('approvals.reject'))),
  rejectBox);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const verb = e.submitter ? e.submitter.value : 'approve';
    submitting(form, async () => {
      if (verb === 'reject') {
        if (!reason.value.trim()) throw Object.assign(new Error(), { code: 'reason_required', field: 'reason', message: t('approvals.reasonRequired') });
        await api.post(`/api/v1/announcements/${a.id}/reject`, { reason: reason.value });
        reload();
      } else {
        await api.post(`/api/v1/announcements/${a.id}/approve`);
        go(`#/notices/${a.id}`);
      }
    });
  });
  return form;
}

export default {
  title: 'nav.approvals',
  async render(main) {
    const tree = await zones.load();
    const list = h('div', { class: 'approvals' });
    const load = async () => {
      const queue = await api.get('/api/v1/announcements?state=SUBMITTED&limit=100');
      fill(list, queue.length ? queue.map((a) => card(a, tree, load)) : h('p', { class: 'muted' }, t('approvals.empty')));
    };
    main.append(list);
    await load();
  },
};
