// The annotation workspace, wired together: reads the document, the schema and the layer the page carries, draws them, and
// hands mouse, keyboard and toolbar to their modules. Every edit is saved at once (see store.js) and can be undone.
//
// One object, `ws`, is the workspace's state and parts: the document, schema, store, view, the save queue and
// history, the actions, and the selection. The modules read it; only the actions and the input modules change
// the selection.

import { getJson } from './api.js';
import { DocumentText } from './text.js';
import { DocumentView } from './view.js';
import { LayerStore, Saver, Editor, History } from './store.js';
import { Panel } from './panel.js';
import { Schema } from './schema.js';
import { createActions } from './actions.js';
import { installPointer } from './pointer.js';
import { installKeys } from './keys.js';
import { Toolbar, showAlert } from './toolbar.js';
import { Caret } from './caret.js';
import { KeyHelp } from './help.js';
import { installSuggestions } from './suggestions.js';
import { LiveUpdates } from './live.js';

const $ = (id) => document.getElementById(id);
const root = $('workspace');
const docId = root.dataset.document;
const projectId = root.dataset.project;
const owner = root.dataset.owner;
const layerUrl = `/api/documents/${docId}/layers/${encodeURIComponent(owner)}`;

start().catch((e) => {
  showAlert(`The workspace could not be loaded: ${e.message}`);
  $('ws-save').textContent = 'Not loaded';
});

/** The compact layout is the user's choice, kept in this browser. */
function rememberCompact(view) {
  const box = $('ws-compact');
  const key = 'relata.workspace.compact';
  box.checked = localStorage.getItem(key) === '1';
  view.setCompact(box.checked);
  box.addEventListener('change', () => {
    localStorage.setItem(key, box.checked ? '1' : '0');
    view.setCompact(box.checked);
  });
}

async function start() {
  // The page carries the API's answers for the document, the project with its schema, the layer and the queue.
  const { document: document_, project, layer, queue } = JSON.parse($('ws-data').textContent);
  performance.mark('relata-workspace-data');
  const doc = new DocumentText(document_.text);
  const schema = new Schema(project.schema || {});
  const store = new LayerStore(doc);
  store.load(layer);
  const docEl = $('ws-doc');
  const view = new DocumentView(docEl, doc, { entity: schema.entity, relation: schema.relation }, store);
  rememberCompact(view);
  view.build();

  const ws = {
    docId, projectId, owner, layerUrl, docEl, wrap: docEl.parentElement,
    doc, schema, store, view, editable: layer.editable !== false,
    selected: null, // key of the selected span or relation
    relateFrom: null, // a span picked with Enter as the first end of a new relation
    say: (text) => { $('ws-announce').textContent = text; },
    quote: (span) => `${span.label} “${store.text(span)}”`,
  };
  const toolbar = new Toolbar(ws, layer.status);
  ws.history = new History(() => toolbar.historyChanged());
  ws.saver = new Saver(layerUrl, layer.version, {
    state: (kind, detail) => {
      toolbar.saveState(kind, detail);
      if (kind === 'saved') ws.live?.saved();
    },
    refused(error, op, dropped) {
      const more = dropped.length > 1 ? ` and ${dropped.length - 1} later change${dropped.length > 2 ? 's' : ''}` : '';
      const stale = error.status === 409 || error.status === 412;
      showAlert(stale
        ? `This document was changed elsewhere (another tab or another person) since you loaded it. `
          + `Your change “${op.what}”${more} was not saved. The current state is shown now: please check it and redo what is missing.`
        : `The server refused “${op.what}”${more}: ${error.message} The current state is shown now.`);
      reload();
    },
  });
  ws.editor = new Editor(store, view, ws.saver, () => ws.panel && ws.panel.changed());
  ws.caret = new Caret(ws);
  ws.act = createActions(ws);
  ws.help = new KeyHelp(schema);
  ws.panel = new Panel($('ws-panel'), { store, schema, editable: ws.editable, act: ws.act });

  /** After a refused change: the layer as the server has it now, with no history to undo into. */
  async function reload() {
    const fresh = await getJson(layerUrl);
    store.load(fresh);
    ws.saver.version = fresh.version;
    toolbar.setStatus(fresh.status);
    ws.history.clear();
    ws.selected = null;
    view.select(null);
    view.reset();
    ws.panel.changed();
    toolbar.showLoaded('Current state loaded');
  }

  installPointer(ws);
  installKeys(ws);
  toolbar.install(project, queue, layer);
  // Changes saved elsewhere (another tab, another person, another app instance) appear without a reload.
  ws.live = new LiveUpdates(ws, layer.owner, (fresh) => {
    toolbar.setStatus(fresh.status);
    ws.say(`Updated with changes saved elsewhere (version ${fresh.version}).`);
  });
  window.addEventListener('beforeunload', (e) => {
    if (ws.saver.pending > 0) e.preventDefault();
  });

  toolbar.showLoaded(ws.editable ? 'All changes saved' : 'Read-only');
  ws.history.onChange();
  // Ready once the first frame with the document is painted: the benchmark reads these marks.
  root.dataset.ready = 'true';
  performance.mark('relata-workspace-built');
  const { act, editor, saver } = ws;
  requestAnimationFrame(() => setTimeout(() => {
    performance.mark('relata-workspace-ready');
    window.relataWorkspace = { readyAt: performance.now(), view, store, act, editor, saver };
    document.dispatchEvent(new CustomEvent('relata:workspace-ready'));
    afterFirstFrame(ws, toolbar);
  }, 0));
}

/**
 * What the first look at the document does not need waits until it is on screen: the side panel's lists, the
 * suggestions, the layer choice's members and the live updates' stream (whose first event brings any version
 * saved since the page was made, so nothing is missed).
 */
function afterFirstFrame(ws, toolbar) {
  ws.panel.showLists();
  installSuggestions(ws, $('ws-panel'));
  toolbar.listMembers();
  ws.live.start();
}
