// What stands out on the drawing: the selected annotation, the one under the mouse with its partners, and the text
// a menu is about to label. Classes on the drawn elements only; nothing is re-stacked or re-measured.

import { rowsOf } from './marks.js';
import { setRange } from './rows.js';

export class Emphasis {
  constructor(root) {
    this.root = root;
    this.selectedKey = null;
    this.hovered = []; // elements marked as hovered
    this.pending = []; // the temporary highlight
  }

  select(key) {
    if (this.selectedKey) this.markSelected(this.selectedKey, false);
    this.selectedKey = key;
    if (key) this.markSelected(key, true);
  }

  /** Marks the selection again after its elements were redrawn. */
  refresh() {
    if (this.selectedKey) this.markSelected(this.selectedKey, true);
  }

  markSelected(key, on) {
    for (const el of this.elementsOf(key)) el.classList.toggle('ws-selected', on);
  }

  elementsOf(key) {
    return this.root.querySelectorAll(`[data-k="${key}"]`);
  }

  /** Emphasises a span and its relations (and their other ends), or a relation and its two spans. */
  hover(key, store) {
    for (const el of this.hovered) el.classList.remove('ws-hover');
    this.hovered = [];
    if (!key) {
      this.root.classList.remove('ws-hovering');
      return;
    }
    const keys = new Set([key]);
    const span = store.spans.get(key);
    if (span) {
      for (const rel of store.relationsOf(key)) {
        keys.add(rel.key);
        keys.add(rel.head);
        keys.add(rel.tail);
      }
    } else {
      const rel = store.relations.get(key) || store.eventArcs.get(key);
      if (rel) {
        keys.add(rel.head);
        keys.add(rel.tail);
      }
    }
    for (const k of keys) {
      for (const el of this.elementsOf(k)) {
        el.classList.add('ws-hover');
        this.hovered.push(el);
      }
    }
    this.root.classList.add('ws-hovering');
  }

  /** Highlights [s16, e16) in the given blocks (focus in a menu hides the browser's own selection). */
  showPending(blocks, range, s16, e16) {
    this.clearPending();
    const boxes = [];
    for (const b of blocks) {
      const a = Math.max(s16, b.start) - b.start;
      const e = Math.min(e16, b.end) - b.start;
      if (e <= a || !setRange(range, b, a, e)) continue;
      const box = b.el.getBoundingClientRect();
      boxes.push([b, rowsOf(range.getClientRects(), box.left, box.top)]);
    }
    for (const [b, rows] of boxes) {
      for (const r of rows) {
        const el = document.createElement('div');
        el.className = 'ws-pending';
        el.style.cssText = `left:${r.left}px;top:${r.top}px;width:${r.right - r.left}px;height:${r.bottom - r.top}px`;
        b.ov.append(el);
        this.pending.push(el);
      }
    }
  }

  clearPending() {
    for (const el of this.pending) el.remove();
    this.pending = [];
  }
}
