// Suggestions: spans proposed by an import (target=suggestions) or, later, by assistance, drawn dashed in the text
// and listed in the side panel. Accepting copies a suggestion into the annotator's own layer as one undoable step
// (through the editor, like any new span); rejecting is remembered on the server for this annotator only, and is
// undoable too. A suggestion equal to a span of the layer (same offsets and label) is not shown: undoing an accept
// brings it back by itself. Suggestions never enter the layer's store, so the other modules never see them.

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
  if (answer.spans.length === 0) return;
  const { doc, store, view, editor, history, schema, say } = ws;
  const all = answer.spans.map((s) => ({ ...s, key: 'g' + s.id, s16: doc.u16(s.start), e16: doc.u16(s.end),
    rejected: false }));
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

  function visible() {
    const own = new Set([...store.spans.values()].map((s) => `${s.start}|${s.end}|${s.label}`));
    return all.filter((s) => !s.rejected && (s.score == null || s.score >= threshold)
      && !own.has(`${s.start}|${s.end}|${s.label}`));
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
    view.flush();
    render(shown);
  }

  function quote(s) {
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
      const chip = Object.assign(document.createElement('span'), { className: 'ws-chip ' + schema.entityClass(label),
        textContent: label });
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
      button.setAttribute('aria-label', `Suggestion ${quote(s)}${score}`);
      const chip = Object.assign(document.createElement('span'), { className: 'ws-chip ' + schema.entityClass(s.label),
        textContent: s.label });
      const text = Object.assign(document.createElement('span'), { className: 'ws-quote',
        textContent: doc.text.slice(s.s16, s.e16) });
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
    return [...list.querySelectorAll('button')].findIndex((b) => +b.dataset.id === s.id);
  }

  function accept(items, fromList = false) {
    const at = fromList ? indexOf(items[0]) : -1;
    const spans = items.map((s) => store.makeSpan(s.start, s.end, s.label));
    spans.forEach((span) => editor.createSpan(span));
    history.push({ undo: () => spans.forEach((span) => editor.deleteSpan(span)),
      redo: () => spans.forEach((span) => editor.createSpan(span)) });
    say(items.length === 1 ? `Accepted ${quote(items[0])}.` : `Accepted ${items.length} suggestions.`);
    if (fromList) keepFocus(at);
  }

  function reject(items, fromList = false) {
    const at = fromList ? indexOf(items[0]) : -1;
    const ids = items.map((s) => s.id);
    const mark = (rejected) => items.forEach((s) => { s.rejected = rejected; });
    const post = () => send('POST', `${url}/rejections`, { ids }).catch((e) => showAlert(`The rejection was not saved: ${e.message}`));
    mark(true);
    post();
    history.push({
      undo: () => {
        mark(false);
        ids.forEach((id) => send('DELETE', `${url}/rejections/${id}`)
          .catch((e) => showAlert(`Taking the rejection back was not saved: ${e.message}`)));
      },
      redo: () => { mark(true); post(); },
    });
    say(items.length === 1 ? `Rejected ${quote(items[0])}.` : `Rejected ${items.length} suggestions.`);
    if (fromList) keepFocus(at);
  }

  // A click on a dashed label in the text accepts that suggestion; the pointer module never sees it.
  ws.docEl.addEventListener('click', (e) => {
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
