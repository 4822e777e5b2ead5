// What a user can do to the layer, each step undoable: select, add, delete, relabel, and change attributes and
// notes of spans and relations. The input modules (pointer, keys, panel, menus) call these and nothing else to edit.

/** The actions over the workspace's state `ws` (store, view, editor, history, panel, selection). */
export function createActions(ws) {
  const { doc, store, schema, editor, history } = ws;
  const { say, quote } = ws;

  const act = {
    select(key, scroll) {
      ws.selected = key && (store.spans.has(key) || store.relations.has(key)) ? key : null;
      ws.view.select(ws.selected);
      ws.panel.show(ws.selected);
      ws.caret.follow(ws.selected);
      if (ws.selected && scroll) {
        ws.view.reveal(ws.selected);
        const span = store.spans.get(ws.selected);
        say(span ? `Selected ${quote(span)}.` : `Selected relation ${store.relations.get(ws.selected).label}.`);
      }
    },
    addSpan(s16, e16, label) {
      const span = store.makeSpan(doc.cp(s16), doc.cp(e16), label);
      editor.createSpan(span);
      history.push({ undo: () => editor.deleteSpan(span), redo: () => editor.createSpan(span) });
      act.select(span.key);
      say(`Added ${quote(span)}.`);
      return span;
    },
    deleteSpan(span) {
      const rels = editor.deleteSpan(span);
      history.push({
        undo: () => { editor.createSpan(span); rels.forEach((r) => editor.createRelation(r)); },
        redo: () => editor.deleteSpan(span),
      });
      act.select(null);
      say(`Deleted ${quote(span)}` + (rels.length ? ` and ${rels.length} relation${rels.length === 1 ? '' : 's'}.` : '.'));
    },
    relabelSpan(span, label) {
      if (span.label === label) return;
      change(span, { label: span.label }, { label }, (s, c) => editor.updateSpan(s, c));
      say(`Relabelled to ${quote(span)}.`);
    },
    setSpanAttributes(span, attributes) {
      change(span, { attributes: span.attributes }, { attributes }, (s, c) => editor.updateSpan(s, c));
    },
    /** Entity links (resource, id, optional text): the whole list, one undo step. */
    setSpanLinks(span, links) {
      change(span, { links: span.links }, { links }, (s, c) => editor.updateSpan(s, c));
      say(`${quote(span)} now has ${links.length} link${links.length === 1 ? '' : 's'}.`);
    },
    /**
     * Adds the selected text as another piece of the span (a discontinuous span). Pieces may not overlap: the
     * server refuses that too, this only says it sooner.
     */
    addPiece(span, s16, e16) {
      const piece = [doc.cp(s16), doc.cp(e16)];
      const pieces = [...(span.fragments || [[span.start, span.end]]), piece].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < pieces.length; i++) {
        if (pieces[i][0] < pieces[i - 1][1]) {
          say(`That text overlaps ${quote(span)}: a piece must be outside the span.`);
          return false;
        }
      }
      const after = { fragments: pieces, start: pieces[0][0], end: pieces[pieces.length - 1][1] };
      change(span, { fragments: span.fragments, start: span.start, end: span.end }, after,
        (s, c) => editor.updateSpan(s, c));
      say(`Added a piece: ${quote(span)}.`);
      return true;
    },
    setSpanNote(span, note) {
      change(span, { note: span.note }, { note }, (s, c) => editor.updateSpan(s, c));
    },
    addRelation(head, tail, label) {
      const rel = store.makeRelation(head.key, tail.key, label);
      editor.createRelation(rel);
      history.push({ undo: () => editor.deleteRelation(rel), redo: () => editor.createRelation(rel) });
      act.select(rel.key);
      say(`Added relation ${label}: ${store.text(head)} ${schema.arrow(label)} ${store.text(tail)}.`);
    },
    deleteRelation(rel) {
      editor.deleteRelation(rel);
      history.push({ undo: () => editor.createRelation(rel), redo: () => editor.deleteRelation(rel) });
      act.select(null);
      say(`Deleted relation ${rel.label}.`);
    },
    relabelRelation(rel, label) {
      if (rel.label === label) return;
      change(rel, { label: rel.label }, { label }, (r, c) => editor.updateRelation(r, c));
      say(`Relabelled relation to ${label}.`);
    },
    setRelationAttributes(rel, attributes) {
      change(rel, { attributes: rel.attributes }, { attributes }, (r, c) => editor.updateRelation(r, c));
    },
    setRelationNote(rel, note) {
      change(rel, { note: rel.note }, { note }, (r, c) => editor.updateRelation(r, c));
    },
    /** Ctrl+Z and the Undo button: the same step and the same message. */
    undo() {
      if (!ws.editable) return;
      const entry = history.undo();
      act.dropStaleSelection();
      say(entry ? 'Undone.' : 'Nothing to undo.');
    },
    redo() {
      if (!ws.editable) return;
      const entry = history.redo();
      act.dropStaleSelection();
      say(entry ? 'Redone.' : 'Nothing to redo.');
    },
    /** After an undo or redo the selected item may be gone: then nothing is selected. */
    dropStaleSelection() {
      if (ws.selected && !store.spans.has(ws.selected) && !store.relations.has(ws.selected)) act.select(null);
    },
  };

  function change(item, before, after, apply) {
    apply(item, after);
    history.push({ undo: () => apply(item, before), redo: () => apply(item, after) });
  }

  return act;
}
