// The mouse in the document: select text to label it (with Alt: as another piece of the selected span), click a
// span or an arc to select it, Shift+click or drag from label to label to relate two spans, hover to emphasise a span with its relations. Input only: every edit
// goes through the actions, every drawing through the view.

import { menuOpen } from './menu.js';
import { selectionOffsets, openLabelMenu, openRelationMenu } from './pickers.js';

export function installPointer(ws) {
  const { docEl, store, view, editable, act } = ws;

  /** A click on a span: select it, or with Shift and another span selected, relate the two. */
  function clickSpan(key, shift) {
    const span = store.spans.get(key);
    const from = ws.selected && store.spans.get(ws.selected);
    if (shift && editable && from && from !== span) {
      openRelationMenu(ws, from, span);
    } else {
      act.select(key);
    }
  }

  // A press on a label or an arc, or a Shift+press on a span's text while a span is selected, picks annotations:
  // it must not start or extend a text selection.
  docEl.addEventListener('mousedown', (e) => {
    if (e.button !== 0) return;
    const onAnnotation = e.target.closest('.ws-lb, .ws-rel');
    const relating = e.shiftKey && ws.selected && store.spans.has(ws.selected) && spanUnder(e);
    if (onAnnotation || relating) {
      e.preventDefault();
      docEl.focus({ preventScroll: true });
    }
    const label = e.target.closest('.ws-lb');
    if (label && editable) startDrag(label.parentElement.dataset.k, e);
  });

  // Dragging from one span's label to another's makes a relation between them, as Shift+click does.
  let dragged = false;
  function startDrag(fromKey, down) {
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    line.setAttribute('class', 'ws-drag');
    const box = () => docEl.getBoundingClientRect();
    const x0 = down.clientX - box().left;
    const y0 = down.clientY - box().top;
    let moving = false;
    const move = (e) => {
      if (!moving && Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < 6) return;
      if (!moving) {
        moving = true;
        view.svg.append(line);
      }
      const b = box();
      line.setAttribute('x1', x0);
      line.setAttribute('y1', y0);
      line.setAttribute('x2', e.clientX - b.left);
      line.setAttribute('y2', e.clientY - b.top);
    };
    const up = (e) => {
      document.removeEventListener('mousemove', move);
      document.removeEventListener('mouseup', up, true);
      line.remove();
      if (!moving) return;
      dragged = true; // the click that follows this mouseup is part of the drag
      setTimeout(() => { dragged = false; }, 0);
      const target = e.target.closest && e.target.closest('.ws-lb');
      const from = store.spans.get(fromKey);
      const to = target && store.spans.get(target.parentElement.dataset.k);
      if (from && to && from !== to) {
        act.select(from.key);
        openRelationMenu(ws, from, to);
      }
    };
    document.addEventListener('mousemove', move);
    document.addEventListener('mouseup', up, true);
  }

  function spanUnder(e) {
    const pos = caretAt(e.clientX, e.clientY);
    const at = pos ? view.offsetOf(pos.node, pos.offset) : -1;
    return at >= 0 ? view.spanAt(at) : null;
  }

  docEl.addEventListener('mouseup', (e) => {
    if (!editable || e.button !== 0 || menuOpen() || e.target.closest('.ws-lb, .ws-rel')) return;
    const range = selectionOffsets(ws);
    if (!range) return;
    // Alt while selecting adds the text as another piece of the selected span (a discontinuous span).
    const selectedSpan = e.altKey && ws.selected && store.spans.get(ws.selected);
    if (selectedSpan) {
      if (act.addPiece(selectedSpan, range.start, range.end)) window.getSelection()?.removeAllRanges();
      return;
    }
    openLabelMenu(ws, range);
  });

  docEl.addEventListener('click', (e) => {
    if (menuOpen() || dragged) return;
    const label = e.target.closest('.ws-lb');
    if (label) {
      clickSpan(label.parentElement.dataset.k, e.shiftKey);
      return;
    }
    const arc = e.target.closest('.ws-rel');
    if (arc) {
      act.select(arc.dataset.k);
      return;
    }
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const span = spanUnder(e);
    if (span) clickSpan(span.key, e.shiftKey);
    else act.select(null);
  });

  docEl.addEventListener('mouseover', (e) => {
    const el = e.target.closest('.ws-sp, .ws-rel');
    const key = el ? el.dataset.k : null;
    if (key !== view.hovered) {
      view.hovered = key;
      view.hover(key);
    }
  });
  docEl.addEventListener('mouseleave', () => {
    view.hovered = null;
    view.hover(null);
  });
}

/** The text position under a point, in either browser's API. */
function caretAt(x, y) {
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}
