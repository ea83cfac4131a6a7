// Building the page without innerHTML: every string becomes a text node, so HTML typed by a user stays text.

/** h('p', {class: 'x', onclick: f}, 'text', child, [more]) -> an element. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'value' || key === 'checked' || key === 'selected') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces what an element holds. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A labelled form field: label, control, hint and the slot its error goes to (ids tie them for screen readers). */
export function field(form, name, label, control, hint) {
  const id = `${form}-${name}`;
  control.id = control.id || id;
  control.name = control.name || name;
  const error = h('p', { class: 'field-error', id: `${id}-error`, dataset: { errorFor: name }, 'aria-live': 'polite' });
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  control.setAttribute('aria-describedby', [hintEl ? hintEl.id : null, error.id].filter(Boolean).join(' '));
  return h('div', { class: 'field', dataset: { field: name } }, h('label', { for: control.id }, label), control, hintEl, error);
}

/** A <select> from [value, text] pairs. */
export function select(options, value, attrs) {
  return h('select', attrs || {}, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

/** Waits `ms` after the last call before running `fn` (typing in the notice text). */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** A date-time as the clerk reads it, in Vietnam's time. */
export function when(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN',
    { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' });
}
