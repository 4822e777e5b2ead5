// Relations drawn as arcs in the view's one SVG layer, brat-like: an arc rises from the top of one span's label,
// runs above every label of its row and comes down to the other span's label, with an arrowhead on the tail when
// the type is directed. An arc between two blocks is drawn in both: out to the right edge in the first, in from
// the left edge in the second. Each block's arcs get stack levels from offsets alone.

import { stack } from './stack.js';
import { LABEL_H, TEXT_GAP, labelTop } from './marks.js';
import { rowAtTop } from './rows.js';

const SVG = 'http://www.w3.org/2000/svg';
let ARC_H = 15; // height of one level of arcs (10 in compact mode)
const ARC_GAP = 6; // between the highest span label and the lowest arc

/** Compact mode: arcs stacked closer (their names show on hover and selection, see workspace.css). */
export function setCompactArcs(compact) {
  ARC_H = compact ? 10 : 15;
}
const R = 4; // radius of an arc's corners

/** The block's arcs with their levels; needs the block's span pieces (stackSpans) first. spanOf: key → span. */
export function stackArcs(b, spanOf, doc) {
  const bySpan = b.pieceOf;
  const arcs = [];
  const len = b.end - b.start;
  for (const rel of b.rels) {
    const head = spanOf(rel.head);
    const tail = spanOf(rel.tail);
    if (!head || !tail) continue;
    const hp = bySpan.get(rel.head);
    const tp = bySpan.get(rel.tail);
    const hb = doc.lineAt(head.s16);
    const tb = doc.lineAt(tail.s16);
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

/** The height `levels` levels of arcs need above a row's labels. */
export function arcZoneHeight(levels) {
  return levels ? levels * ARC_H + ARC_GAP : 0;
}

/** relationTypes: Map name→{color, directed}; width: the view's width, where arcs to the next block leave. */
export function drawArcs(b, relationTypes, width) {
  const fragment = document.createDocumentFragment();
  for (const arc of b.arcs) {
    const rel = arc.rel;
    const type = relationTypes.get(rel.label) || { color: '#555', directed: true };
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('class', rel.event ? 'ws-rel ws-ev' : 'ws-rel');
    g.dataset.k = rel.key;
    g.style.setProperty('--c', type.color);
    const both = arc.mode === 'both';
    const head = both || arc.here === rel.head ? anchorIn(b, rel.head) : null;
    const tail = both || arc.here === rel.tail ? anchorIn(b, rel.tail) : null;
    let d = '';
    let labelAt = null;
    if (both) {
      if (!head || !tail) continue;
      const [p, q] = before(head, tail) ? [head, tail] : [tail, head];
      if (Math.abs(p.row - q.row) < 1) {
        const y = arcY(b, p.row, arc.level);
        d = bracket(p.x, p.y, q.x === p.x ? q.x + 6 : q.x, q.y, y);
        labelAt = { x: (p.x + q.x) / 2, y };
      } else {
        const y1 = arcY(b, p.row, arc.level);
        const y2 = arcY(b, q.row, arc.level);
        d = toRightEdge(p.x, p.y, width, y1) + fromLeftEdge(q.x, q.y, y2);
        labelAt = { x: (p.x + width) / 2, y: y1 };
      }
    } else if (arc.mode === 'out') {
      const p = head || tail;
      if (!p) continue;
      const y = arcY(b, p.row, arc.level);
      d = toRightEdge(p.x, p.y, width, y);
      labelAt = { x: (p.x + width) / 2, y };
    } else {
      const q = head || tail;
      if (!q) continue;
      const y = arcY(b, q.row, arc.level);
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
  // A discontinuous span's pieces in this block, joined by a dashed line along the tops of their marks.
  for (const [key, pieces] of b.splitPieces || []) {
    for (let i = 1; i < pieces.length; i++) {
      const p = pieces[i - 1];
      const q = pieces[i];
      if (!p.rows?.length || !q.rows?.length) continue;
      const from = p.rows[p.rows.length - 1];
      const to = q.rows[0];
      const y1 = labelTop(from.top, p.level) + LABEL_H / 2;
      const y2 = labelTop(to.top, q.level) + LABEL_H / 2;
      const line = document.createElementNS(SVG, 'path');
      line.setAttribute('class', 'ws-piece-link');
      line.dataset.k = key;
      line.setAttribute('d', `M${from.right} ${y1}L${to.left} ${y2}`);
      fragment.append(line);
    }
  }
  b.g.replaceChildren(fragment);
}

/** The point where an arc meets a span: the middle of the top of its label. */
function anchorIn(b, spanKey) {
  const p = b.pieceOf.get(spanKey);
  if (!p || !p.rows || p.rows.length === 0) return null;
  const r = p.rows[0];
  return { x: (r.left + r.right) / 2, y: labelTop(r.top, p.level), row: r.top };
}

/** Above the labels of that row only: each row is as tall as its own labels and arcs (rows.js). */
function arcY(b, rowTop, level) {
  return rowTop - TEXT_GAP - rowAtTop(b, rowTop).spans * LABEL_H - ARC_GAP - level * ARC_H - ARC_H / 2 + 3;
}

function before(p, q) {
  return p.row < q.row - 1 || (Math.abs(p.row - q.row) < 1 && p.x <= q.x);
}

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
