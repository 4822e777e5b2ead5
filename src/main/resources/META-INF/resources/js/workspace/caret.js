// The keyboard caret in the document text. The text is not editable, so the browser shows no caret of its own:
// this one is drawn while the text has focus. Arrows move it word by word over the same tokens that snapping
// uses (words.js); Shift+arrows extend a selection from where it started. A selected span puts the caret at its
// end, a click in the text puts it there. Offsets are UTF-16 units, as the DOM counts.

import { pointIn, setRange } from './rows.js';

export class Caret {
  constructor(ws) {
    this.ws = ws;
    this.anchor = 0; // where a Shift+arrow selection started
    this.focus = 0; // where the caret is
    this.marks = [];
    const { docEl } = ws;
    docEl.addEventListener('focus', () => this.draw());
    docEl.addEventListener('blur', () => this.clear());
    // The mouse takes over: its selection replaces the caret's, and a plain click moves the caret.
    docEl.addEventListener('mousedown', () => this.collapse(this.focus));
    docEl.addEventListener('mouseup', () => {
      const sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || !sel.isCollapsed) return;
      const at = ws.view.offsetOf(sel.focusNode, sel.focusOffset);
      if (at >= 0) this.collapse(at);
    });
    ws.view.onFlush = () => this.draw(); // marks and arcs may have moved the text
  }

  /** The selected text [start, end), or null when the caret is only a caret. */
  get range() {
    const start = Math.min(this.anchor, this.focus);
    const end = Math.max(this.anchor, this.focus);
    return start < end ? { start, end, rect: this.rectAt(this.focus) } : null;
  }

  collapse(at) {
    this.anchor = at;
    this.focus = at;
    this.draw();
  }

  /** One word left or right; with extend, the selection grows or shrinks from its anchor. */
  move(back, extend) {
    const words = this.ws.doc.words();
    this.focus = back ? words.previous(this.focus) : words.next(this.focus);
    if (!extend) this.anchor = this.focus;
    this.draw();
    const r = this.range;
    if (r) this.ws.say(`Selected text “${this.ws.doc.text.slice(r.start, r.end).trim().slice(0, 60)}”.`);
  }

  /** Selecting an annotation drops the selected text; the caret goes to a selected span's end. */
  follow(key) {
    const span = key && this.ws.store.spans.get(key);
    this.collapse(span ? span.e16 : this.focus);
  }

  clear() {
    for (const el of this.marks) el.remove();
    this.marks = [];
  }

  /** Draws the caret (or the selected text) while the text has focus and no annotation is selected. */
  draw() {
    this.clear();
    const { docEl, selected } = this.ws;
    if (document.activeElement !== docEl || selected) return;
    const box = docEl.getBoundingClientRect();
    const r = this.range;
    const rects = r ? this.rectsOf(r.start, r.end) : [this.rectAt(this.focus)];
    for (const rect of rects) {
      const el = document.createElement('div');
      el.className = r ? 'ws-kbsel' : 'ws-caret';
      el.setAttribute('aria-hidden', 'true');
      const width = r ? rect.width : 2;
      el.style.cssText = `left:${rect.left - box.left}px;top:${rect.top - box.top}px;width:${width}px;height:${rect.height}px`;
      docEl.append(el);
      this.marks.push(el);
    }
  }

  /** The screen box of the text position {@code u16} (zero width). */
  rectAt(u16) {
    const { view, doc } = this.ws;
    const b = view.blocks[doc.lineAt(u16)];
    const at = pointIn(b, Math.min(u16, b.end) - b.start);
    if (!at) return b.tx.getBoundingClientRect();
    const range = document.createRange();
    range.setStart(at[0], at[1]);
    return range.getBoundingClientRect();
  }

  /** The screen boxes of the text [s16, e16), one per row of each line it covers. */
  rectsOf(s16, e16) {
    const { view, doc } = this.ws;
    const rects = [];
    const range = document.createRange();
    for (let i = doc.lineAt(s16); i <= doc.lineAt(e16 - 1); i++) {
      const b = view.blocks[i];
      const a = Math.max(s16, b.start) - b.start;
      const e = Math.min(e16, b.end) - b.start;
      if (e <= a || !setRange(range, b, a, e)) continue;
      rects.push(...range.getClientRects());
    }
    return rects;
  }
}
