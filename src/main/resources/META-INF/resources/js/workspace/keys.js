// The keyboard: undo and redo, Tab and the arrows between spans, Enter to relate two spans, Delete, and a type's
// hotkey to label selected text or relabel the selected annotation. Text fields and open menus keep their keys.

import { menuOpen } from './menu.js';
import { selectionOffsets, openRelationMenu } from './pickers.js';

export function installKeys(ws) {
  const { docEl, store, schema, history, editable, act, say, quote } = ws;

  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const typing = t instanceof HTMLTextAreaElement
      || (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(t.type));
    if (typing || menuOpen()) return; // text fields keep their own keys, Ctrl+Z included
    const ctrl = e.ctrlKey || e.metaKey;
    const inForm = t instanceof HTMLSelectElement || t instanceof HTMLInputElement;
    if (inForm && !(ctrl && /^[zZy]$/.test(e.key))) return;
    if (ctrl && (e.key === 'z' || e.key === 'Z')) {
      e.preventDefault();
      if (!editable) return;
      const entry = e.shiftKey ? history.redo() : history.undo();
      act.dropStaleSelection();
      say(entry ? (e.shiftKey ? 'Redone.' : 'Undone.') : (e.shiftKey ? 'Nothing to redo.' : 'Nothing to undo.'));
      return;
    }
    if (ctrl && e.key === 'y') {
      e.preventDefault();
      if (editable && history.redo()) say('Redone.');
      return;
    }
    if (ctrl || e.altKey) return;
    if (e.key === 'Escape') {
      ws.relateFrom = null;
      act.select(null);
      window.getSelection()?.removeAllRanges();
      return;
    }
    const inDoc = t === docEl || docEl.contains(t) || t === document.body;
    if (!inDoc) return;
    const selected = ws.selected;
    if (e.key === 'Tab' || ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && selected)) {
      const back = e.key === 'Tab' ? e.shiftKey : e.key === 'ArrowLeft';
      if (moveSelection(back)) e.preventDefault();
      return;
    }
    const span = selected && store.spans.get(selected);
    const rel = selected && store.relations.get(selected);
    // Enter on a span starts a relation from it; Tab to the other span, Enter again opens the relation menu.
    if (e.key === 'Enter' && span && editable) {
      e.preventDefault();
      const from = ws.relateFrom;
      if (from && from !== span && store.spans.has(from.key)) {
        ws.relateFrom = null;
        openRelationMenu(ws, from, span);
      } else {
        ws.relateFrom = span;
        say(`Relation from ${quote(span)}: move to the other span with Tab and press Enter (Esc cancels).`);
      }
      return;
    }
    if ((e.key === 'Delete' || e.key === 'Backspace') && editable && (span || rel)) {
      e.preventDefault();
      if (span) act.deleteSpan(span);
      else act.deleteRelation(rel);
      return;
    }
    if (e.key.length !== 1 || !editable) return;
    const range = selectionOffsets(ws);
    const type = schema.entityTypes.find((x) => x.hotkey && x.hotkey === e.key);
    if (range && type) {
      e.preventDefault();
      act.addSpan(range.start, range.end, type.name);
      window.getSelection()?.removeAllRanges();
    } else if (span && type) {
      e.preventDefault();
      act.relabelSpan(span, type.name);
    } else if (rel) {
      const rtype = schema.relationTypes.find((x) => x.hotkey && x.hotkey === e.key);
      const h = store.spans.get(rel.head);
      const tl = store.spans.get(rel.tail);
      if (rtype && schema.relationTypesFor(h.label, tl.label).some((c) => c.type.name === rtype.name && !c.reversed)) {
        e.preventDefault();
        act.relabelRelation(rel, rtype.name);
      }
    }
  });

  /** Tab / Shift+Tab: the next or previous span in reading order; false at either end, so focus can leave. */
  function moveSelection(back) {
    const spans = store.ordered();
    if (spans.length === 0) return false;
    const current = ws.selected && store.spans.get(ws.selected);
    let i;
    if (!current) {
      i = back ? spans.length - 1 : 0;
    } else {
      i = spans.indexOf(current) + (back ? -1 : 1);
      if (i < 0 || i >= spans.length) return false;
    }
    act.select(spans[i].key, true);
    return true;
  }
}
