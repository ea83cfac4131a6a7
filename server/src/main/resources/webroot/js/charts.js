// Small SVG charts drawn with DOM calls (no library): bars per day, and one bar per loudspeaker.
const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Stacked columns: rows [{label, values: [n...]}], series [{name, color}]. */
export function columns(rows, series, title) {
  const width = 720;
  const height = 240;
  const left = 32;
  const bottom = 40;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const step = (width - left - 8) / Math.max(1, rows.length);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  svg.append(s('title', {}, title));
  for (let tick = 0; tick <= 4; tick += 1) {
    const value = Math.round((max * tick) / 4);
    const y = height - bottom - ((height - bottom - 16) * value) / max;
    svg.append(s('line', { x1: left, x2: width, y1: y, y2: y, stroke: '#e2e2e2' }), s('text', { x: 2, y: y + 4 }, value));
  }
  rows.forEach((row, i) => {
    let y = height - bottom;
    const x = left + i * step + step * 0.15;
    row.values.forEach((v, k) => {
      const h = ((height - bottom - 16) * v) / max;
      y -= h;
      if (v > 0) {
        const bar = s('rect', { x, y, width: step * 0.7, height: h, fill: series[k].color });
        bar.append(s('title', {}, `${row.label}: ${series[k].name} ${v}`));
        svg.append(bar);
      }
    });
    if (rows.length <= 10 || i % Math.ceil(rows.length / 10) === 0) {
      svg.append(s('text', { x: x + step * 0.35, y: height - bottom + 14, 'text-anchor': 'middle' }, row.label));
    }
  });
  series.forEach((se, k) => {
    svg.append(s('rect', { x: left + k * 140, y: height - 16, width: 12, height: 12, fill: se.color }),
      s('text', { x: left + k * 140 + 16, y: height - 6 }, se.name));
  });
  return svg;
}

/** Horizontal bars of a percentage: rows [{label, percent}]. */
export function percentBars(rows, title) {
  const width = 720;
  const rowHeight = 26;
  const left = 220;
  const height = Math.max(1, rows.length) * rowHeight + 8;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  svg.append(s('title', {}, title));
  rows.forEach((row, i) => {
    const y = 4 + i * rowHeight;
    const w = ((width - left - 60) * row.percent) / 100;
    const color = row.percent >= 95 ? '#1e7b34' : row.percent >= 80 ? '#a05a00' : '#b3261e';
    svg.append(s('text', { x: 4, y: y + 16 }, row.label),
      s('rect', { x: left, y, width: width - left - 60, height: rowHeight - 8, fill: '#eee' }),
      s('rect', { x: left, y, width: w, height: rowHeight - 8, fill: color }),
      s('text', { x: width - 54, y: y + 14 }, `${row.percent.toFixed(1)} %`));
  });
  return svg;
}

/**
 * Loudspeakers placed by their coordinates: points [{name, lat, lon, state, label}] as dots coloured by state
 * (class node-STATE; a downstream's, read-only, also class mirror), north up, scaled to fit. No map tiles: nothing is
 * downloaded. {labels: false} leaves the names to the dots' titles (a province's hundreds of speakers).
 */
export function nodeMap(points, title, options = {}) {
  const width = 720;
  const height = 360;
  const pad = 24;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart node-map', role: 'img', 'aria-label': title });
  svg.append(s('title', {}, title), s('rect', { x: 0, y: 0, width, height, fill: '#eef3ea' }));
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [south, north] = [Math.min(...lats), Math.max(...lats)];
  const [west, east] = [Math.min(...lons), Math.max(...lons)];
  // One scale for both axes (near the equator a degree of latitude and of longitude are about as long).
  const span = Math.max(north - south, east - west, 0.001);
  const scale = Math.min((width - 2 * pad) / span, (height - 2 * pad) / span);
  const x0 = (width - (east - west) * scale) / 2;
  const y0 = (height - (north - south) * scale) / 2;
  for (const p of points) {
    const x = x0 + (p.lon - west) * scale;
    const y = y0 + (north - p.lat) * scale;
    const dot = s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: options.labels === false ? 5 : 7,
      class: `node-${p.state}${p.mirror ? ' mirror' : ''}`, 'data-name': p.name });
    dot.append(s('title', {}, `${p.name}: ${p.label}`));
    svg.append(dot);
    if (options.labels !== false) svg.append(s('text', { x: (x + 10).toFixed(1), y: (y + 4).toFixed(1) }, p.name));
  }
  return svg;
}
