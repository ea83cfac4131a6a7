// Dragging with pointer events, so a mouse, a pen and a finger all work (HTML5 drag and drop does not on phones).
// A ghost of the item follows the pointer and the drop target is whatever lies under it. A press that moves less
// than a few pixels stays a click; Escape, or the browser taking the pointer back, drops nothing.

const THRESHOLD = 8;
const EDGE = 48;

/** The nearest drop target under a point, found by `targetOf` from the element there (the ghost lets it through). */
function under(x, y, targetOf) {
  const el = document.elementFromPoint(x, y);
  return el ? targetOf(el) : null;
}

/**
 * Makes `item` draggable. A mouse or pen drags it from anywhere but its controls; a finger only from `handle`, so the
 * page still scrolls under a finger elsewhere. `targetOf(element)` names the drop target holding an element (or null);
 * `onDrop(target)` runs when the item is let go over one.
 */
export function draggable(item, { handle, targetOf, onDrop }) {
  let justDragged = false;
  // The click that ends a drag must not open the item.
  item.addEventListener('click', (e) => {
    if (justDragged) {
      e.preventDefault();
      e.stopPropagation();
      justDragged = false;
    }
  }, true);
  item.addEventListener('pointerdown', (down) => {
    justDragged = false;
    if (!down.isPrimary || down.button !== 0) return;
    if (down.target.closest('button, input, select, textarea, form')) return;
    if (down.pointerType === 'touch' && !(handle && handle.contains(down.target))) return;
    let ghost = null;
    let over = null;
    const mark = (target) => {
      if (target === over) return;
      if (over) over.classList.remove('drop-over');
      over = target;
      if (over) over.classList.add('drop-over');
    };
    const end = () => {
      document.removeEventListener('pointermove', move);
      document.removeEventListener('pointerup', up);
      document.removeEventListener('pointercancel', cancel);
      document.removeEventListener('keydown', escape, true);
      mark(null);
      if (ghost) {
        ghost.remove();
        item.classList.remove('drag-source');
        document.body.classList.remove('dragging');
        if (item.hasPointerCapture(down.pointerId)) item.releasePointerCapture(down.pointerId);
      }
    };
    const start = () => {
      const box = item.getBoundingClientRect();
      ghost = item.cloneNode(true);
      ghost.removeAttribute('id');
      ghost.setAttribute('aria-hidden', 'true');
      ghost.classList.add('drag-ghost');
      Object.assign(ghost.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px` });
      document.body.append(ghost);
      item.classList.add('drag-source');
      document.body.classList.add('dragging');
      justDragged = true;
      item.setPointerCapture(down.pointerId);
    };
    const move = (e) => {
      if (e.pointerId !== down.pointerId) return;
      if (!ghost) {
        if (Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < THRESHOLD) return;
        start();
      }
      e.preventDefault();
      ghost.style.transform = `translate(${e.clientX - down.clientX}px, ${e.clientY - down.clientY}px)`;
      // Near the top or bottom of the window the page scrolls, to reach a day out of sight (a phone's long column).
      if (e.clientY < EDGE) window.scrollBy(0, -EDGE / 2);
      else if (e.clientY > window.innerHeight - EDGE) window.scrollBy(0, EDGE / 2);
      mark(under(e.clientX, e.clientY, targetOf));
    };
    const up = (e) => {
      if (e.pointerId !== down.pointerId) return;
      const target = ghost ? under(e.clientX, e.clientY, targetOf) : null;
      end();
      if (target) onDrop(target);
    };
    const cancel = (e) => {
      if (e.pointerId === down.pointerId) end();
    };
    const escape = (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        end();
      }
    };
    document.addEventListener('pointermove', move);
    document.addEventListener('pointerup', up);
    document.addEventListener('pointercancel', cancel);
    document.addEventListener('keydown', escape, true);
  });
}
