// Draws a document with its spans and relations, brat-like: spans as labelled marks stacked above the text,
// relations as arcs in one SVG layer above the marks (drawn by marks.js and arcs.js).
//
// Speed comes from four rules. (1) The text is cut into blocks, one per line of the document; a block is the unit
// of re-rendering: an edit re-renders only the blocks it touches. (2) Stacking works in text offsets; a render
// reads every position it needs in one pass, gives each visual row the height its own labels and arcs need
// (rows.js), reads again only when a row's height changed, then writes marks and arcs: at most two forced layouts,
// no interleaving, and no read after the writes (the browser lays the marks out once, for the frame). (3) Marks and
// arcs are positioned relative to their block (the SVG has one group per block, moved with a transform), so a
// block that grows moves the blocks below it without redrawing them. (4) Only the blocks around the screen are
// drawn; the others get their rows' heights in idle time and their marks and arcs when they come near (late.js).

import { LABEL_H, TEXT_GAP, stackSpans, measureBlock, drawMarks, measureTextHeight } from './marks.js';
import { Emphasis } from './emphasis.js';
import { stackArcs, arcZoneHeight, drawArcs, setCompactArcs } from './arcs.js';
import { rowsOfBlock, applyStruts, offsetIn } from './rows.js';
import { LateDrawing } from './late.js';

const SVG = 'http://www.w3.org/2000/svg';
const TOP_PAD = 3; // between a row's highest arc or label and the row above

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
    this.emphasis = new Emphasis(root);
    this.hovered = null; // key under the mouse, kept by the controller
    this.late = new LateDrawing(this);
    // Spans drawn that are not the layer's (suggestions): relations may end at them. Kept once registered, so that
    // an arc can still be erased after its span left the screen.
    this.extraSpans = new Map();
  }

  /** A span by key: the layer's, one it had (a relation being erased may still end there), or a registered extra. */
  spanOf(key) {
    return this.store.spans.get(key) || this.extraSpans.get(key) || this.store.everySpan.get(key);
  }

  /** Builds the whole document once. */
  build() {
    const root = this.root;
    root.classList.add('ws-doc');
    root.replaceChildren();
    this.contentH = measureTextHeight(root);
    // Plain text's own line height: a row without labels or arcs is no taller than that.
    this.baseH = Math.round(this.contentH * 1.5);
    root.style.setProperty('--row', this.baseH + 'px');
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
        top: -1, height: 0, spanLevels: 0, arcLevels: 0, pieces: [], arcs: [], pieceOf: new Map(), rows: [] });
    });
    for (const span of this.store.spans.values()) this.attachSpan(span);
    for (const rel of this.store.relations.values()) this.attachRelation(rel);
    for (const arc of this.store.eventArcs.values()) this.attachRelation(arc);
    this.blocks.forEach((b) => this.dirty.add(b));
    fragment.prepend(this.svg);
    root.append(fragment);
    this.flush(true);
    // A new width re-wraps the text: every position changes, so everything is redrawn (the screen first).
    let width = this.width; // as the render read it: reading it now would lay the new marks out twice
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
    this.detach(this.blocksOf(span), 'spans', span);
  }

  /** Label, offsets or attributes changed: call with the offsets it had before when they moved. */
  spanChanged(span, before) {
    if (before) {
      this.detach(this.blocksOf(before), 'spans', span);
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
    this.detach(this.blocksOfRelation(rel), 'rels', rel);
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
    for (const arc of this.store.eventArcs.values()) this.attachRelation(arc);
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

  /** Takes a span or relation out of the blocks' sets of them ('spans' or 'rels'): they redraw without it. */
  detach(blocks, kind, item) {
    for (const b of blocks) {
      b[kind].delete(item);
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
    const head = this.spanOf(rel.head);
    const tail = this.spanOf(rel.tail);
    if (!head || !tail) return [];
    const a = this.blocks[this.doc.lineAt(head.s16)];
    const b = this.blocks[this.doc.lineAt(tail.s16)];
    return a === b ? [a] : [a, b];
  }

  // --- rendering ---

  /**
   * Re-renders the changed blocks near the viewport: stack, read all positions, fit the rows, write marks and arcs.
   * Blocks far from it are left to late.js: drawn when they come near the viewport or the browser is idle, so that
   * opening a long document costs what one screen costs.
   */
  flush(all = false) {
    if (this.dirty.size === 0) return;
    const dirty = [...this.dirty];
    this.dirty.clear();
    // Read: where the blocks are (known from the last render, except at the start and after a resize).
    if (!this.width || all) this.width = this.root.clientWidth;
    if (all || this.blocks.some((b) => b.top < 0)) this.readTops();
    const y = this.screenTop();
    const [from, to] = this.viewport(y);
    const anchor = this.late.anchor(y);
    const now = [];
    for (const b of dirty) {
      if (b.top + b.height >= from && b.top <= to) now.push(b);
      else this.late.hold(b);
    }
    this.render(now, all);
    this.late.keep(anchor);
    this.emphasis.refresh();
    this.late.schedule();
    this.onFlush?.();
  }

  /**
   * Fits the blocks' rows (fitRows), measures again those whose height changed (and moves the blocks below), then
   * draws marks and arcs.
   */
  render(list, moved = false) {
    const refitted = this.fitRows(list);
    const grown = refitted.length > 0;
    // A block keeps its layout inside when its rows did not change: only the refitted ones are measured again.
    for (const b of refitted) measureBlock(b, this.range);
    for (const b of list) b.rows = rowsOfBlock(b, this.doc.text);
    if (grown || moved) this.readTops();
    for (const b of list) {
      this.draw(b);
      this.late.drawn(b);
    }
    if (grown || moved) this.writeTops();
  }

  /**
   * Stacks and measures the blocks, then gives each row the height its labels and arcs need; answers the blocks
   * whose rows changed.
   */
  fitRows(list) {
    for (const b of list) this.stackBlock(b);
    for (const b of list) measureBlock(b, this.range);
    // All struts are worked out before any is written: finding a row's first offset reads the layout.
    const struts = list.map((b) => this.strutsOf(b));
    return list.filter((b, i) => applyStruts(b, struts[i], this.doc.text));
  }

  /** The struts that give each row of the block the room above its text that its labels and arcs need. */
  strutsOf(b) {
    const rows = rowsOfBlock(b, this.doc.text);
    const spare = (this.baseH - this.contentH) / 2; // above the text within a plain row
    const struts = [];
    for (const row of rows) {
      if (row.spans === 0 && row.arcs === 0) continue;
      const above = TOP_PAD + arcZoneHeight(row.arcs) + row.spans * LABEL_H + TEXT_GAP;
      const raise = Math.ceil(above - spare);
      if (raise > 0) struts.push({ at: row.at, raise });
    }
    return struts.sort((x, y) => x.at - y.at);
  }

  /** One layout read: every block's top and height. */
  readTops() {
    for (const b of this.blocks) {
      b.top = b.el.offsetTop;
      b.height = b.el.offsetHeight;
    }
    this.docHeight = this.root.scrollHeight;
  }

  /**
   * Fits the rows of blocks that are not drawn to the labels and arcs they will carry, without drawing them: the
   * document takes its final height while the DOM keeps only the text (late.js).
   */
  fit(list) {
    const grown = this.fitRows(list).length > 0;
    for (const b of list) this.late.fitted(b);
    if (grown) {
      this.readTops();
      this.writeTops();
    }
  }

  /** Moves each drawn block's arcs with its block (a block not drawn has none; draw() places them). */
  writeTops() {
    for (const b of this.blocks) {
      if (!this.late.pending.has(b)) this.placeArcs(b);
    }
    this.svg.setAttribute('width', this.width);
    this.svg.setAttribute('height', this.docHeight);
  }

  /** The screen's top in the document's own coordinates. */
  screenTop() {
    return -this.root.getBoundingClientRect().top;
  }

  /** The part of the document worth drawing now, in its own coordinates: the screen and one more above and below. */
  viewport(y = this.screenTop()) {
    const h = window.innerHeight || 900;
    return [y - h, y + 2 * h];
  }

  /** Draws a span or relation and what is around it, then scrolls it into sight (late.js). */
  reveal(key) {
    return this.late.reveal(key);
  }

  /** Levels of the block's span labels and arcs, from offsets alone. */
  stackBlock(b) {
    stackSpans(b);
    stackArcs(b, (key) => this.spanOf(key), this.doc);
  }

  /** Compact mode: arcs stacked closer, every row refitted. */
  setCompact(compact) {
    setCompactArcs(compact);
    this.root.classList.toggle('ws-compact', compact);
    if (!this.svg) return;
    this.blocks.forEach((b) => this.dirty.add(b));
    this.flush(true);
  }

  /** Writes the block's marks and arcs from its measured pieces. */
  draw(b) {
    drawMarks(b, this.types.entity, this.doc.text, this.store.equivalenceOf);
    drawArcs(b, this.types.relation, this.width);
    this.placeArcs(b);
  }

  placeArcs(b) {
    if (b.g.dataset.top !== String(b.top)) {
      b.g.dataset.top = b.top;
      b.g.setAttribute('transform', `translate(0,${b.top})`);
    }
  }

  // --- emphasis: see emphasis.js ---

  select(key) {
    this.emphasis.select(key);
  }

  hover(key) {
    this.emphasis.hover(key, this.store);
  }

  /** A temporary highlight of the text a menu is about to label. */
  showPending(s16, e16) {
    this.emphasis.showPending(this.blocksOf({ s16, e16 }), this.range, s16, e16);
  }

  clearPending() {
    this.emphasis.clearPending();
  }

  // --- reading the DOM for the controller ---

  /** UTF-16 offset in the document of a DOM position inside the text, or -1. */
  offsetOf(node, offset) {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const blk = el && el.closest('.ws-blk');
    if (!blk || !this.root.contains(blk)) return -1;
    const b = this.blocks[+blk.dataset.b];
    if (node === b.tx || node.parentElement === b.tx) return b.start + offsetIn(b, node, offset);
    // A position between elements: before or after the block's text.
    return node === blk && offset === 0 ? b.start : b.end;
  }

  /** The innermost span at a UTF-16 offset, or null. */
  spanAt(u16) {
    const b = this.blocks[this.doc.lineAt(u16)];
    let best = null;
    for (const span of b.spans) {
      // A discontinuous span covers its pieces, not the gaps between them.
      const inside = span.f16 ? span.f16.some(([s, e]) => s <= u16 && u16 < e) : span.s16 <= u16 && u16 < span.e16;
      if (inside && (!best || span.e16 - span.s16 < best.e16 - best.s16)) best = span;
    }
    return best;
  }

  firstElementOf(key) {
    return this.root.querySelector(`[data-k="${key}"]`);
  }
}
