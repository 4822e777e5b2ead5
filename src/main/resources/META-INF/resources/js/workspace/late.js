// Blocks far from the screen are drawn late (view.js): opening a long document costs what one screen costs, and a
// long document never carries more marks and arcs than the screens around the one being read. This module keeps
// the blocks not drawn; fits, when the browser is idle, the rows of those not fitted yet (each row as tall as its
// labels and arcs will need, so the document has its final height without drawing them); draws the blocks that come
// near the screen after a scroll and lets go of those left far behind; draws a span or relation that is jumped to
// with its surroundings; and keeps the screen still while blocks above it grow.

const BATCH = 32; // blocks fitted per layout read: larger batches take fewer layouts, smaller ones answer keys sooner
const KEEP = 3; // screens beyond the drawn part's edges before a drawn block lets go of its marks and arcs

export class LateDrawing {
  /** view: the DocumentView whose blocks are drawn here (its render, fit, readTops and viewport). */
  constructor(view) {
    this.view = view;
    this.pending = new Set(); // blocks whose marks and arcs are not drawn
    this.unfitted = new Set(); // of those, blocks whose rows may not have their final height yet
  }

  /** Leaves the block for later: its old marks and arcs go now, its rows are fitted again. */
  hold(b) {
    this.pending.add(b);
    this.unfitted.add(b);
    b.ov.replaceChildren();
    b.g.replaceChildren();
  }

  drawn(b) {
    this.pending.delete(b);
    this.unfitted.delete(b);
  }

  fitted(b) {
    this.unfitted.delete(b);
  }

  /** A drawn block far from the screen lets go of its marks and arcs; its rows keep their height. */
  release(b) {
    this.pending.add(b);
    b.ov.replaceChildren();
    b.g.replaceChildren();
  }

  /** Measures, then draws, blocks that were left for later. */
  drawNow(list) {
    if (list.length === 0) return;
    const anchor = this.anchor();
    this.view.render(list);
    this.keep(anchor);
    this.view.emphasis.refresh();
    this.markComplete();
  }

  /** Fits the rows of blocks that are not drawn, without drawing them. */
  fitNow(list) {
    const anchor = this.anchor();
    this.view.fit(list);
    this.keep(anchor);
    this.markComplete();
  }

  /** Every block has its final height: the document is laid out as it will stay. */
  markComplete() {
    if (this.unfitted.size === 0 && !this.completed) {
      this.completed = true;
      performance.mark('relata-workspace-complete');
    }
  }

  /** Draws the blocks near the viewport after a scroll, and fits the rest when the browser is idle. */
  schedule() {
    this.watchScroll();
    if (this.unfitted.size === 0) {
      this.markComplete();
      return;
    }
    this.completed = false;
    if (this.idleQueued) return;
    this.idleQueued = true;
    const idle = window.requestIdleCallback || ((f) => setTimeout(() => f({ timeRemaining: () => 8 }), 1));
    idle((deadline) => {
      this.idleQueued = false;
      const [from] = this.view.viewport();
      const order = [...this.unfitted].sort((a, b) => Math.abs(a.top - from) - Math.abs(b.top - from));
      // Batches, so that a key press never waits long behind fitting.
      let n = 0;
      do {
        this.fitNow(order.slice(n, n + BATCH));
        n += BATCH;
      } while (n < order.length && deadline.timeRemaining() > 4);
      this.schedule();
    }, { timeout: 300 });
  }

  watchScroll() {
    if (this.scrollHook) return;
    this.scrollHook = () => {
      if (this.scrollQueued) return;
      this.scrollQueued = true;
      requestAnimationFrame(() => {
        this.scrollQueued = false;
        const [from, to] = this.view.viewport();
        this.drawNow([...this.pending].filter((b) => b.top + b.height >= from && b.top <= to));
        this.releaseFar(from, to);
      });
    };
    window.addEventListener('scroll', this.scrollHook, { passive: true });
  }

  /** Drawn blocks more than KEEP screens beyond [from, to] let go of their marks and arcs. */
  releaseFar(from, to) {
    const margin = KEEP * (window.innerHeight || 900);
    for (const b of this.view.blocks) {
      if (!this.pending.has(b) && (b.top + b.height < from - margin || b.top > to + margin)) this.release(b);
    }
  }

  /**
   * The block at the top of the screen and its top, from the last layout read (y: the screen's top in the
   * document's coordinates). Drawing blocks above the screen would otherwise push what one reads, or just jumped
   * to, out of sight.
   */
  anchor(y = this.view.screenTop()) {
    const b = this.view.blocks.find((x) => x.top + x.height > y);
    return b ? { b, top: b.top } : null;
  }

  /**
   * Scrolls back by what the anchor block moved. Its new top comes from the render's own layout read (a render
   * whose heights changed reads every block's top): asking the layout again here would force a second one.
   */
  keep(anchor) {
    if (!anchor) return;
    const moved = anchor.b.top - anchor.top;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  }

  /**
   * Draws a span or relation, with the blocks a screen around it, then scrolls it into sight. Drawn blocks grow,
   * so what lies between the screen's edge and the annotation is drawn before the scroll, not after it (which
   * would push the annotation out of sight again); blocks drawn later above the screen are made up for by
   * anchor().
   */
  reveal(key) {
    const { view } = this;
    const span = view.store.spans.get(key);
    const rel = view.store.relations.get(key);
    const own = span ? view.blocksOf(span) : rel ? view.blocksOfRelation(rel) : [];
    if (own.length === 0) return null;
    const h = window.innerHeight || 900;
    const at = own[0].top;
    this.drawNow([...this.pending].filter((b) => own.includes(b) || (b.top + b.height >= at - h && b.top <= at + h)));
    const el = view.firstElementOf(key);
    el?.scrollIntoView({ block: 'nearest' });
    return el;
  }
}
