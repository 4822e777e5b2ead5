// Each visual row of a block gets only the height its own span labels and arcs need (issue 20, item 6): a row of
// plain text stays as tall as plain text, even when another row of the same paragraph carries three levels of arcs.
//
// How: every block has the plain line height. A row that needs room above its text gets a "strut", an empty inline
// <span> raised with vertical-align, which makes that row's line box taller and nothing else. An empty inline adds
// no break opportunity, so the text wraps exactly as before. The block's text is therefore a few text nodes with
// struts between them; pointIn and offsetIn map between block offsets and DOM positions.

/**
 * Rows of the block from its measured pieces (p.rows) and stacked arcs: [{top, spans, arcs, at}] where spans and
 * arcs are the levels of labels and arcs the row carries and `at` a block offset inside the row for its strut.
 */
export function rowsOfBlock(b, text) {
  const rows = [];
  const rowAt = (top) => {
    let row = rows.find((r) => Math.abs(r.top - top) < 2);
    if (!row) {
      row = { top, spans: 0, arcs: 0, at: -1 };
      rows.push(row);
    }
    return row;
  };
  for (const p of b.pieces) {
    (p.rows || []).forEach((r, n) => {
      const row = rowAt(r.top);
      row.spans = Math.max(row.spans, p.level + 1);
      if (row.at < 0 && n === 0) row.at = afterFirst(text, b.start, p.a, p.b);
    });
  }
  for (const arc of b.arcs) {
    for (const key of [arc.rel.head, arc.rel.tail]) {
      const p = b.pieceOf.get(key);
      if (p?.rows?.length) rowAt(p.rows[0].top).arcs = Math.max(rowAt(p.rows[0].top).arcs, arc.level + 1);
    }
  }
  // A row that holds only the continuation of a longer span: its first offset is searched for.
  for (const row of rows) {
    if (row.at < 0) row.at = firstOffsetOnRow(b, text, row.top);
  }
  rows.sort((x, y) => x.top - y.top);
  return rows;
}

/** The row of the block whose text starts at `top`, as rowsOfBlock found it. */
export function rowAtTop(b, top) {
  return (b.rows || []).find((r) => Math.abs(r.top - top) < 2) || { spans: 0, arcs: 0 };
}

/** Sets the block's struts: [{at, raise}] (block offsets, pixels). True when the layout changed. */
export function applyStruts(b, struts, text) {
  const key = struts.map((s) => s.at + ':' + s.raise).join(',');
  if (key === (b.strutKey || '')) return false;
  b.strutKey = key;
  const line = text.slice(b.start, b.end);
  const parts = [];
  let from = 0;
  for (const s of struts) {
    if (s.at <= from || s.at >= line.length) continue;
    parts.push(document.createTextNode(line.slice(from, s.at)));
    const strut = document.createElement('span');
    strut.className = 'ws-strut';
    strut.style.verticalAlign = s.raise + 'px';
    parts.push(strut);
    from = s.at;
  }
  // textContent only: the document is data, never markup.
  parts.push(document.createTextNode(line.slice(from)));
  b.tx.replaceChildren(...parts);
  return true;
}

/**
 * A block offset → [text node, offset in it], for ranges; null for an empty block. At a strut, a range's start
 * takes the next node (`start`), its end the previous one, so that the range holds no strut it need not.
 */
export function pointIn(b, offset, start = false) {
  let rest = offset;
  let last = null;
  for (const n of b.tx.childNodes) {
    if (n.nodeType !== Node.TEXT_NODE) continue;
    if (rest < n.length || (rest === n.length && !start)) return [n, rest];
    rest -= n.length;
    last = n;
  }
  return last ? [last, last.length] : null;
}

/** A DOM position inside the block's text → block offset. */
export function offsetIn(b, node, offset) {
  let at = 0;
  for (const n of b.tx.childNodes) {
    if (n === node) return at + (n.nodeType === Node.TEXT_NODE ? offset : 0);
    if (node === b.tx && offset-- === 0) return at;
    if (n.nodeType === Node.TEXT_NODE) at += n.length;
  }
  return at;
}

/** A range over the block offsets [a, e). */
export function setRange(range, b, a, e) {
  const s = pointIn(b, a, true);
  const t = pointIn(b, e);
  if (!s || !t) return false;
  range.setStart(s[0], s[1]);
  range.setEnd(t[0], t[1]);
  return true;
}

/** Just after the first character of [a, e): inside the row that holds a, never at a wrap point before it. */
function afterFirst(text, blockStart, a, e) {
  const code = text.charCodeAt(blockStart + a);
  const step = code >= 0xd800 && code < 0xdc00 ? 2 : 1;
  return Math.min(a + step, Math.max(e, a + step));
}

/** The first offset whose character is on the row at `top` (rows are contiguous runs of offsets). */
function firstOffsetOnRow(b, text, top) {
  const range = document.createRange();
  const box = b.el.getBoundingClientRect();
  let lo = 0;
  let hi = b.end - b.start;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    setRange(range, b, mid, mid + 1);
    const r = range.getBoundingClientRect();
    if (r.top - box.top < top - 2) lo = mid + 1;
    else hi = mid;
  }
  return afterFirst(text, b.start, lo, b.end - b.start);
}
