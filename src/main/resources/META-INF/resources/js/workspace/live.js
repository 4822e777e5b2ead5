// Live updates: the page listens to its document's event stream (server-sent events; on the server they come from
// PostgreSQL LISTEN/NOTIFY, so a change made through any app instance arrives). When the layer on screen gets a
// newer version elsewhere — another tab, another person — the page fetches it and merges it into the view as a
// remote change: spans keep their keys, so the selection and the session's undo history stay; undo never reverts
// someone else's edit. Local edits waiting to be saved go first: if one conflicts with the remote change, the server
// refuses it (412) and the usual conflict message shows — never a silent overwrite. After a dropped stream the
// browser reconnects, and the stream's first event (the current versions) tells the page what it missed.

import { getJson } from './api.js';

export class LiveUpdates {
  /** ws: the workspace; owner: the viewed layer's owner as events name it; onMerged(fresh): after a merge. */
  constructor(ws, owner, onMerged) {
    this.ws = ws;
    this.owner = owner;
    this.onMerged = onMerged;
    this.latest = null; // the layer's version as the stream last told it
    this.fetching = false;
    this.again = false;
    this.retry = 1000;
    this.el = document.getElementById('ws-live');
  }

  start() {
    this.connect();
  }

  connect() {
    const source = new EventSource(`/api/documents/${this.ws.docId}/events`);
    this.source = source;
    source.addEventListener('layers', (e) => {
      this.retry = 1000;
      this.state('live');
      const mine = JSON.parse(e.data).layers.find((l) => l.owner === this.owner);
      this.heard(mine ? mine.version : 0);
    });
    source.addEventListener('layer', (e) => {
      const change = JSON.parse(e.data);
      if (change.owner === this.owner) this.heard(change.version);
    });
    source.addEventListener('error', () => {
      this.state('reconnecting');
      // EventSource retries by itself after a dropped connection, but gives up after an HTTP error (a restarting
      // instance, an expired session): then a new one, later and later.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(() => this.connect(), this.retry);
        this.retry = Math.min(30000, this.retry * 2);
      }
    });
  }

  heard(version) {
    this.latest = version < 0 ? 0 : version; // -1: the layer was deleted; fetching it answers version 0
    this.check();
  }

  /** The save queue ran empty: a change heard meanwhile can be merged now. */
  saved() {
    this.check();
  }

  async check() {
    const { saver } = this.ws;
    if (this.latest === null || this.latest === saver.version) return;
    if (saver.pending > 0 || saver.busy) return; // saved() comes back here once the queue is empty
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = true;
    try {
      const fresh = await getJson(this.ws.layerUrl);
      if (saver.pending === 0 && !saver.busy && fresh.version !== saver.version) {
        mergeLayer(this.ws, fresh);
        saver.version = fresh.version;
        this.onMerged(fresh);
      }
    } catch {
      // the next event, or the next reconnect, tries again
    } finally {
      this.fetching = false;
    }
    if (this.again) {
      this.again = false;
      this.check();
    }
  }

  state(kind) {
    if (!this.el) return;
    this.el.dataset.state = kind;
    this.el.textContent = kind === 'live' ? 'Live' : 'Reconnecting…';
    this.el.title = kind === 'live' ? 'Changes made elsewhere appear here as they are saved'
      : 'The connection for live updates dropped; the page catches up when it is back';
  }
}

/**
 * Makes the store and the view show {@code fresh} (a layer as the API answers it), touching only what differs.
 * Matches by server id, so unchanged spans and relations keep their objects and keys.
 */
export function mergeLayer(ws, fresh) {
  const { store, view } = ws;
  const spanById = new Map();
  for (const span of store.spans.values()) if (span.id != null) spanById.set(span.id, span);
  const relById = new Map();
  for (const rel of store.relations.values()) if (rel.id != null) relById.set(rel.id, rel);
  const freshSpans = new Map(fresh.spans.map((s) => [s.id, s]));
  const freshRels = new Map(fresh.relations.map((r) => [r.id, r]));

  // Relations first (an arc needs both its spans to be erased), then spans.
  for (const rel of [...store.relations.values()]) {
    const r = freshRels.get(rel.id);
    const head = r && spanById.get(r.head);
    const tail = r && spanById.get(r.tail);
    if (!r || !head || !tail || head.key !== rel.head || tail.key !== rel.tail) {
      view.relationRemoved(rel);
      store.dropRelation(rel);
      relById.delete(rel.id);
    }
  }
  for (const span of [...store.spans.values()]) {
    if (!freshSpans.has(span.id)) {
      view.spanRemoved(span);
      store.dropSpan(span);
      spanById.delete(span.id);
    }
  }
  for (const s of fresh.spans) {
    let span = spanById.get(s.id);
    if (!span) {
      span = store.spanFromServer(s);
      store.putSpan(span);
      spanById.set(s.id, span);
      view.spanAdded(span);
      continue;
    }
    const moved = span.start !== s.start || span.end !== s.end
      || JSON.stringify(span.fragments ?? null) !== JSON.stringify(s.fragments ?? null);
    if (moved || span.label !== s.label || differs(span, s)) {
      const before = moved ? { s16: span.s16, e16: span.e16 } : null;
      Object.assign(span, { start: s.start, end: s.end, label: s.label, attributes: s.attributes || {},
        note: s.note ?? null, fragments: s.fragments && s.fragments.length > 1 ? s.fragments : null,
        links: s.links || [] });
      if (moved) store.index(span);
      view.spanChanged(span, before);
    }
  }
  for (const r of fresh.relations) {
    const rel = relById.get(r.id);
    if (!rel) {
      const added = store.relationFromServer(r, spanById);
      if (!added) continue;
      store.putRelation(added);
      view.relationAdded(added);
    } else if (rel.label !== r.label || differs(rel, r)) {
      Object.assign(rel, { label: r.label, attributes: r.attributes || {}, note: r.note ?? null });
      view.relationChanged(rel);
    }
  }

  if (ws.selected && !store.spans.has(ws.selected) && !store.relations.has(ws.selected)) ws.act.select(null);
  if (ws.relateFrom && !store.spans.has(ws.relateFrom.key)) ws.relateFrom = null;
  view.flush();
  ws.panel.changed();
}

function differs(local, remote) {
  return (local.note ?? null) !== (remote.note ?? null)
    || JSON.stringify(local.attributes || {}) !== JSON.stringify(remote.attributes || {})
    || (remote.links !== undefined && JSON.stringify(local.links || []) !== JSON.stringify(remote.links || []));
}
