// Suggestions: spans and relations proposed by an import (target=suggestions) or, later, by assistance, drawn dashed
// in the text and listed in the side panel. Accepting copies a suggestion into the annotator's own layer as one
// undoable step (a span through the editor, like any new span; a relation through one call that also copies its
// argument spans the layer lacks); rejecting is remembered on the server for this annotator only, and is undoable
// too. A suggestion equal to an annotation of the layer (same offsets and label; for a relation, the same label
// between such spans) is not shown: undoing an accept brings it back by itself. A suggested relation is drawn between
// the layer's own spans where they equal its arguments, otherwise between the suggested spans. Suggestions never
// enter the layer's store, so the other modules never see them.

import { getJson, send } from './api.js';
import { showAlert } from './toolbar.js';

/** Adds the suggestions of the open document, if there are any and the layer is the caller's own. */
export async function installSuggestions(ws, panelEl) {
  if (!ws.editable || ws.owner !== 'me') return;
  const url = `/api/documents/${ws.docId}/suggestions`;
  let answer;
  try {
    answer = await getJson(url);
  } catch {
    return; // suggestions are a help; the workspace works without them
  }
  const suggestedRelations = answer.relations || [];
  if (answer.spans.length === 0 && suggestedRelations.length === 0) return;
  const { doc, store, view, editor, history, schema, say } = ws;
  const all = answer.spans.map((s) => ({ ...s, key: 'g' + s.id, s16: doc.u16(s.start), e16: doc.u16(s.end),
    rejected: false }));
  all.forEach((s) => view.extraSpans.set(s.key, s));
  // head and tail are the view's span keys, set while the relation is shown; the API's argument spans are kept apart.
  const relations = suggestedRelations.map((r) => ({ id: r.id, key: 'gr' + r.id, label: r.label, score: r.score,
    isRelation: true, headRef: r.head, tailRef: r.tail, head: null, tail: null, rejected: false }));
  let threshold = 0;

  const section = document.createElement('details');
  section.id = 'ws-suggestions';
  section.className = 'ws-suggestions';
  section.open = true;
  const summary = document.createElement('summary');
  const help = Object.assign(document.createElement('p'), { className: 'muted ws-sugg-help',
    textContent: 'Dashed in the text. Click or Enter accepts a suggestion into your layer, Backspace or Delete rejects it (for you only); Ctrl+Z undoes either.' });
  const thresholdLabel = document.createElement('label');
  thresholdLabel.className = 'ws-check';
  const thresholdInput = Object.assign(document.createElement('input'), { type: 'number', min: '0', max: '1',
    step: '0.05', value: '0' });
  thresholdInput.style.width = '5rem';
  thresholdLabel.append('Hide scores below ', thresholdInput);
  const labels = Object.assign(document.createElement('ul'), { className: 'ws-sugg-labels' });
  labels.setAttribute('aria-label', 'Suggestions by label');
  const list = Object.assign(document.createElement('ul'), { className: 'ws-sugg-list' });
  list.setAttribute('aria-label', 'Suggestions');
  section.append(summary, help, thresholdLabel, labels, list);
  panelEl.prepend(section);

  thresholdInput.addEventListener('input', () => {
    const value = parseFloat(thresholdInput.value);
    threshold = Number.isFinite(value) ? value : 0;
    refresh();
  });

  const spanId = (s) => `${s.start}|${s.end}|${s.label}`;
  const scoreShown = (item) => item.score == null || item.score >= threshold;

  /** The layer's contiguous spans by offsets and label. */
  function ownSpans() {
    const own = new Map();
    for (const span of store.spans.values()) if (!span.f16 && !own.has(spanId(span))) own.set(spanId(span), span);
    return own;
  }

  function visible() {
    const own = ownSpans();
    return all.filter((s) => !s.rejected && scoreShown(s) && !own.has(spanId(s)));
  }

  /** The relations to show, each with the view keys of its ends: [{r, head, tail}]. */
  function visibleRelations(shownSpans) {
    const own = ownSpans();
    const shownById = new Map(shownSpans.map((s) => [s.id, s]));
    const ownRelations = new Set([...store.relations.values()].map((r) => `${r.head}|${r.tail}|${r.label}`));
    const end = (ref) => (own.get(spanId(ref)) || shownById.get(ref.id))?.key;
    const result = [];
    for (const r of relations) {
      if (r.rejected || !scoreShown(r)) continue;
      const head = end(r.headRef);
      const tail = end(r.tailRef);
      if (!head || !tail || ownRelations.has(`${head}|${tail}|${r.label}`)) continue;
      result.push({ r, head, tail });
    }
    return result;
  }

  /**
   * Draws exactly the suggestions that are visible now, and lists them. Whether one is drawn is asked of the view
   * itself: a reload after a conflict redraws the view from the layer alone.
   */
  function refresh() {
    const shown = visible();
    const now = new Set(shown);
    const inView = (s) => view.blocksOf(s).some((b) => b.spans.has(s));
    for (const s of all) {
      const drawn = inView(s);
      if (drawn && !now.has(s)) view.spanRemoved(s);
      if (!drawn && now.has(s)) view.spanAdded(s);
    }
    // A relation whose ends changed (an argument accepted, or its acceptance undone) is erased and drawn again.
    const shownRelations = visibleRelations(shown);
    const ends = new Map(shownRelations.map((v) => [v.r, v]));
    for (const r of relations) {
      const drawn = r.head !== null && view.blocksOfRelation(r).some((b) => b.rels.has(r));
      const want = ends.get(r);
      const same = want && want.head === r.head && want.tail === r.tail;
      if (drawn && !same) view.relationRemoved(r);
      if (want && (!drawn || !same)) {
        r.head = want.head;
        r.tail = want.tail;
        view.relationAdded(r);
      }
    }
    view.flush();
    render([...shown, ...shownRelations.map((v) => v.r)]);
  }

  const textOf = (ref) => doc.text.slice(doc.u16(ref.start), doc.u16(ref.end));

  function quote(s) {
    if (s.isRelation) return `relation ${s.label}: “${textOf(s.headRef)}” ${schema.arrow(s.label)} “${textOf(s.tailRef)}”`;
    return `${s.label} “${doc.text.slice(s.s16, s.e16)}”`;
  }

  function render(shown) {
    summary.textContent = `Suggestions (${shown.length})`;
    const byLabel = new Map();
    for (const s of shown) {
      if (!byLabel.has(s.label)) byLabel.set(s.label, []);
      byLabel.get(s.label).push(s);
    }
    labels.replaceChildren(...[...byLabel].map(([label, items]) => {
      const li = document.createElement('li');
      const chip = Object.assign(document.createElement('span'), { className: 'ws-chip '
        + (items[0].isRelation ? 'ws-chip-rel' : schema.entityClass(label)), textContent: label });
      const acceptAll = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary',
        textContent: `Accept all ${label}` });
      acceptAll.addEventListener('click', () => accept(items));
      const rejectAll = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary',
        textContent: `Reject all ${label}` });
      rejectAll.addEventListener('click', () => reject(items));
      li.append(chip, ` ${items.length} `, acceptAll, rejectAll);
      return li;
    }));
    list.replaceChildren(...shown.map((s) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = s.id;
      const score = s.score == null ? '' : ` ${s.score.toFixed(2)}`;
      button.dataset.kind = s.isRelation ? 'relation' : 'span';
      button.setAttribute('aria-label', `Suggestion ${quote(s)}${score}`);
      const chip = Object.assign(document.createElement('span'), { className: 'ws-chip '
        + (s.isRelation ? 'ws-chip-rel' : schema.entityClass(s.label)), textContent: s.label });
      const text = Object.assign(document.createElement('span'), { className: 'ws-quote',
        textContent: s.isRelation ? `${textOf(s.headRef)} ${schema.arrow(s.label)} ${textOf(s.tailRef)}`
          : doc.text.slice(s.s16, s.e16) });
      const value = Object.assign(document.createElement('span'), { className: 'muted', textContent: score });
      button.append(chip, text, value);
      button.addEventListener('click', () => accept([s], true));
      button.addEventListener('keydown', (e) => {
        if (e.key !== 'Backspace' && e.key !== 'Delete') return;
        e.preventDefault();
        e.stopPropagation();
        reject([s], true);
      });
      li.append(button);
      return li;
    }));
  }

  /** After a step from the list, focus the suggestion that took the place of the one handled. */
  function keepFocus(index) {
    const buttons = list.querySelectorAll('button');
    (buttons[Math.min(index, buttons.length - 1)] || ws.docEl).focus();
  }

  function indexOf(s) {
    const kind = s.isRelation ? 'relation' : 'span';
    return [...list.querySelectorAll('button')].findIndex((b) => +b.dataset.id === s.id && b.dataset.kind === kind);
  }

  /** Spans, then relations (which may end at those spans): one step, undone in the opposite order. */
  function accept(items, fromList = false) {
    const at = fromList ? indexOf(items[0]) : -1;
    const spans = items.filter((s) => !s.isRelation).map((s) => store.makeSpan(s.start, s.end, s.label));
    spans.forEach((span) => editor.createSpan(span));
    const accepted = items.filter((s) => s.isRelation).map(acceptRelation);
    if (accepted.length) editor.changed();
    history.push({
      undo: () => {
        accepted.slice().reverse().forEach(({ rel, created }) => {
          editor.deleteRelation(rel);
          created.forEach((span) => editor.deleteSpan(span));
        });
        spans.forEach((span) => editor.deleteSpan(span));
      },
      redo: () => {
        spans.forEach((span) => editor.createSpan(span));
        accepted.forEach(({ rel, created }) => {
          created.forEach((span) => editor.createSpan(span));
          editor.createRelation(rel);
        });
      },
    });
    say(items.length === 1 ? `Accepted ${quote(items[0])}.` : `Accepted ${items.length} suggestions.`);
    if (fromList) keepFocus(at);
  }

  /**
   * Puts the relation, and the argument spans the layer lacks, into the store and the view at once, and saves them
   * with one call (the server copies exactly what the layer lacks, in one transaction). Redo goes through the editor.
   */
  function acceptRelation(r) {
    const own = ownSpans();
    const created = [];
    const end = (ref) => {
      let span = own.get(spanId(ref));
      if (!span) {
        span = store.makeSpan(ref.start, ref.end, ref.label);
        store.putSpan(span);
        view.spanAdded(span);
        created.push(span);
      }
      return span;
    };
    const head = end(r.headRef);
    const tail = end(r.tailRef);
    const rel = store.makeRelation(head.key, tail.key, r.label);
    store.putRelation(rel);
    view.relationAdded(rel);
    ws.saver.enqueue({
      what: `Accept ${quote(r)}`,
      run: (saver) => send('POST', `${url}/relations/${r.id}/accept`, undefined, saver.version),
      done: (answer) => {
        if (created.includes(head)) head.id = answer.head;
        if (created.includes(tail)) tail.id = answer.tail;
        rel.id = answer.relation;
      },
    });
    return { rel, created };
  }

  function reject(items, fromList = false) {
    const at = fromList ? indexOf(items[0]) : -1;
    const ids = items.filter((s) => !s.isRelation).map((s) => s.id);
    const relationIds = items.filter((s) => s.isRelation).map((s) => s.id);
    const body = {};
    if (ids.length) body.ids = ids;
    if (relationIds.length) body.relations = relationIds;
    const mark = (rejected) => items.forEach((s) => { s.rejected = rejected; });
    const post = () => send('POST', `${url}/rejections`, body).catch((e) => showAlert(`The rejection was not saved: ${e.message}`));
    mark(true);
    post();
    history.push({
      undo: () => {
        mark(false);
        const takeBack = (path) => send('DELETE', `${url}/${path}`)
          .catch((e) => showAlert(`Taking the rejection back was not saved: ${e.message}`));
        ids.forEach((id) => takeBack(`rejections/${id}`));
        relationIds.forEach((id) => takeBack(`relation-rejections/${id}`));
      },
      redo: () => { mark(true); post(); },
    });
    say(items.length === 1 ? `Rejected ${quote(items[0])}.` : `Rejected ${items.length} suggestions.`);
    if (fromList) keepFocus(at);
  }

  // A click on a dashed label or arc in the text accepts that suggestion; the pointer module never sees it.
  ws.docEl.addEventListener('click', (e) => {
    const arc = e.target.closest('.ws-rel');
    if (arc?.dataset.k?.startsWith('gr')) {
      e.stopPropagation();
      const r = relations.find((item) => item.key === arc.dataset.k);
      if (r) accept([r]);
      return;
    }
    const label = e.target.closest('.ws-lb');
    const key = label?.parentElement.dataset.k;
    if (!key || !key.startsWith('g')) return;
    e.stopPropagation();
    const s = all.find((item) => item.key === key);
    if (s) accept([s]);
  }, true);

  // Every change of the layer may show or hide suggestions: the session's steps (history), and edits, live changes
  // from elsewhere and reloads, which all end in the panel's changed().
  const historyChanged = history.onChange;
  history.onChange = () => {
    historyChanged();
    refresh();
  };
  const panelChanged = ws.panel.changed.bind(ws.panel);
  ws.panel.changed = () => {
    panelChanged();
    refresh();
  };
  refresh();
}
