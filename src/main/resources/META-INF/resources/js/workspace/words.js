// Word boundaries, one table for snapping a selection and for the keyboard caret. The text is cut into tokens
// the way common tokenisers cut it:
//
//   word        letters, digits, marks and _ in any script, joined by an inner - ' ’ or . ("Kim Jong-un",
//               "don't", "U.S", "3.5"): "كوريا" is one word, and a part of it snaps to all of it
//   clitic      ’s or 's at the end of a word is a token of its own: "Korea’s" is "Korea" + "’s"
//   other       every other character that is not white space is a token of its own: . , ; : ! ? ( ) “ ” " ’ …
//
// A snapped selection is every token it touches, without the punctuation ( ) [ ] « » “ ” ‘ ’ " ' . , ; : ! ? at
// either end and without a clitic at the end (unless nothing else is left): dragging over "North Korea’s",
// "(China)." or ", Russia" gives "North Korea", "China" and "Russia". Offsets here are UTF-16 units, as the DOM counts.

const CORE = /[\p{L}\p{N}\p{M}_]/u;
const INNER = /^['’\-.]$/;
const SPACE = /\s/u;
const CLITIC = /^['’][sS]$/;
// Punctuation a snapped selection drops at either end.
const EDGE = new Set(['(', '“', '"', '‘', "'", '[', '«', '.', ',', ';', ':', '!', '?', ')', '”', '’', ']', '»']);

function charAt(t, i) {
  return String.fromCodePoint(t.codePointAt(i));
}

/** The tokens of {@code text} as a flat array [start0, end0, start1, end1, …] in UTF-16 units. */
export function tokenize(text) {
  const out = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = charAt(text, i);
    if (SPACE.test(c)) {
      i += c.length;
    } else if (!CORE.test(c)) {
      out.push(i, i + c.length);
      i += c.length;
    } else {
      let j = i;
      for (;;) {
        while (j < n && CORE.test(charAt(text, j))) j += charAt(text, j).length;
        if (j + 1 < n && INNER.test(text[j]) && CORE.test(charAt(text, j + 1))) {
          j += 1;
        } else {
          break;
        }
      }
      if (j - i > 2 && CLITIC.test(text.slice(j - 2, j))) {
        out.push(i, j - 2, j - 2, j);
      } else {
        out.push(i, j);
      }
      i = j;
    }
  }
  return Int32Array.from(out);
}

/** The tokens of one text, with the questions the workspace asks of them. */
export class Words {
  constructor(text) {
    this.text = text;
    this.t = tokenize(text);
    this.count = this.t.length / 2;
  }

  start(k) { return this.t[2 * k]; }

  end(k) { return this.t[2 * k + 1]; }

  /** Index of the first token that ends after {@code pos} (count if none). */
  firstEndingAfter(pos) {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.end(mid) > pos) hi = mid; else lo = mid + 1;
    }
    return lo;
  }

  /** [start, end) widened to the tokens it touches, edge punctuation and clitics dropped; null if only space. */
  snap(start, end) {
    let first = this.firstEndingAfter(start);
    let last = this.firstEndingAfter(end - 1);
    if (last >= this.count || this.start(last) >= end) last -= 1;
    if (first >= this.count || first > last) return null;
    while (first < last && this.isLeading(first)) first++;
    while (last > first && this.isTrailing(last)) last--;
    return { start: this.start(first), end: this.end(last) };
  }

  isLeading(k) {
    return EDGE.has(this.text.slice(this.start(k), this.end(k)));
  }

  isTrailing(k) {
    const token = this.text.slice(this.start(k), this.end(k));
    return EDGE.has(token) || CLITIC.test(token);
  }

  /** Where the caret goes from {@code pos} one word to the right: the end of the next token. */
  next(pos) {
    const k = this.firstEndingAfter(pos);
    return k < this.count ? this.end(k) : pos;
  }

  /** One word to the left: the start of the token before {@code pos}. */
  previous(pos) {
    const k = this.firstEndingAfter(pos - 1);
    // k is the token holding pos-1 or the first after it; step back while it does not start before pos.
    let j = Math.min(k, this.count - 1);
    while (j >= 0 && this.start(j) >= pos) j--;
    return j >= 0 ? this.start(j) : pos;
  }
}
