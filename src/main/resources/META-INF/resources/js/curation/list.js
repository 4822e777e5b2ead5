// The side list of every annotation, drawn virtually: a document has thousands of them, and a list item per
// annotation costs seconds of style and layout (and of tearing the page down again). The list is its own scroll box
// with rows of one fixed height; only the rows in sight, and a few more above and below, exist as elements. The
// scroll height is the full list's, so the scroll bar tells where one is.

export const ROW = 44; // px; the same as --cur-row in curation.css
const MARGIN = 8; // rows drawn beyond each edge, so that a short scroll shows no gap

export class VirtualList {
  /** list: the (empty) ol to fill. row(i): a new li for entry i. */
  constructor(list, row) {
    this.list = list;
    this.row = row;
    this.count = 0;
    this.shown = new Map(); // index → li
    this.queued = false;
    list.classList.add('cur-virtual');
    list.addEventListener('scroll', () => {
      if (this.queued) return;
      this.queued = true;
      requestAnimationFrame(() => {
        this.queued = false;
        this.draw();
      });
    }, { passive: true });
  }

  /** A new list of count entries: every row is made again (their texts and states may have changed). */
  reset(count) {
    this.count = count;
    this.list.style.setProperty('--cur-rows', String(count));
    for (const li of this.shown.values()) li.remove();
    this.shown.clear();
    this.draw();
  }

  /** Makes the rows in sight exist, and only those. */
  draw() {
    const top = this.list.scrollTop;
    const height = this.list.clientHeight || ROW * 12;
    const first = Math.max(0, Math.floor(top / ROW) - MARGIN);
    const last = Math.min(this.count - 1, Math.ceil((top + height) / ROW) + MARGIN);
    for (const [i, li] of this.shown) {
      if (i < first || i > last) {
        li.remove();
        this.shown.delete(i);
      }
    }
    for (let i = first; i <= last; i++) {
      if (this.shown.has(i)) continue;
      const li = this.row(i);
      li.style.top = i * ROW + 'px';
      // A screen reader still hears where in the whole list an item stands.
      li.setAttribute('aria-setsize', String(this.count));
      li.setAttribute('aria-posinset', String(i + 1));
      this.shown.set(i, li);
      this.list.append(li);
    }
  }

  /** Scrolls the list (only the list) so that row i is in sight, and draws it. */
  reveal(i) {
    if (i < 0 || i >= this.count) return;
    const top = this.list.scrollTop;
    const height = this.list.clientHeight;
    if (i * ROW < top || (i + 1) * ROW > top + height) {
      this.list.scrollTop = Math.max(0, i * ROW - (height - ROW) / 2);
    }
    this.draw();
  }

  /** The li of entry i, if drawn. */
  rowOf(i) {
    return this.shown.get(i);
  }
}
