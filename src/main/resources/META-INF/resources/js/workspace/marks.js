// Spans drawn as marks: each span's piece in a block gets a stack level from offsets alone, is measured as one box
// per visual row, and is drawn as a <mark> with its label on top. Marks sit in the block's overlay, positioned
// relative to the block.

import { stack } from './stack.js';
import { setRange } from './rows.js';

export const LABEL_H = 14; // height of one level of span labels
export const TEXT_GAP = 2; // between the text and the lowest label

/** The top of a span's label at stack `level`, above a row of text that starts at `rowTop`. */
export function labelTop(rowTop, level) {
  return rowTop - TEXT_GAP - (level + 1) * LABEL_H;
}

/** The block's pieces of spans (one per span, cut to the block) with their levels. */
export function stackSpans(b) {
  const pieces = [];
  for (const span of b.spans) {
    // A discontinuous span has one piece per fragment; the first carries the label, the others follow it.
    (span.f16 || [[span.s16, span.e16]]).forEach(([s16, e16], n) => {
      const a = Math.max(s16, b.start) - b.start;
      const e = Math.min(e16, b.end) - b.start;
      if (e > a) pieces.push({ a, b: e, span, level: 0, rows: null, n });
    });
  }
  b.spanLevels = stack(pieces);
  b.pieces = pieces;
  const bySpan = new Map();
  const split = new Map();
  for (const p of pieces) {
    if (!bySpan.has(p.span.key)) bySpan.set(p.span.key, p);
    if (p.span.f16) split.set(p.span.key, [...(split.get(p.span.key) || []), p]);
  }
  b.pieceOf = bySpan;
  b.splitPieces = split; // span key → its pieces in this block, for the dashed links between them
}

/** Reads where each piece's text is on screen: the only layout read of a block. */
export function measureBlock(b, range) {
  if (b.pieces.length === 0) return;
  const box = b.el.getBoundingClientRect();
  for (const p of b.pieces) {
    p.rows = setRange(range, b, p.a, p.b) ? rowsOf(range.getClientRects(), box.left, box.top) : [];
  }
}

/**
 * entityTypes: Map name→{index}; text: the document's text, for the labels' accessible names; equivalences: span
 * key → {n, type}, drawn as the same numbered badge on every span of a set.
 */
export function drawMarks(b, entityTypes, text, equivalences) {
  const fragment = document.createDocumentFragment();
  for (const p of b.pieces) {
    if (!p.rows || p.rows.length === 0) continue;
    const span = p.span;
    const type = entityTypes.get(span.label);
    const cls = 'ws-sp ' + (type ? 't' + type.index : 'tx0') + (p.n > 0 ? ' ws-piece' : '');
    p.rows.forEach((r, n) => {
      const top = labelTop(r.top, p.level);
      const mark = document.createElement('mark');
      mark.className = cls;
      mark.dataset.k = span.key;
      mark.style.cssText = `left:${r.left}px;top:${top}px;width:${r.right - r.left}px;height:${r.bottom - top}px`;
      const label = document.createElement('span');
      label.className = 'ws-lb';
      label.textContent = span.label;
      if (n === 0 && p.n === 0 && p.a === Math.max(span.s16, b.start) - b.start && span.s16 >= b.start) {
        label.setAttribute('role', 'button');
        const quote = span.f16 ? span.f16.map(([s, e]) => text.slice(s, e)).join(' … ') : text.slice(span.s16, span.e16);
        label.setAttribute('aria-label', `${span.label} ${quote}`);
      } else {
        label.setAttribute('aria-hidden', 'true');
        if (p.n > 0) label.textContent = '+ ' + span.label;
      }
      mark.append(label);
      const set = equivalences && equivalences.get(span.key);
      if (set && n === 0 && p.n === 0) {
        const badge = document.createElement('span');
        badge.className = 'ws-eq';
        badge.textContent = '≡' + set.n;
        badge.title = `${set.type} set ${set.n}: the same thing as the other spans marked ≡${set.n}`;
        mark.append(badge);
      }
      fragment.append(mark);
    });
  }
  b.ov.replaceChildren(fragment);
}

export function measureTextHeight(root) {
  const probe = document.createElement('span');
  probe.className = 'ws-tx';
  probe.textContent = 'Xg';
  root.append(probe);
  const h = probe.getBoundingClientRect().height;
  probe.remove();
  return h || 19;
}

/** Client rects → one box per visual row, relative to the block. */
export function rowsOf(rects, left, top) {
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
