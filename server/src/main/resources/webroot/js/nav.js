// Moving between pages from inside a page.

/** Shows the page at `hash` (renders it again when it is already shown). */
export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
