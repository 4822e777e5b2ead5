// The toolbar and the messages around the document: save state, the layer's status with Done and Reopen, the
// queue's progress and Next, undo and redo buttons, the guidelines' toggle, the layer choice of curators and managers.

import { getJson, send } from './api.js';

const $ = (id) => document.getElementById(id);

export class Toolbar {
  constructor(ws, status) {
    this.ws = ws;
    this.status = status;
    this.idleWaiters = []; // waiting for every change to be saved
    this.listMembers = () => {}; // curators and managers: fills the layer choice (offerLayers)
  }

  /** The Saver's state: saving, saved, or failed with a reason. */
  saveState(kind, detail) {
    const el = $('ws-save');
    el.className = 'ws-save ' + kind;
    el.textContent = kind === 'saving' ? 'Saving…' : kind === 'saved' ? 'All changes saved' : `Save failed — ${detail}`;
    $('ws-retry').hidden = kind !== 'failed';
    if (kind === 'saved') {
      if (this.status === 'NEW') this.setStatus('IN_PROGRESS');
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Nothing waits to be saved: the state as loaded is shown. */
  showLoaded(text) {
    const el = $('ws-save');
    el.className = 'ws-save saved';
    el.textContent = text;
  }

  historyChanged() {
    const { history, editable } = this.ws;
    $('ws-undo').disabled = !editable || history.done.length === 0;
    $('ws-redo').disabled = !editable || history.undone.length === 0;
  }

  setStatus(s) {
    this.status = s;
    const editable = this.ws.editable;
    const badge = $('ws-layer-status');
    badge.textContent = s === 'DONE' ? 'Done' : s === 'IN_PROGRESS' ? 'In progress' : 'New';
    badge.className = 'badge ' + s;
    $('ws-done').hidden = !editable || s === 'DONE';
    $('ws-reopen').hidden = !editable || s !== 'DONE';
  }

  showProgress(q) {
    if (q) $('ws-progress').textContent = `${q.done} of ${q.total} done`;
  }

  whenSaved() {
    return this.ws.saver.pending === 0 ? Promise.resolve() : new Promise((r) => this.idleWaiters.push(r));
  }

  async goNext() {
    const { saver, say, projectId, docId } = this.ws;
    if (saver.pending > 0) say('Opening the next document once every change is saved…');
    await this.whenSaved();
    const q = await getJson(`/api/projects/${projectId}/queue?after=${docId}`);
    this.showProgress(q);
    if (q.next) {
      window.location.assign(`/documents/${q.next.id}/annotate`);
    } else {
      say('All documents of your queue are done.');
      showNotice('All documents of your queue are done.');
    }
  }

  putStatus(s, then) {
    const layerUrl = this.ws.layerUrl;
    this.ws.saver.enqueue({
      what: s === 'DONE' ? 'Mark done' : 'Reopen',
      run: (sv) => send('PUT', layerUrl + '/status', { status: s }, sv.version),
      done: () => { this.setStatus(s); then?.(); },
    });
  }

  /** Wires the buttons and fills in what the page shows around the document. */
  install(project, queue, layer) {
    const { saver, act, editable } = this.ws;
    $('ws-undo').addEventListener('click', () => act.undo());
    $('ws-redo').addEventListener('click', () => act.redo());
    $('ws-keys').addEventListener('click', () => this.ws.help.open());
    $('ws-retry').addEventListener('click', () => saver.retryNow());
    const guidelines = $('ws-guidelines'); // rendered on the server, with the page
    $('ws-guidelines-toggle').addEventListener('click', (e) => {
      guidelines.hidden = !guidelines.hidden;
      e.currentTarget.setAttribute('aria-expanded', String(!guidelines.hidden));
    });
    this.setStatus(this.status);
    this.showProgress(queue);
    $('ws-done').addEventListener('click', () => this.putStatus('DONE', () => this.goNext()));
    $('ws-reopen').addEventListener('click', () => this.putStatus('IN_PROGRESS'));
    $('ws-next').addEventListener('click', () => this.goNext());
    if (project.role === 'CURATOR' || project.role === 'MANAGER') this.offerLayers();
    if (!editable) {
      const banner = $('ws-readonly');
      banner.hidden = false;
      banner.textContent = `Read-only: the annotations of ${layer.owner}. You can look, not change.`;
      $('ws-exact').disabled = true;
    }
  }

  /** Curators and managers switch between their own layer, gold, suggestions and each member's layer (read-only). */
  offerLayers() {
    const { owner, projectId, docId } = this.ws;
    const choice = $('ws-layer');
    const options = [['me', 'Mine'], ['gold', 'Gold'], ['suggestions', 'Suggestions']];
    if (!options.some(([v]) => v === owner)) options.push([owner, owner]);
    for (const [value, text] of options) {
      choice.append(Object.assign(document.createElement('option'), { value, textContent: text, selected: value === owner }));
    }
    // The members are asked for once the document is on screen (listMembers).
    this.listMembers = () => getJson(`/api/projects/${projectId}/members`).then((members) => {
      for (const member of members) {
        if (member.username === owner) continue;
        choice.append(Object.assign(document.createElement('option'), {
          value: member.username, textContent: `${member.username} (${member.role.toLowerCase()})`,
        }));
      }
    }).catch(() => { /* the switcher keeps its fixed entries */ });
    choice.addEventListener('change', () => {
      window.location.assign(`/documents/${docId}/annotate` + (choice.value === 'me' ? '' : `?owner=${encodeURIComponent(choice.value)}`));
    });
    $('ws-layer-choice').hidden = false;
  }
}

/** A problem the user must act on, in red above the document. */
export function showAlert(text) {
  const el = $('ws-alert');
  el.className = 'ws-alert';
  el.textContent = text;
  el.hidden = false;
}

function showNotice(text) {
  const el = $('ws-alert');
  el.className = 'ws-banner';
  el.textContent = text;
  el.hidden = false;
}
