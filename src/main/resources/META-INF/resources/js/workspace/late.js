// Blocks far from the screen are drawn late (view.js): opening a long document costs what one screen costs. This
// module keeps the blocks not drawn yet, draws those that come near the screen after a scroll and the rest when the
// browser is idle, draws a span or relation that is jumped to with its surroundings, and keeps the screen still
// while blocks above it grow (a drawn block's rows make room for its labels and arcs).

export class LateDrawing {
  /** view: the DocumentView whose blocks are drawn here (its render, readTops and viewport). */
  constructor(view) {
    this.view = view;
    this.pending = new Set(); // blocks whose marks and arcs are not drawn yet
  }

  /** Leaves the block for later: its old marks and arcs go now. */
  hold(b) {
    this.pending.add(b);
    b.ov.replaceChildren();
    b.g.replaceChildren();
  }

  drawn(b) {
    this.pending.delete(b);
  }

  /** Measures, then draws, blocks that were left for later. */
  drawNow(list) {
    if (list.length === 0) return;
    const anchor = this.anchor();
    this.view.render(list);
    this.keep(anchor);
    this.view.emphasis.refresh();
    if (this.pending.size === 0) performance.mark('relata-workspace-complete');
  }

  /** Draws the blocks near the viewport after a scroll, and the rest when the browser is idle. */
  schedule() {
    if (this.pending.size === 0) {
      performance.mark('relata-workspace-complete');
      return;
    }
    if (!this.scrollHook) {
      this.scrollHook = () => {
        if (this.scrollQueued) return;
        this.scrollQueued = true;
        requestAnimationFrame(() => {
          this.scrollQueued = false;
          const [from, to] = this.view.viewport();
          this.drawNow([...this.pending].filter((b) => b.top + b.height >= from && b.top <= to));
        });
      };
      window.addEventListener('scroll', this.scrollHook, { passive: true });
    }
    if (this.idleQueued) return;
    this.idleQueued = true;
    const idle = window.requestIdleCallback || ((f) => setTimeout(() => f({ timeRemaining: () => 8 }), 1));
    idle((deadline) => {
      this.idleQueued = false;
      const [from] = this.view.viewport();
      const pending = [...this.pending].sort((a, b) => Math.abs(a.top - from) - Math.abs(b.top - from));
      // Small batches, so that a key press never waits long behind drawing.
      let n = 0;
      while (n < pending.length && deadline.timeRemaining() > 4) {
        this.drawNow(pending.slice(n, n + 8));
        n += 8;
      }
      this.schedule();
    }, { timeout: 300 });
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
