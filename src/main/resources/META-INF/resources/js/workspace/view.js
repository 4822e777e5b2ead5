// Draws a document with its spans and relations, brat-like: spans as labelled marks stacked above the text,
// relations as arcs in one SVG layer above the marks.
//
// Speed comes from three rules. (1) The text is cut into blocks, one per line of the document; a block is the unit
// of re-rendering: an edit re-renders only the blocks it touches. (2) Stacking works in text offsets, so each
// block's height is known before anything is measured; a render writes heights, then reads every position it
// needs in one pass, then writes marks and arcs: one forced layout, no interleaving. (3) Marks and arcs are
// positioned relative to their block (the SVG has one group per block, moved with a transform), so a block that
// grows moves the blocks below it without redrawing them.

import { stack } from './stack.js';

const SVG = 'http://www.w3.org/2000/svg';
const LABEL_H = 14; // height of one level of span labels
const ARC_H = 15; // height of one level of arcs
const ARC_GAP = 6; // between the highest span label and the lowest arc
const TEXT_GAP = 2; // between the text and the lowest label
const TOP_PAD = 4;
const BOTTOM_PAD = 5;

export class DocumentView {
  /**
   * root: the element to draw into. doc: a DocumentText. types: {entity: Map name→{index,color}, relation:
   * Map name→{color, directed}}. store: the layer's spans and relations.
   */
  constructor(root, doc, types, store) {
    this.root = root;
    this.doc = doc;
    this.types = types;
    this.store = store;
    this.blocks = [];
    this.dirty = new Set();
    this.range = document.createRange();
    this.width = 0;
    this.selectedKey = null;
    this.hoverKeys = [];
    this.hovered = null; // key under the mouse, kept by the controller
    this.later = new Set(); // blocks whose marks and arcs are not drawn yet
  }

  /** Builds the whole document once. */
  build() {
    const root = this.root;
    root.classList.add('ws-doc');
    root.replaceChildren();
    this.contentH = measureTextHeight(root);
    root.style.setProperty('--th', this.contentH + 'px');
    root.style.setProperty('--lh', LABEL_H + 'px');
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'ws-arcs');
    this.svg.setAttribute('aria-hidden', 'true');
    const fragment = document.createDocumentFragment();
    const text = this.doc.text;
    this.doc.lines.forEach((line, i) => {
      const el = document.createElement('div');
      el.className = 'ws-blk';
      el.dataset.b = i;
      const ov = document.createElement('div');
      ov.className = 'ws-ov';
      const tx = document.createElement('span');
      tx.className = 'ws-tx';
      // textContent only: the document is data, never markup.
      tx.textContent = text.slice(line.start, line.end);
      el.append(ov, tx);
      fragment.append(el);
      const g = document.createElementNS(SVG, 'g');
      this.svg.append(g);
      this.blocks.push({ i, start: line.start, end: line.end, el, ov, tx, g, spans: new Set(), rels: new Set(),
        L: 0, top: -1, height: 0, spanLevels: 0, arcLevels: 0, pieces: [], arcs: [], pieceOf: new Map() });
    });
    for (const span of this.store.spans.values()) this.attachSpan(span);
    for (const rel of this.store.relations.values()) this.attachRelation(rel);
    this.blocks.forEach((b) => this.dirty.add(b));
    fragment.prepend(this.svg);
    root.append(fragment);
    this.flush(true);
    // A new width re-wraps the text: every position changes, so everything is redrawn (the screen first).
    let width = root.clientWidth;
    new ResizeObserver(() => {
      const now = root.clientWidth;
      if (now === width) return;
      width = now;
      this.blocks.forEach((b) => this.dirty.add(b));
      this.flush(true);
    }).observe(root);
  }

  // --- changes: the controller calls these, then flush() ---

  spanAdded(span) {
    this.attachSpan(span);
  }

  spanRemoved(span) {
    for (const b of this.blocksOf(span)) {
      b.spans.delete(span);
      this.dirty.add(b);
    }
  }

  /** Label, offsets or attributes changed: call with the offsets it had before when they moved. */
  spanChanged(span, before) {
    if (before) {
      for (const b of this.blocksOf(before)) {
        b.spans.delete(span);
        this.dirty.add(b);
      }
      this.attachSpan(span);
    } else {
      this.blocksOf(span).forEach((b) => this.dirty.add(b));
    }
    for (const rel of this.store.relationsOf(span.key)) this.relationChanged(rel);
  }

  relationAdded(rel) {
    this.attachRelation(rel);
  }

  relationRemoved(rel) {
    for (const b of this.blocksOfRelation(rel)) {
      b.rels.delete(rel);
      this.dirty.add(b);
    }
  }

  relationChanged(rel) {
    this.blocksOfRelation(rel).forEach((b) => this.dirty.add(b));
  }

  /** Everything from scratch (after loading a fresh state from the server). */
  reset() {
    for (const b of this.blocks) {
      b.spans.clear();
      b.rels.clear();
      this.dirty.add(b);
    }
    for (const span of this.store.spans.values()) this.attachSpan(span);
    for (const rel of this.store.relations.values()) this.attachRelation(rel);
    this.flush();
  }

  attachSpan(span) {
    for (const b of this.blocksOf(span)) {
      b.spans.add(span);
      this.dirty.add(b);
    }
  }

  attachRelation(rel) {
    for (const b of this.blocksOfRelation(rel)) {
      b.rels.add(rel);
      this.dirty.add(b);
    }
  }

  blocksOf(span) {
    const first = this.doc.lineAt(span.s16);
    const last = this.doc.lineAt(Math.max(span.s16, span.e16 - 1));
    const result = [];
    for (let i = first; i <= last; i++) result.push(this.blocks[i]);
    return result;
  }

  /** An arc is drawn in the block of its head's start and the block of its tail's start. */
  blocksOfRelation(rel) {
    const head = this.store.spans.get(rel.head);
    const tail = this.store.spans.get(rel.tail);
    if (!head || !tail) return [];
    const a = this.blocks[this.doc.lineAt(head.s16)];
    const b = this.blocks[this.doc.lineAt(tail.s16)];
    return a === b ? [a] : [a, b];
  }

  // --- rendering ---

  /**
   * Re-renders the changed blocks: write heights, read all positions, write marks and arcs. Blocks far from the
   * viewport get their height now (so nothing moves later) but their marks and arcs only when they come near the
   * viewport or the browser is idle: opening a long document costs what one screen costs.
   */
  flush(all = false) {
    if (this.dirty.size === 0) return;
    const dirty = [...this.dirty];
    this.dirty.clear();
    let moved = all;
    for (const b of dirty) {
      this.stackBlock(b);
      const L = this.lineHeight(b);
      if (L !== b.L) {
        b.L = L;
        b.el.style.lineHeight = L + 'px';
        b.el.style.minHeight = L + 'px';
        b.tx.style.top = ((L - this.contentH) / 2 - BOTTOM_PAD) + 'px';
        moved = true;
      }
    }
    // Read: one layout for everything below.
    if (!this.width || all) this.width = this.root.clientWidth;
    let tops = null;
    let height = 0;
    if (moved) {
      tops = this.blocks.map((b) => b.el.offsetTop);
      for (const b of this.blocks) b.height = b.el.offsetHeight;
      height = this.root.scrollHeight;
    }
    const [from, to] = this.viewport();
    const now = [];
    for (const b of dirty) {
      const top = tops ? tops[b.i] : b.top;
      if (top + b.height >= from && top <= to) {
        this.measureBlock(b);
        now.push(b);
      } else {
        this.later.add(b);
      }
    }
    // Write.
    for (const b of now) {
      this.drawMarks(b);
      this.drawArcs(b);
      this.later.delete(b);
    }
    for (const b of dirty) {
      if (this.later.has(b)) {
        b.ov.replaceChildren();
        b.g.replaceChildren();
      }
    }
    if (tops) {
      this.blocks.forEach((b, i) => {
        if (b.top !== tops[i]) {
          b.top = tops[i];
          b.g.setAttribute('transform', `translate(0,${tops[i]})`);
        }
      });
      this.svg.setAttribute('width', this.width);
      this.svg.setAttribute('height', height);
    }
    if (this.selectedKey) this.markSelected(this.selectedKey, true);
    this.scheduleLater();
  }

  /** The part of the document worth drawing now, in its own coordinates: the screen and one more above and below. */
  viewport() {
    const box = this.root.getBoundingClientRect();
    const h = window.innerHeight || 900;
    return [-box.top - h, -box.top + 2 * h];
  }

  /** Measures, then draws, blocks that were left for later. */
  drawNow(list) {
    if (list.length === 0) return;
    for (const b of list) this.measureBlock(b);
    for (const b of list) {
      this.drawMarks(b);
      this.drawArcs(b);
      this.later.delete(b);
    }
    if (this.selectedKey) this.markSelected(this.selectedKey, true);
    if (this.later.size === 0) performance.mark('relata-workspace-complete');
  }

  /** Draws the blocks near the viewport after a scroll, and the rest when the browser is idle. */
  scheduleLater() {
    if (this.later.size === 0) {
      performance.mark('relata-workspace-complete');
      return;
    }
    if (!this.scrollHook) {
      this.scrollHook = () => {
        if (this.scrollQueued) return;
        this.scrollQueued = true;
        requestAnimationFrame(() => {
          this.scrollQueued = false;
          const [from, to] = this.viewport();
          this.drawNow([...this.later].filter((b) => b.top + b.height >= from && b.top <= to));
        });
      };
      window.addEventListener('scroll', this.scrollHook, { passive: true });
    }
    if (this.idleQueued) return;
    this.idleQueued = true;
    const idle = window.requestIdleCallback || ((f) => setTimeout(() => f({ timeRemaining: () => 8 }), 1));
    idle((deadline) => {
      this.idleQueued = false;
      const [from] = this.viewport();
      const pending = [...this.later].sort((a, b) => Math.abs(a.top - from) - Math.abs(b.top - from));
      // Small batches, so that a key press never waits long behind drawing.
      let n = 0;
      while (n < pending.length && deadline.timeRemaining() > 4) {
        this.drawNow(pending.slice(n, n + 8));
        n += 8;
      }
      this.scheduleLater();
    }, { timeout: 300 });
  }

  /** Makes sure the marks of a span are drawn (it may sit in a block left for later). */
  ensureDrawn(key) {
    const span = this.store.spans.get(key);
    const rel = this.store.relations.get(key);
    const blocks = span ? this.blocksOf(span) : rel ? this.blocksOfRelation(rel) : [];
    this.drawNow(blocks.filter((b) => this.later.has(b)));
  }

  /** Levels of the block's span labels and arcs, from offsets alone. */
  stackBlock(b) {
    const pieces = [];
    for (const span of b.spans) {
      const a = Math.max(span.s16, b.start) - b.start;
      const e = Math.min(span.e16, b.end) - b.start;
      if (e > a) pieces.push({ a, b: e, span, level: 0, rows: null });
    }
    b.spanLevels = stack(pieces);
    b.pieces = pieces;
    const bySpan = new Map();
    for (const p of pieces) bySpan.set(p.span.key, p);
    b.pieceOf = bySpan;
    const arcs = [];
    const len = b.end - b.start;
    for (const rel of b.rels) {
      const head = this.store.spans.get(rel.head);
      const tail = this.store.spans.get(rel.tail);
      const hp = bySpan.get(rel.head);
      const tp = bySpan.get(rel.tail);
      const hb = this.doc.lineAt(head.s16);
      const tb = this.doc.lineAt(tail.s16);
      if (hb === b.i && tb === b.i && hp && tp) {
        arcs.push({ rel, a: Math.min(hp.a, tp.a), b: Math.max(hp.b, tp.b), mode: 'both', level: 0 });
      } else {
        const hereKey = hb === b.i ? rel.head : rel.tail;
        const here = bySpan.get(hereKey);
        if (!here) continue;
        const first = (hb === b.i ? hb < tb : tb < hb);
        arcs.push(first ? { rel, a: here.a, b: Math.max(len, here.b), mode: 'out', here: hereKey, level: 0 }
          : { rel, a: 0, b: here.b, mode: 'in', here: hereKey, level: 0 });
      }
    }
    b.arcLevels = stack(arcs);
    b.arcs = arcs;
  }

  lineHeight(b) {
    const arcZone = b.arcLevels ? b.arcLevels * ARC_H + ARC_GAP : 0;
    const base = Math.round(this.contentH * 1.6);
    return Math.max(base, Math.ceil(TOP_PAD + arcZone + b.spanLevels * LABEL_H + TEXT_GAP + this.contentH + BOTTOM_PAD));
  }

  measureBlock(b) {
    const node = b.tx.firstChild;
    if (!node || b.pieces.length === 0) return;
    const box = b.el.getBoundingClientRect();
    const range = this.range;
    for (const p of b.pieces) {
      range.setStart(node, p.a);
      range.setEnd(node, p.b);
      p.rows = rowsOf(range.getClientRects(), box.left, box.top);
    }
  }

  drawMarks(b) {
    const fragment = document.createDocumentFragment();
    const text = this.doc.text;
    for (const p of b.pieces) {
      if (!p.rows || p.rows.length === 0) continue;
      const span = p.span;
      const type = this.types.entity.get(span.label);
      const cls = 'ws-sp ' + (type ? 't' + type.index : 'tx0');
      p.rows.forEach((r, n) => {
        const top = r.top - TEXT_GAP - (p.level + 1) * LABEL_H;
        const mark = document.createElement('mark');
        mark.className = cls;
        mark.dataset.k = span.key;
        mark.style.cssText = `left:${r.left}px;top:${top}px;width:${r.right - r.left}px;height:${r.bottom - top}px`;
        const label = document.createElement('span');
        label.className = 'ws-lb';
        label.textContent = span.label;
        if (n === 0 && p.a === Math.max(span.s16, b.start) - b.start && span.s16 >= b.start) {
          label.setAttribute('role', 'button');
          label.setAttribute('aria-label', `${span.label} ${text.slice(span.s16, span.e16)}`);
        } else {
          label.setAttribute('aria-hidden', 'true');
        }
        mark.append(label);
        fragment.append(mark);
      });
    }
    b.ov.replaceChildren(fragment);
  }

  /** The point where an arc meets a span: the middle of the top of its label. */
  anchorIn(b, spanKey) {
    const p = b.pieceOf.get(spanKey);
    if (!p || !p.rows || p.rows.length === 0) return null;
    const r = p.rows[0];
    return { x: (r.left + r.right) / 2, y: r.top - TEXT_GAP - (p.level + 1) * LABEL_H, row: r.top };
  }

  arcY(b, rowTop, level) {
    return rowTop - TEXT_GAP - b.spanLevels * LABEL_H - ARC_GAP - level * ARC_H - ARC_H / 2 + 3;
  }

  drawArcs(b) {
    const fragment = document.createDocumentFragment();
    for (const arc of b.arcs) {
      const rel = arc.rel;
      const type = this.types.relation.get(rel.label) || { color: '#555', directed: true };
      const g = document.createElementNS(SVG, 'g');
      g.setAttribute('class', 'ws-rel');
      g.dataset.k = rel.key;
      g.style.setProperty('--c', type.color);
      const both = arc.mode === 'both';
      const head = both || arc.here === rel.head ? this.anchorIn(b, rel.head) : null;
      const tail = both || arc.here === rel.tail ? this.anchorIn(b, rel.tail) : null;
      let d = '';
      let labelAt = null;
      if (both) {
        if (!head || !tail) continue;
        const [p, q] = before(head, tail) ? [head, tail] : [tail, head];
        if (Math.abs(p.row - q.row) < 1) {
          const y = this.arcY(b, p.row, arc.level);
          d = bracket(p.x, p.y, q.x === p.x ? q.x + 6 : q.x, q.y, y);
          labelAt = { x: (p.x + q.x) / 2, y };
        } else {
          const y1 = this.arcY(b, p.row, arc.level);
          const y2 = this.arcY(b, q.row, arc.level);
          d = toRightEdge(p.x, p.y, this.width, y1) + fromLeftEdge(q.x, q.y, y2);
          labelAt = { x: (p.x + this.width) / 2, y: y1 };
        }
      } else if (arc.mode === 'out') {
        const p = head || tail;
        if (!p) continue;
        const y = this.arcY(b, p.row, arc.level);
        d = toRightEdge(p.x, p.y, this.width, y);
        labelAt = { x: (p.x + this.width) / 2, y };
      } else {
        const q = head || tail;
        if (!q) continue;
        const y = this.arcY(b, q.row, arc.level);
        d = fromLeftEdge(q.x, q.y, y);
        labelAt = { x: q.x / 2, y };
      }
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('class', 'ws-arc');
      path.setAttribute('d', d);
      g.append(path);
      if (type.directed && tail) {
        const arrow = document.createElementNS(SVG, 'path');
        arrow.setAttribute('class', 'ws-arrow');
        arrow.setAttribute('d', `M${tail.x - 4} ${tail.y - 7}L${tail.x + 4} ${tail.y - 7}L${tail.x} ${tail.y}Z`);
        g.append(arrow);
      }
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', labelAt.x);
      label.setAttribute('y', labelAt.y - 3); // on the line, not through it: underscores stay visible
      label.textContent = rel.label;
      g.append(label);
      fragment.append(g);
    }
    b.g.replaceChildren(fragment);
  }

  // --- selection and hover ---

  select(key) {
    if (this.selectedKey) this.markSelected(this.selectedKey, false);
    this.selectedKey = key;
    if (key) this.markSelected(key, true);
  }

  markSelected(key, on) {
    for (const el of this.elementsOf(key)) el.classList.toggle('ws-selected', on);
  }

  elementsOf(key) {
    return this.root.querySelectorAll(`[data-k="${key}"]`);
  }

  /** Emphasises a span and its relations (and their other ends), or a relation and its two spans. */
  hover(key) {
    for (const el of this.hoverKeys) el.classList.remove('ws-hover');
    this.hoverKeys = [];
    if (!key) {
      this.root.classList.remove('ws-hovering');
      return;
    }
    const keys = new Set([key]);
    const span = this.store.spans.get(key);
    if (span) {
      for (const rel of this.store.relationsOf(key)) {
        keys.add(rel.key);
        keys.add(rel.head);
        keys.add(rel.tail);
      }
    } else {
      const rel = this.store.relations.get(key);
      if (rel) {
        keys.add(rel.head);
        keys.add(rel.tail);
      }
    }
    for (const k of keys) {
      for (const el of this.elementsOf(k)) {
        el.classList.add('ws-hover');
        this.hoverKeys.push(el);
      }
    }
    this.root.classList.add('ws-hovering');
  }

  /** A temporary highlight of the text a menu is about to label (focus in the menu hides the selection). */
  showPending(s16, e16) {
    this.clearPending();
    const first = this.doc.lineAt(s16);
    const last = this.doc.lineAt(Math.max(s16, e16 - 1));
    const boxes = [];
    for (let i = first; i <= last; i++) {
      const b = this.blocks[i];
      const node = b.tx.firstChild;
      if (!node) continue;
      const a = Math.max(s16, b.start) - b.start;
      const e = Math.min(e16, b.end) - b.start;
      if (e <= a) continue;
      this.range.setStart(node, a);
      this.range.setEnd(node, e);
      const box = b.el.getBoundingClientRect();
      boxes.push([b, rowsOf(this.range.getClientRects(), box.left, box.top)]);
    }
    this.pending = [];
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
    for (const el of this.pending || []) el.remove();
    this.pending = [];
  }

  // --- reading the DOM for the controller ---

  /** UTF-16 offset in the document of a DOM position inside the text, or -1. */
  offsetOf(node, offset) {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const blk = el && el.closest('.ws-blk');
    if (!blk || !this.root.contains(blk)) return -1;
    const b = this.blocks[+blk.dataset.b];
    if (node.nodeType === Node.TEXT_NODE && node.parentElement === b.tx) return b.start + offset;
    // A position between elements: before or after the block's text.
    if (node === b.tx) return offset === 0 ? b.start : b.end;
    return node === blk && offset === 0 ? b.start : b.end;
  }

  /** The innermost span at a UTF-16 offset, or null. */
  spanAt(u16) {
    const b = this.blocks[this.doc.lineAt(u16)];
    let best = null;
    for (const span of b.spans) {
      if (span.s16 <= u16 && u16 < span.e16 && (!best || span.e16 - span.s16 < best.e16 - best.s16)) best = span;
    }
    return best;
  }

  firstElementOf(key) {
    return this.root.querySelector(`[data-k="${key}"]`);
  }
}

function measureTextHeight(root) {
  const probe = document.createElement('span');
  probe.className = 'ws-tx';
  probe.textContent = 'Xg';
  root.append(probe);
  const h = probe.getBoundingClientRect().height;
  probe.remove();
  return h || 19;
}

/** Client rects → one box per visual row, relative to the block. */
function rowsOf(rects, left, top) {
  const rows = [];
  for (const r of rects) {
    if (r.width <= 0.5) continue;
    const t = r.top - top;
    const last = rows[rows.length - 1];
    if (last && Math.abs(last.top - t) < 2) {
      last.left = Math.min(last.left, r.left - left);
      last.right = Math.max(last.right, r.right - left);
    } else {
      rows.push({ top: t, bottom: r.bottom - top, left: r.left - left, right: r.right - left });
    }
  }
  return rows;
}

function before(p, q) {
  return p.row < q.row - 1 || (Math.abs(p.row - q.row) < 1 && p.x <= q.x);
}

const R = 4;

/** Up from (x1,y1), across at height y, down to (x2,y2), with rounded corners. */
function bracket(x1, y1, x2, y2, y) {
  const s = x2 >= x1 ? 1 : -1;
  const r = Math.min(R, Math.abs(x2 - x1) / 2);
  return `M${x1} ${y1}V${y + r}Q${x1} ${y} ${x1 + s * r} ${y}H${x2 - s * r}Q${x2} ${y} ${x2} ${y + r}V${y2}`;
}

function toRightEdge(x, y1, right, y) {
  return `M${x} ${y1}V${y + R}Q${x} ${y} ${x + R} ${y}H${right}`;
}

function fromLeftEdge(x, y2, y) {
  return `M0 ${y}H${x - R}Q${x} ${y} ${x} ${y + R}V${y2}`;
}
