// The workspace's keys, one table (WORKSPACE_KEYS) that both binds them and feeds the shortcut help: undo and
// redo, the keyboard caret (arrows word by word, Shift+arrows select), Tab between spans once the text has focus,
// Enter to label selected text or to relate two spans, Delete, and a type's key to label or relabel. Text fields
// and open menus keep their own keys.

import { menuOpen } from './menu.js';
import { selectionOffsets, openLabelMenu, openRelationMenu } from './pickers.js';
import { dispatch } from './shortcuts.js';

// Where a key is pressed, from the widest place to the narrowest: any control but a text field; the page; the
// page or the text; the text only. A binding works in its place and every narrower one.
const PLACES = ['control', 'page', 'doc', 'text'];

/** The workspace's keys. `where` is the widest place a key works in; the help lists `does` as written. */
export const WORKSPACE_KEYS = [
  { keys: ['Control+z'], where: 'control', does: 'Undo', run: (k) => k.ws.act.undo() },
  { keys: ['Control+Shift+z', 'Control+y'], where: 'control', does: 'Redo', run: (k) => k.ws.act.redo() },
  { keys: ['?'], where: 'page', does: 'Show this list of keys', run: (k) => k.ws.help.open() },
  { keys: ['Escape'], where: 'page', does: 'Cancel: unselect, drop selected text, stop a relation', run: cancel },
  { keys: ['Tab', 'Shift+Tab'], where: 'text',
    does: 'Next or previous span, once the text has focus (from the toolbar, Tab first reaches the text)',
    run: (k, e) => stepSpans(k.ws, e.shiftKey) },
  { keys: ['ArrowRight', 'ArrowLeft'], where: 'text', does: 'Move the caret in the text one word',
    run: (k, e) => moveCaret(k.ws, e.key === 'ArrowLeft', false) },
  { keys: ['Shift+ArrowRight', 'Shift+ArrowLeft'], where: 'text', does: 'Select text word by word',
    run: (k, e) => moveCaret(k.ws, e.key === 'ArrowLeft', true) },
  { keys: ['Enter'], where: 'doc',
    does: 'Label the selected text (opens the menu); on a span: start a relation, on the second span: pick its type',
    run: enter },
  { keys: ['Delete', 'Backspace'], where: 'doc', does: 'Delete the selected span or relation', run: remove },
  { keys: ['Letter'], where: 'doc', does: 'Label the selected text, or relabel the selected span or relation',
    run: typeKey },
];

export function installKeys(ws) {
  const { docEl } = ws;
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const typing = t instanceof HTMLTextAreaElement
      || (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(t.type));
    if (typing || menuOpen() || (t instanceof Element && t.closest('dialog'))) return;
    const control = t instanceof HTMLSelectElement || t instanceof HTMLInputElement;
    const place = control ? 'control' : t === docEl || docEl.contains(t) ? 'text' : t === document.body ? 'doc' : 'page';
    const here = PLACES.indexOf(place);
    const table = WORKSPACE_KEYS.filter((b) => PLACES.indexOf(b.where) <= here);
    dispatch(table, e, { ws });
  });
}

function cancel({ ws }) {
  ws.relateFrom = null;
  ws.act.select(null);
  ws.caret.collapse(ws.caret.focus);
  window.getSelection()?.removeAllRanges();
}

/** Tab / Shift+Tab: the next or previous span in reading order; false at either end, so focus can leave. */
function stepSpans(ws, back) {
  const spans = ws.store.ordered();
  if (spans.length === 0) return false;
  const current = ws.selected && ws.store.spans.get(ws.selected);
  let i;
  if (!current) {
    i = back ? spans.length - 1 : 0;
  } else {
    i = spans.indexOf(current) + (back ? -1 : 1);
    if (i < 0 || i >= spans.length) return false;
  }
  ws.act.select(spans[i].key, true);
  return true;
}

/** Arrows leave a selected annotation: from a span the caret starts at the edge it leaves by. */
function moveCaret(ws, back, extend) {
  const span = ws.selected && ws.store.spans.get(ws.selected);
  if (ws.selected) ws.act.select(null);
  if (span) ws.caret.collapse(back ? span.s16 : span.e16);
  window.getSelection()?.removeAllRanges();
  ws.caret.move(back, extend);
}

function enter({ ws }) {
  const { store, editable } = ws;
  if (!editable) return false;
  const span = ws.selected && store.spans.get(ws.selected);
  if (!span) {
    const range = selectionOffsets(ws);
    if (!range) return false;
    openLabelMenu(ws, range);
    return true;
  }
  // Enter on a span starts a relation from it; Tab to the other span, Enter again opens the relation menu.
  const from = ws.relateFrom;
  if (from && from !== span && store.spans.has(from.key)) {
    ws.relateFrom = null;
    openRelationMenu(ws, from, span);
  } else {
    ws.relateFrom = span;
    ws.say(`Relation from ${ws.quote(span)}: move to the other span with Tab and press Enter (Esc cancels).`);
  }
  return true;
}

function remove({ ws }) {
  const span = ws.selected && ws.store.spans.get(ws.selected);
  const rel = ws.selected && ws.store.relations.get(ws.selected);
  if (!ws.editable || !(span || rel)) return false;
  if (span) ws.act.deleteSpan(span);
  else ws.act.deleteRelation(rel);
  return true;
}

function typeKey({ ws }, e) {
  const { store, schema, act } = ws;
  if (!ws.editable) return false;
  const span = ws.selected && store.spans.get(ws.selected);
  const rel = ws.selected && store.relations.get(ws.selected);
  const range = selectionOffsets(ws);
  const type = schema.entityTypes.find((x) => x.hotkey && x.hotkey === e.key);
  if (range && type) {
    act.addSpan(range.start, range.end, type.name);
    window.getSelection()?.removeAllRanges();
    return true;
  }
  if (span && type) {
    act.relabelSpan(span, type.name);
    return true;
  }
  if (rel) {
    const rtype = schema.relationTypes.find((x) => x.hotkey && x.hotkey === e.key);
    const h = store.spans.get(rel.head);
    const tl = store.spans.get(rel.tail);
    if (rtype && schema.relationTypesFor(h.label, tl.label).some((c) => c.type.name === rtype.name && !c.reversed)) {
      act.relabelRelation(rel, rtype.name);
      return true;
    }
  }
  return false;
}
