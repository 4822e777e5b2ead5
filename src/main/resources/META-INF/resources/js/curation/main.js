// The curation view: every annotator's layer of one document merged into one drawing (the workspace's view), each
// annotation marked with who proposed it and whether it is in gold, rejected, or still a disagreement. The curator
// walks the disagreements with n and p and decides with Enter (accept into gold) and Backspace or Delete (reject).
// Every decision is one call to the curation API; the answer is the merged view read again, so the page never
// guesses what the server did (an accepted relation brings its spans, a rejected span takes its relations along).
// The page starts from data inside it (the text, the schema, the merged view with curation started), and follows
// live changes: when an annotator's layer or gold gets a newer version elsewhere, it reads the merged view again and
// redraws, keeping the chosen annotation.

import { getJson, send } from '../workspace/api.js';
import { DocumentText } from '../workspace/text.js';
import { DocumentView } from '../workspace/view.js';
import { LayerStore } from '../workspace/store.js';
import { Schema } from '../workspace/schema.js';
import { VirtualList } from './list.js';
import { expand } from './data.js';

const $ = (id) => document.getElementById(id);
const root = $('curation');
const docId = root.dataset.document;
const projectId = root.dataset.project;
const api = `/api/documents/${docId}/curation`;

const state = {
  merged: null, // the API's merged view
  items: [], // spans then relations, in reading order: {item, kind, local}
  current: -1, // index into items
  busy: false,
};
const localKeys = new Map(); // item key → the view's key (short, safe in a CSS selector)
let nextLocal = 1;
const marks = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, marks];
let store;
let view;
let doc;
let side; // the side list, once drawn

try {
  start();
} catch (e) {
  alert(`The curation view could not be loaded: ${e.message}`);
}

function start() {
  performance.mark('curation-script');
  // Opening the page started curation on the server: what enough annotators agree on is in gold already.
  const data = JSON.parse($('cur-data').textContent);
  performance.mark('curation-parsed');
  const project = data.project;
  doc = new DocumentText(data.text);
  const schema = new Schema(project.schema || {});
  store = new LayerStore(doc);
  view = new DocumentView($('cur-doc'), doc, { entity: schema.entity, relation: schema.relation }, store);
  show(expand(data.curation), true);
  performance.mark('curation-shown');
  view.build();
  performance.mark('curation-built');
  install();
  if (project.role === 'MANAGER') installShare();
  if (state.current < 0) moveTo(1);
  root.dataset.ready = 'true';
  // The side list follows in the next frame, once the document is on screen.
  requestAnimationFrame(() => setTimeout(() => {
    renderSide();
    root.dataset.listed = 'true';
    listen();
  }));
}

/**
 * The view's key of an item: a stable number behind a letter for its state (d: disagreement, x: rejected, c: the
 * rest), so that three attribute-prefix rules style every mark, drawn now or later, instead of one selector per key.
 */
function local(key, state = 'c') {
  let n = localKeys.get(key);
  if (!n) localKeys.set(key, n = nextLocal++);
  return state + n;
}

function stateOf(item) {
  return item.disagreement ? 'd' : item.rejected ? 'x' : 'c';
}

/** Reads the merged view again and redraws what it shows. */
async function refresh() {
  show(await getJson(api), false);
}

/** Shows a merged view: the first time before the view is built, later as a redraw keeping the chosen annotation. */
function show(merged, first) {
  state.merged = merged;
  const currentKey = state.items[state.current]?.item.key;
  store.spans.clear();
  store.relations.clear();
  store.everySpan.clear();
  store.bySpan.clear();
  const items = [];
  const spanState = new Map(merged.spans.map((item) => [item.key, stateOf(item)]));
  for (const item of merged.spans) {
    const span = store.makeSpan(item.start, item.end, item.label);
    span.key = local(item.key, stateOf(item));
    store.putSpan(span);
    items.push({ item, kind: 'span', local: span.key, span });
  }
  for (const item of merged.relations) {
    const rel = store.makeRelation(local(item.head.key, spanState.get(item.head.key)),
      local(item.tail.key, spanState.get(item.tail.key)), item.label);
    rel.key = local(item.key, stateOf(item));
    store.putRelation(rel);
    items.push({ item, kind: 'relation', local: rel.key });
  }
  state.items = items;
  state.current = currentKey ? items.findIndex((i) => i.item.key === currentKey) : -1;
  decorate();
  if (!first) {
    view.reset();
    const current = state.items[state.current];
    view.select(current ? current.local : null);
  }
  // The first time, the list waits until the document is drawn: laying out thousands of list items before the
  // text would hold up the first screen (start() renders it right after).
  if (!first) renderSide();
  renderToolbar();
}

function text(item) {
  return doc.text.slice(doc.u16(item.start), doc.u16(item.end));
}

function describe(entry) {
  const { item } = entry;
  const what = entry.kind === 'span'
    ? `${item.label} “${text(item)}”`
    : `${item.label}: “${text(item.head)}” ${item.directed ? '→' : '↔'} “${text(item.tail)}”`;
  const n = state.merged.annotators.length;
  const who = item.proposers.length ? `${item.proposers.join(', ')} (${item.agreement} of ${n})` : 'gold only';
  const where = item.inGold ? 'in gold' : item.rejected ? 'rejected' : 'disagreement';
  return { what, who, where };
}

/** One row of the side list (list.js draws only the rows in sight). */
function row(i) {
  const entry = state.items[i];
  const { what, who, where } = describe(entry);
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cur-item cur-' + where.replace(' ', '-');
  button.dataset.index = i;
  button.setAttribute('aria-current', i === state.current ? 'true' : 'false');
  button.title = what; // the row cuts a long text short
  const label = Object.assign(document.createElement('span'), { className: 'cur-what', textContent: what });
  const by = Object.assign(document.createElement('span'), { className: 'cur-who', textContent: who });
  const st = Object.assign(document.createElement('span'), { className: 'cur-state', textContent: where });
  button.append(label, by, st);
  li.append(button);
  return li;
}

function renderSide() {
  if (!side) {
    const list = $('cur-items');
    side = new VirtualList(list, row);
    // One listener for every row, drawn now or later.
    list.addEventListener('click', (event) => {
      const button = event.target.closest('button.cur-item');
      if (button) select(+button.dataset.index);
    });
  }
  side.reset(state.items.length);
  side.reveal(state.current);
  $('cur-annotators').replaceChildren(...state.merged.annotators.map((a) => Object.assign(document.createElement('li'),
    { textContent: `${a.username} · ${a.status.toLowerCase().replace('_', ' ')}` })));
}

function renderToolbar() {
  const m = state.merged;
  const status = $('cur-gold-status');
  status.textContent = `Gold: ${m.gold.status.toLowerCase().replace('_', ' ')}`;
  status.className = 'badge ' + m.gold.status;
  $('cur-count').textContent = `${m.disagreements} disagreement${m.disagreements === 1 ? '' : 's'} left`;
  $('cur-share').textContent = `${Math.round(m.preAcceptShare * 100)} % (${m.required} of ${m.annotators.length})`;
  $('cur-done').hidden = m.gold.status === 'DONE';
  $('cur-reopen').hidden = m.gold.status !== 'DONE';
}

/** The states' looks: the letter each view key starts with says the state (see local). */
function decorate() {
  marks.replaceSync([
    'mark.ws-sp[data-k^="d"]{outline:2px dashed #b3261e;outline-offset:1px}',
    '.ws-rel[data-k^="d"] .ws-arc{stroke-dasharray:5 3}',
    'mark.ws-sp[data-k^="x"]{opacity:.35}',
    '.ws-rel[data-k^="x"]{opacity:.3}',
  ].join('\n'));
}

function select(i) {
  state.current = i;
  const entry = state.items[i];
  if (!entry) return;
  view.select(entry.local);
  view.reveal(entry.local);
  if (side) {
    $('cur-items').querySelector('button[aria-current="true"]')?.setAttribute('aria-current', 'false');
    side.reveal(i);
    side.rowOf(i)?.firstChild.setAttribute('aria-current', 'true');
  }
  const { what, who, where } = describe(entry);
  say(`${what}: ${who}, ${where}.`);
}

/** The next (step 1) or previous (step -1) disagreement after the current one, wrapping around. */
function moveTo(step) {
  const n = state.items.length;
  for (let k = 1; k <= n; k++) {
    const i = (((state.current < 0 ? (step > 0 ? -1 : 0) : state.current) + step * k) % n + n) % n;
    if (state.items[i].item.disagreement) {
      select(i);
      return;
    }
  }
  say('No disagreements left.');
}

async function decide(action) {
  const entry = state.items[state.current];
  if (!entry || state.busy) {
    if (!entry) say('Choose an annotation first (n for the next disagreement).');
    return;
  }
  state.busy = true;
  try {
    await send('POST', `${api}/${action}`, { key: entry.item.key }, state.merged.gold.version);
    await refresh();
    const { what } = describe(state.items[state.current] || entry);
    say(`${action === 'accept' ? 'Accepted' : 'Rejected'} ${what}.`);
    if (state.items[state.current] && !state.items[state.current].item.disagreement) moveTo(1);
  } catch (e) {
    alert(e.status === 412 ? 'Gold changed elsewhere since this page read it; the current state is shown now.' : e.message);
    await refresh();
  } finally {
    state.busy = false;
    catchUp();
  }
}

async function setGoldStatus(status) {
  try {
    await send('PUT', `/api/documents/${docId}/layers/gold/status`, { status }, state.merged.gold.version);
  } catch (e) {
    alert(e.message);
  }
  await refresh();
  say(status === 'DONE' ? 'Gold marked done.' : 'Gold reopened.');
}

function install() {
  $('cur-next').addEventListener('click', () => moveTo(1));
  $('cur-prev').addEventListener('click', () => moveTo(-1));
  $('cur-accept').addEventListener('click', () => decide('accept'));
  $('cur-reject').addEventListener('click', () => decide('reject'));
  $('cur-done').addEventListener('click', () => setGoldStatus('DONE'));
  $('cur-reopen').addEventListener('click', () => setGoldStatus('IN_PROGRESS'));
  $('cur-doc').addEventListener('click', (e) => {
    const el = e.target.closest('[data-k]');
    const i = el ? state.items.findIndex((entry) => entry.local === el.dataset.k) : -1;
    if (i >= 0) select(i);
  });
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input, textarea, select, dialog')) return;
    // On a toolbar button or link, Enter keeps its usual meaning.
    if (e.key === 'Enter' && e.target.closest('.ws-toolbar')) return;
    const handler = { n: () => moveTo(1), p: () => moveTo(-1), Enter: () => decide('accept'),
      Backspace: () => decide('reject'), Delete: () => decide('reject') }[e.key];
    if (!handler) return;
    e.preventDefault();
    handler();
  });
}

/** Managers change the project's pre-accept share here; what now has enough agreement goes into gold at once. */
function installShare() {
  const form = $('cur-share-form');
  const input = $('cur-share-input');
  input.value = String(state.merged.preAcceptShare);
  form.hidden = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    state.busy = true; // the page reads the view itself below: live updates wait
    try {
      await send('PUT', `/api/projects/${projectId}/curation`, { preAcceptShare: Number(input.value) });
      const started = await send('POST', `${api}/start`);
      await refresh();
      if (!state.items[state.current]?.item.disagreement) moveTo(1);
      say(`Pre-accept share saved; ${started.preAccepted} more annotation${started.preAccepted === 1 ? '' : 's'} pre-accepted.`);
    } catch (err) {
      alert(err.message);
    } finally {
      state.busy = false;
      catchUp();
    }
  });
}

/**
 * Live updates: the document's event stream announces every committed change of a layer with its new version. When
 * an annotator's layer or gold is newer than the merged view on screen, the view is read again (one read at a time;
 * changes heard meanwhile are caught by the next). After a reconnect the stream's first event carries every layer's
 * current version, so what happened while it was down is caught up too. Nothing is lost on the curator's side: a
 * decision carries gold's version, so one made on a view older than gold still gets the conflict message.
 */
const live = { heard: new Map(), reading: false, retry: 1000 };

function listen() {
  const source = new EventSource(`/api/documents/${docId}/events`);
  const status = $('cur-live');
  const setState = (kind) => {
    status.dataset.state = kind;
    status.textContent = kind === 'live' ? 'Live' : 'Reconnecting…';
  };
  source.addEventListener('layers', (e) => {
    live.retry = 1000;
    setState('live');
    for (const layer of JSON.parse(e.data).layers) live.heard.set(layer.owner, layer.version);
    catchUp();
  });
  source.addEventListener('layer', (e) => {
    const change = JSON.parse(e.data);
    if (change.bulk) {
      live.heard.set('*', (live.heard.get('*') || 0) + 1);
    } else {
      live.heard.set(change.owner, change.version);
    }
    catchUp();
  });
  source.addEventListener('error', () => {
    setState('reconnecting');
    if (source.readyState === EventSource.CLOSED) {
      setTimeout(listen, live.retry);
      live.retry = Math.min(30000, live.retry * 2);
    }
  });
}

/** Whether a version heard on the stream is not the one the merged view on screen was read at. */
function behind() {
  const m = state.merged;
  const versions = new Map(m.annotators.map((a) => [a.username, a.version]));
  for (const [owner, version] of live.heard) {
    if (owner === 'suggestions') continue;
    if (owner === '*') return true; // an import changed many layers at once
    const shown = owner === 'gold' ? m.gold.version : versions.get(owner) ?? 0;
    if (Math.max(version, 0) !== shown) return true;
  }
  return false;
}

async function catchUp() {
  if (live.reading || state.busy || !behind()) return;
  // A read answered at versions that still differ from what was heard (which cannot be told apart from a change
  // still on its way) is not repeated until something new is heard.
  const heard = JSON.stringify([...live.heard]);
  if (heard === live.lastRead) return;
  live.lastRead = heard;
  live.reading = true;
  try {
    live.heard.delete('*');
    await refresh();
    // Said in the toolbar's live status, not the announcement: that one tells the curator's own last step.
    $('cur-live').title = `Updated with changes saved elsewhere at ${new Date().toLocaleTimeString()}`;
  } catch {
    // the next event, or the next reconnect, tries again
  } finally {
    live.reading = false;
  }
  catchUp();
}

function say(text) {
  $('cur-announce').textContent = text;
}

function alert(message) {
  const el = $('cur-alert');
  el.textContent = message;
  el.hidden = false;
}
