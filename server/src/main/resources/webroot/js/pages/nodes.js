// Loudspeaker nodes: which are online or playing, their volume, and registering or editing one.
import { h, select } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { devicePage, zoneSelect } from '../devices.js';
import { withPipelines } from '../pipelines.js';

function state(n) {
  if (n.kind === 'rtp') return t('node.ip');
  if (n.kind === 'stream') return n.listening ? t('node.listening') : t('node.notListening');
  if (!n.online) return t('node.offline');
  return n.status && n.status.state === 'PLAYING' ? t('node.playing') : t('node.online');
}

/**
 * How the audio reaches a node, for the technician: an agent's UDP path (the public address its NAT shows) or its
 * control connection when UDP is blocked, with a warning when it is online but UDP has gone silent; a stream box's
 * HTTP stream.
 */
function path(n) {
  if (n.kind === 'stream' && n.listening) {
    return `HTTP ${n.listening.format.toUpperCase()} · ${n.listening.from}`;
  }
  if (n.kind !== 'agent' || !n.online || !n.path) return '';
  if (n.path.udpSilent) return h('span', { class: 'badge state-failed', title: t('node.udpSilentHint') }, t('node.udpSilent'));
  if (n.path.via === 'channel') return h('span', { class: 'badge state-submitted', title: t('node.viaChannelHint') }, t('node.viaChannel'));
  return `UDP · ${n.path.address}`;
}

/** An online agent's link as it reports it: loss and jitter (RTCP receiver report), and the data it uses an hour. */
function link(n) {
  if (n.kind !== 'agent' || !n.online || !n.path) return '';
  const parts = [];
  if (n.path.link) {
    parts.push(t('node.linkLoss', { percent: (n.path.link.fractionLost * 100).toFixed(1) }));
    parts.push(t('node.linkJitter', { ms: Math.round(n.path.link.jitterMs) }));
  }
  parts.push(t('node.perHour', { mb: (n.path.bytesPerHour / 1e6).toFixed(1) }));
  return parts.join(' · ');
}

/** The volume slider of an online agent; it sends the level to the loudspeaker at once. */
function volume(n) {
  if (n.kind !== 'agent' || !n.online || !session.may('devices')) return n.status ? `${n.status.volume}` : '';
  const slider = h('input', { type: 'range', min: 0, max: 100, step: 5, value: n.status ? n.status.volume : 80,
    'aria-label': t('node.volumeOf', { name: n.name }) });
  const out = h('output', {}, slider.value);
  slider.addEventListener('input', () => { out.textContent = slider.value; });
  slider.addEventListener('change', () => api.post(`/api/v1/nodes/${n.id}/volume`, { level: Number(slider.value) })
    .catch((e) => { out.textContent = e.message || t('error.generic'); }));
  return h('span', { class: 'volume' }, slider, out);
}

/** A coordinate as typed (a comma as the decimal mark too); empty is none, and text the server refuses by field. */
function degrees(input) {
  const v = input.value.trim().replace(',', '.');
  if (!v) return undefined;
  return Number.isNaN(Number(v)) ? v : Number(v);
}

export default {
  title: 'nav.nodes',
  render: withPipelines(devicePage({
    path: '/api/v1/nodes',
    prefix: 'node',
    columns: [['node.name', (n) => n.name], ['field.zone', (n, tree) => tree.name(n.zone)],
      ['field.kind', (n) => t(`kind.${n.kind}`)], ['field.address', (n) => n.address || ''],
      ['field.state', state], ['node.path', path], ['node.link', link], ['node.volume', volume], ['node.onHours', (n) => n.onHours || t('node.always')]],
    filter: ['node.onlyNoAudio', (n) => n.kind === 'agent' && n.online && n.path && n.path.udpSilent],
    inputs: (tree, n) => [
      ['name', 'node.name', h('input', { type: 'text', maxlength: 200, value: n ? n.name : '' })],
      ['zone', 'field.zone', zoneSelect(tree, n && n.zone)],
      ['kind', 'field.kind', select([['agent', t('kind.agent')], ['rtp', t('kind.rtp')], ['stream', t('kind.stream')]], n ? n.kind : 'agent')],
      ['address', 'field.address', h('input', { type: 'text', maxlength: 260, value: n && n.address ? n.address : '' }), 'node.addressHint'],
      ['codec', 'field.codec', select([['', t('node.codecDefault')], ['PCMU', 'G.711 µ-law'], ['PCMA', 'G.711 A-law'],
        ['OPUS', 'Opus'], ['G722', 'G.722']], n && n.codec ? n.codec : '')],
      ['lat', 'node.lat', h('input', { type: 'text', inputmode: 'decimal', maxlength: 20, value: n && n.lat != null ? String(n.lat) : '' }), 'node.latHint'],
      ['lon', 'node.lon', h('input', { type: 'text', inputmode: 'decimal', maxlength: 20, value: n && n.lon != null ? String(n.lon) : '' })],
      ['onHours', 'node.onHours', h('input', { type: 'text', maxlength: 11, placeholder: '05:00-21:00', value: n && n.onHours ? n.onHours : '' }), 'node.onHoursHint'],
    ],
    read: (i) => ({ name: i.name.value, zone: i.zone.value, kind: i.kind.value, address: i.address.value.trim() || undefined,
      codec: i.codec.value || undefined, lat: degrees(i.lat), lon: degrees(i.lon), onHours: i.onHours.value.trim() || undefined }),
    created: (reply) => (reply.token ? h('div', {},
      h('p', { class: 'token' }, t('node.token'), ' ', h('code', {}, reply.token)),
      reply.kind === 'stream' ? h('p', { class: 'token' }, t('node.streamUrl'), ' ',
        h('code', {}, `${location.protocol}//${reply.id}:${reply.token}@${location.host}/streams/${reply.zone}.mp3`)) : null)
      : null),
  })),
};
