// A zone's boundary (CAP geo-targeting, ADR 0045): imported from a GeoJSON file, stored by the server, drawn as an SVG.
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';

/** The outer rings of a GeoJSON Polygon or MultiPolygon (or a Feature or FeatureCollection holding one). */
function rings(geo) {
  if (!geo) return [];
  if (geo.type === 'Feature') return rings(geo.geometry);
  if (geo.type === 'FeatureCollection') return (geo.features || []).flatMap(rings);
  if (geo.type === 'Polygon') return [geo.coordinates[0]];
  if (geo.type === 'MultiPolygon') return geo.coordinates.map((p) => p[0]);
  return [];
}

/** The geometry the server stores: the first Polygon or MultiPolygon in what was imported. */
export function geometry(geo) {
  if (!geo) return null;
  if (geo.type === 'Feature') return geometry(geo.geometry);
  if (geo.type === 'FeatureCollection') return (geo.features || []).map(geometry).find(Boolean) || null;
  return geo;
}

/** An SVG drawing of the boundary, north up, scaled to fit; empty when there is none. */
export function drawing(geo) {
  const all = rings(geo);
  const points = all.flat();
  if (!points.length) return h('p', { class: 'hint boundary-none' }, t('boundary.none'));
  // A degree of longitude is shorter than one of latitude away from the equator: scale it so the shape is true.
  const k = Math.cos((points.reduce((sum, p) => sum + p[1], 0) / points.length) * Math.PI / 180);
  const xs = points.map((p) => p[0] * k);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const at = (p) => `${(((p[0] * k - minX) / span) * 200 + 4).toFixed(1)},${(((maxY - p[1]) / span) * 200 + 4).toFixed(1)}`;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 208 208');
  svg.setAttribute('class', 'boundary-map');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('boundary.drawn', { n: points.length }));
  for (const ring of all) {
    const polygon = document.createElementNS('http://www.w3.org/2000/svg', 'polygon');
    polygon.setAttribute('points', ring.map(at).join(' '));
    svg.append(polygon);
  }
  return svg;
}

/**
 * The boundary fieldset of a zone (admins): the drawing, a GeoJSON file to import (stored at once), and removal.
 * Refusals (a ring not closed, crossing itself, out of range) show beside the file field, in the server's words.
 */
export function fieldset(zoneId, current) {
  const status = h('p', { role: 'status', class: 'boundary-status' });
  const error = h('p', { class: 'field-error', id: 'zone-boundary-error', dataset: { errorFor: 'boundary' },
    'aria-live': 'polite' });
  const picture = h('div', { class: 'boundary-picture' }, drawing(current));
  const file = h('input', { type: 'file', id: 'zone-boundary', accept: '.geojson,.json,application/geo+json,application/json',
    'aria-describedby': 'zone-boundary-error' });
  const remove = h('button', { type: 'button', class: 'small', hidden: !current }, t('boundary.remove'));
  const show = (geo, message) => {
    fill(picture, drawing(geo));
    remove.hidden = !geo;
    status.textContent = message;
    error.textContent = '';
    file.removeAttribute('aria-invalid');
  };
  const refuse = (message) => {
    error.textContent = message;
    file.setAttribute('aria-invalid', 'true');
  };
  file.addEventListener('change', async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    let geo;
    try {
      geo = geometry(JSON.parse(await chosen.text()));
    } catch (e) {
      refuse(t('boundary.notJson', { name: chosen.name }));
      return;
    }
    try {
      const place = await api.put(`/api/v1/zones/${zoneId}/boundary`, geo);
      show(place.boundary, t('boundary.saved', { name: chosen.name, n: rings(place.boundary).flat().length }));
    } catch (e) {
      if (!(e && 'code' in e)) throw e;
      refuse(e.message || t('error.generic'));
    }
  });
  remove.addEventListener('click', async () => {
    await api.del(`/api/v1/zones/${zoneId}/boundary`);
    show(null, t('boundary.removed'));
  });
  return h('fieldset', { class: 'boundary', dataset: { field: 'boundary' } }, h('legend', {}, t('boundary.legend')),
    picture,
    h('div', { class: 'field' }, h('label', { for: 'zone-boundary' }, t('boundary.file')), file,
      h('p', { class: 'hint' }, t('boundary.hint')), error),
    remove, status);
}
