// The two menus that end in a new annotation: the entity type for selected text, and the relation type for a
// pair of spans. Mouse and keyboard open the same menus.

import { openMenu } from './menu.js';
import { safeColor } from './schema.js';

/**
 * The selected text as document offsets (UTF-16), snapped to words unless "Exact characters": the keyboard
 * caret's selection, else the browser's.
 */
export function selectionOffsets(ws) {
  const exact = document.getElementById('ws-exact').checked;
  const keyboard = ws.caret.range;
  if (keyboard) {
    const snapped = exact ? ws.doc.trim(keyboard.start, keyboard.end) : ws.doc.snapToWords(keyboard.start, keyboard.end);
    return snapped && { ...snapped, rect: keyboard.rect };
  }
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  const s = ws.view.offsetOf(r.startContainer, r.startOffset);
  const e = ws.view.offsetOf(r.endContainer, r.endOffset);
  if (s < 0 || e < 0 || e <= s) return null;
  const snapped = exact ? ws.doc.trim(s, e) : ws.doc.snapToWords(s, e);
  if (!snapped) return null;
  return { ...snapped, rect: r.getBoundingClientRect() };
}

export function openLabelMenu(ws, range) {
  const { view, doc, wrap, docEl } = ws;
  const box = wrap.getBoundingClientRect();
  view.showPending(range.start, range.end);
  openMenu(wrap, {
    x: range.rect.left - box.left,
    y: range.rect.bottom - box.top + 4,
    title: `Label “${doc.text.slice(range.start, range.end).slice(0, 40)}”`,
    filterLabel: 'Filter entity types',
    empty: 'No entity type matches.',
    items: ws.schema.entityTypes.map((t) => ({ name: t.name, color: safeColor(t.color), hotkey: t.hotkey, value: t.name })),
    onPick: (label) => ws.act.addSpan(range.start, range.end, label),
    onClose: () => {
      view.clearPending();
      window.getSelection()?.removeAllRanges();
      docEl.focus({ preventScroll: true });
    },
  });
}

export function openRelationMenu(ws, head, tail) {
  const { schema, store, wrap, docEl } = ws;
  const choices = schema.relationTypesFor(head.label, tail.label);
  const target = ws.view.firstElementOf(tail.key) || docEl;
  const rect = target.getBoundingClientRect();
  const box = wrap.getBoundingClientRect();
  const names = choices.map((c) => c.type.name);
  openMenu(wrap, {
    x: rect.left - box.left,
    y: rect.bottom - box.top + 4,
    title: `Relation ${store.text(head).slice(0, 20)} – ${store.text(tail).slice(0, 20)}`,
    filterLabel: 'Filter relation types',
    empty: `No relation type allows ${head.label} and ${tail.label}.`,
    items: choices.map((c) => {
      const [h, t] = c.reversed ? [tail, head] : [head, tail];
      const twice = names.filter((n) => n === c.type.name).length > 1;
      return {
        name: twice ? `${c.type.name} (${store.text(h)} ${schema.arrow(c.type.name)} ${store.text(t)})` : c.type.name,
        hint: twice ? '' : `${store.text(h).slice(0, 16)} ${schema.arrow(c.type.name)} ${store.text(t).slice(0, 16)}`,
        color: c.type.color, hotkey: c.type.hotkey, value: { h, t, label: c.type.name },
      };
    }),
    onPick: (v) => ws.act.addRelation(v.h, v.t, v.label),
    onClose: () => docEl.focus({ preventScroll: true }),
  });
}
