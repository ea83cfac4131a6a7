// The zone tree (tỉnh › xã › thôn/xóm) as the pages show it.
import { h } from './dom.js';
import * as api from './api.js';

/**
 * The caller's zones, each with its children, root first; with {mirrored} (from mirrors.load()) the downstreams'
 * zones too, read-only, below the zone each downstream stands for.
 */
export async function load(options = {}) {
  const own = await api.get('/api/v1/zones');
  const list = options.mirrored ? own.concat(options.mirrored.zones) : own;
  const byId = new Map(list.map((z) => [z.id, { ...z, children: [] }]));
  const roots = [];
  for (const z of byId.values()) {
    const parent = z.parent && byId.get(z.parent);
    if (parent) parent.children.push(z); else roots.push(z);
  }
  return { roots, byId, name: (id) => (byId.get(id) ? byId.get(id).name : id) };
}

/** Nested lists of checkboxes; ticking a zone covers everything below it, so its children are shown as included. */
export function checkboxTree(tree, name, chosen) {
  const picked = new Set(chosen || []);
  function branch(zones) {
    return h('ul', { class: 'tree' }, zones.map((z) => {
      const box = h('input', { type: 'checkbox', name, value: z.id, id: `${name}-${z.id}`, checked: picked.has(z.id) });
      const children = z.children.length ? branch(z.children) : null;
      box.addEventListener('change', () => {
        if (!children) return;
        for (const inner of children.querySelectorAll('input')) {
          inner.disabled = box.checked;
          if (box.checked) inner.checked = false;
        }
      });
      return h('li', {}, box, h('label', { for: box.id }, z.name), children);
    }));
  }
  return branch(tree.roots);
}

/** The ticked zone ids of a checkbox tree. */
export function ticked(container, name) {
  return [...container.querySelectorAll(`input[name="${name}"]:checked`)].map((b) => b.value);
}

/** [value, text] options of every zone of this system's own (never a mirror), indented by depth, for a <select>. */
export function options(tree) {
  const out = [];
  (function walk(zones, depth) {
    for (const z of zones.filter((x) => !x.readOnly)) {
      out.push([z.id, `${'\u2003'.repeat(depth)}${z.name}`]);
      walk(z.children, depth + 1);
    }
  }(tree.roots, 0));
  return out;
}
