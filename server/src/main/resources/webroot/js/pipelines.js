// The technician's view of each zone stream's path: what every stage took in, passed on and dropped, and its time.
import { h } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';
import * as session from './session.js';

const number = (n) => n.toLocaleString(document.documentElement.lang || 'vi');

/** One zone stream's stages, source to fan-out, as a table; a stage that dropped anything is marked. */
function streamTable(p) {
  return h('table', { class: 'pipeline' },
    h('caption', {}, t('pipeline.stream', { zone: p.zoneName, stream: p.stream })),
    h('thead', {}, h('tr', {}, ['pipeline.stage', 'pipeline.in', 'pipeline.out', 'pipeline.drops', 'pipeline.ms']
      .map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, p.stages.map((s) => h('tr', { class: s.drops > 0 ? 'state-failed' : null },
      h('th', { scope: 'row', title: t(`pipeline.hint.${s.stage}`) }, t(`pipeline.${s.stage}`)),
      h('td', {}, number(s.in)), h('td', {}, number(s.out)), h('td', {}, number(s.drops)),
      h('td', {}, number(Math.round(s.seconds * 1000)))))));
}

/** Wraps a page's render so that a technician or admin also sees the zone streams' counts below it. */
export function withPipelines(render) {
  return async function renderWithPipelines(main) {
    await render(main);
    if (!session.may('devices')) return;
    const streams = await api.get('/api/v1/pipelines');
    main.append(h('section', { class: 'card', 'aria-labelledby': 'pipeline-heading' },
      h('h2', { id: 'pipeline-heading' }, t('pipeline.title')), h('p', {}, t('pipeline.intro')),
      streams.length ? streams.map(streamTable) : h('p', {}, t('pipeline.none'))));
  };
}
