// The document text and its two ways of counting: the API counts Unicode code points, the DOM counts UTF-16
// units. Both maps are built once per document, so every conversion afterwards is one array read; a text without
// surrogate pairs (most texts) counts the same both ways and needs no map.

import { Words } from './words.js';

export class DocumentText {
  constructor(text) {
    this.text = text;
    const n = text.length;
    this.lines = splitLines(text);
    if (!SURROGATE_PAIR.test(text)) {
      this.length = n;
      this.u16ToCp = null;
      this.cpToU16 = null;
      return;
    }
    this.u16ToCp = new Int32Array(n + 1);
    let cp = 0;
    for (let i = 0; i < n; i++) {
      this.u16ToCp[i] = cp;
      const c = text.charCodeAt(i);
      // A high surrogate followed by a low one is one code point: both units map to it.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.u16ToCp[i + 1] = cp;
          i++;
        }
      }
      cp++;
    }
    this.u16ToCp[n] = cp;
    this.length = cp;
    this.cpToU16 = new Int32Array(cp + 1);
    for (let i = n; i >= 0; i--) {
      this.cpToU16[this.u16ToCp[i]] = i;
    }
  }

  /** Code point offset → UTF-16 offset. */
  u16(cp) {
    const at = Math.max(0, Math.min(cp, this.length));
    return this.cpToU16 ? this.cpToU16[at] : at;
  }

  /** UTF-16 offset → code point offset (a position inside a surrogate pair counts as its start). */
  cp(u16) {
    const at = Math.max(0, Math.min(u16, this.text.length));
    return this.u16ToCp ? this.u16ToCp[at] : at;
  }

  /** Index of the line holding UTF-16 offset {@code u16} (binary search). */
  lineAt(u16) {
    const lines = this.lines;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= u16) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * Widens [start, end) (UTF-16) to whole words, as a reader means a selection: the tokens it touches, without
   * surrounding space, edge punctuation or a trailing clitic (see words.js). Null when nothing but space is left.
   */
  snapToWords(start, end) {
    const trimmed = this.trim(start, end);
    return trimmed && this.words().snap(trimmed.start, trimmed.end);
  }

  /** The document's tokens, cut once when first needed: snapping and the keyboard caret share them. */
  words() {
    if (!this.tokens) this.tokens = new Words(this.text);
    return this.tokens;
  }

  /** Trims only white space at both ends: the "exact characters" mode. */
  trim(start, end) {
    const t = this.text;
    while (start < end && isSpace(t, start)) start++;
    while (end > start && isSpace(t, end - 1)) end--;
    return start >= end ? null : { start, end };
  }
}

function splitLines(text) {
  const lines = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const stop = nl < 0 ? text.length : nl;
    // A CR before the LF is not shown; it still counts in the offsets around it.
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    lines.push({ start, end });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

const SPACE = /\s/u;
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

function isSpace(t, i) {
  return SPACE.test(t[i]);
}
