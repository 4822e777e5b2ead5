// The layer being edited: its spans and relations, the queue that saves every edit in order, and undo/redo.
//
// Spans and relations have a stable local key besides the server's id: undoing a delete recreates the span
// through the API, which gives it a new id, while history entries, relations and the view keep using the key.

import { send, HttpError } from './api.js';

let nextKey = 1;

export class LayerStore {
  constructor(doc) {
    this.doc = doc;
    this.spans = new Map(); // key → span, the live ones
    this.relations = new Map(); // key → relation, the live ones
    this.everySpan = new Map(); // key → span, also deleted ones (a queued save may still need their id)
    this.bySpan = new Map(); // span key → Set of relations touching it
    this.equivalenceOf = new Map(); // span key → {n, type}: brat's equivalence sets, shown as a shared badge
    this.eventArcs = new Map(); // key → {head: trigger span key, tail: argument's span key, label: role}
  }

  /** Replaces everything with a layer as the API answers it. */
  load(layer) {
    this.spans.clear();
    this.relations.clear();
    this.everySpan.clear();
    this.bySpan.clear();
    this.equivalenceOf.clear();
    this.eventArcs.clear();
    const byId = new Map();
    for (const s of layer.spans) {
      const span = this.spanFromServer(s);
      byId.set(s.id, span);
      this.putSpan(span);
    }
    for (const r of layer.relations) {
      const rel = this.relationFromServer(r, byId);
      if (rel) this.putRelation(rel);
    }
    (layer.equivalences || []).forEach((e, i) => {
      for (const id of e.spans) {
        const span = byId.get(id);
        if (span) this.equivalenceOf.set(span.key, { n: i + 1, type: e.type });
      }
    });
    // An event is drawn as arcs from its trigger, one per argument, labelled with the role; an argument that is
    // another event points at that event's trigger.
    const triggers = new Map((layer.events || []).map((ev) => [ev.id, byId.get(ev.trigger)]));
    for (const ev of layer.events || []) {
      const trigger = triggers.get(ev.id);
      ev.arguments.forEach((arg, i) => {
        const target = arg.span != null ? byId.get(arg.span) : triggers.get(arg.event);
        if (!trigger || !target) return;
        const key = `e${ev.id}.${i}`;
        this.eventArcs.set(key, { key, head: trigger.key, tail: target.key, label: arg.role, event: ev.type });
      });
    }
  }

  /** A span as the API answers it, with its server id; not in the store yet. */
  spanFromServer(s) {
    const span = this.makeSpan(s.start, s.end, s.label, s.attributes, s.note, s.fragments, s.links);
    span.id = s.id;
    return span;
  }

  /**
   * A relation as the API answers it, with its server id, between spans found by their server ids in spanById;
   * null when either span is missing. Not in the store yet.
   */
  relationFromServer(r, spanById) {
    const head = spanById.get(r.head);
    const tail = spanById.get(r.tail);
    if (!head || !tail) return null;
    const rel = this.makeRelation(head.key, tail.key, r.label, r.attributes, r.note);
    rel.id = r.id;
    return rel;
  }

  /** fragments: a discontinuous span's pieces [[start, end], ...] in code points, or null. */
  makeSpan(start, end, label, attributes, note, fragments, links) {
    return this.index({ key: 's' + nextKey++, id: null, start, end, label, attributes: attributes || {},
      note: note ?? null, fragments: fragments && fragments.length > 1 ? fragments : null, links: links || [] });
  }

  /** The span's UTF-16 offsets for drawing: outer bounds, and each piece's (f16) when it is discontinuous. */
  index(span) {
    span.s16 = this.doc.u16(span.start);
    span.e16 = this.doc.u16(span.end);
    span.f16 = span.fragments ? span.fragments.map(([s, e]) => [this.doc.u16(s), this.doc.u16(e)]) : null;
    return span;
  }

  makeRelation(head, tail, label, attributes, note) {
    return { key: 'r' + nextKey++, id: null, head, tail, label, attributes: attributes || {}, note: note ?? null };
  }

  putSpan(span) {
    this.spans.set(span.key, span);
    this.everySpan.set(span.key, span);
  }

  dropSpan(span) {
    this.spans.delete(span.key);
  }

  putRelation(rel) {
    this.relations.set(rel.key, rel);
    for (const k of [rel.head, rel.tail]) {
      let set = this.bySpan.get(k);
      if (!set) this.bySpan.set(k, set = new Set());
      set.add(rel);
    }
  }

  dropRelation(rel) {
    this.relations.delete(rel.key);
    for (const k of [rel.head, rel.tail]) this.bySpan.get(k)?.delete(rel);
  }

  relationsOf(spanKey) {
    const set = this.bySpan.get(spanKey);
    return set ? [...set] : [];
  }

  /** Spans in reading order (start, end). */
  ordered() {
    return [...this.spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  text(span) {
    if (span.f16) return span.f16.map(([s, e]) => this.doc.text.slice(s, e)).join(' … ');
    return this.doc.text.slice(span.s16, span.e16);
  }
}

/**
 * Sends writes one at a time, in order, each with the layer version it was made on. A failed send stays at the
 * head of the queue and is retried; a refused one (stale version, or not allowed) stops the queue and is reported.
 */
export class Saver {
  constructor(base, version, listener) {
    this.base = base;
    this.version = version;
    this.queue = [];
    this.busy = false;
    this.failures = 0;
    this.timer = null;
    this.listener = listener; // {state(kind, detail), refused(error, op, dropped)}
  }

  enqueue(op) {
    this.queue.push(op);
    this.pump();
  }

  get pending() {
    return this.queue.length;
  }

  retryNow() {
    clearTimeout(this.timer);
    this.timer = null;
    this.pump();
  }

  async pump() {
    if (this.busy || this.timer) return;
    this.busy = true;
    try {
      while (this.queue.length) {
        this.listener.state('saving', this.queue[0].what);
        const op = this.queue[0];
        let answer;
        try {
          answer = await op.run(this);
        } catch (e) {
          if (e instanceof HttpError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) {
            const dropped = this.queue.splice(0);
            this.failures = 0;
            this.listener.refused(e, op, dropped);
            return;
          }
          this.failures++;
          const wait = Math.min(15000, 1000 * 2 ** Math.min(this.failures - 1, 4));
          this.listener.state('failed', `${op.what}: not saved (${e.message}). Retrying in ${Math.round(wait / 1000)} s.`);
          this.timer = setTimeout(() => {
            this.timer = null;
            this.pump();
          }, wait);
          return;
        }
        if (answer && typeof answer.version === 'number') this.version = answer.version;
        this.failures = 0;
        this.queue.shift();
        op.done?.(answer);
      }
      this.listener.state('saved');
    } finally {
      this.busy = false;
    }
  }
}

/** Edits that change the store, the view and the server together. No history here: see History. */
export class Editor {
  constructor(store, view, saver, onChange) {
    Object.assign(this, { store, view, saver, onChange });
  }

  path(suffix) {
    return this.saver.base + suffix;
  }

  createSpan(span) {
    this.store.putSpan(span);
    this.view.spanAdded(span);
    this.changed();
    this.saver.enqueue({
      what: `Add ${span.label} “${this.store.text(span)}”`,
      run: (s) => send('POST', this.path('/spans'), { start: span.start, end: span.end, label: span.label,
        attributes: span.attributes, note: span.note, fragments: span.fragments, links: span.links }, s.version),
      done: (answer) => { span.id = answer.id; },
    });
  }

  /** Removes the span and its relations (the server deletes those itself); returns the relations. */
  deleteSpan(span) {
    const rels = this.store.relationsOf(span.key);
    for (const rel of rels) {
      this.store.dropRelation(rel);
      this.view.relationRemoved(rel);
    }
    this.view.spanRemoved(span);
    this.store.dropSpan(span);
    this.changed();
    this.saver.enqueue({
      what: `Delete ${span.label} “${this.store.text(span)}”`,
      run: (s) => send('DELETE', this.path('/spans/' + span.id), undefined, s.version),
    });
    return rels;
  }

  updateSpan(span, changes) {
    const moved = 'start' in changes || 'end' in changes || 'fragments' in changes;
    const before = moved ? { s16: span.s16, e16: span.e16 } : null;
    Object.assign(span, changes);
    if (before) this.store.index(span);
    this.view.spanChanged(span, before);
    this.changed();
    this.saver.enqueue({
      what: `Change ${span.label} “${this.store.text(span)}”`,
      run: (s) => send('PATCH', this.path('/spans/' + span.id), changes, s.version),
    });
  }

  createRelation(rel) {
    this.store.putRelation(rel);
    this.view.relationAdded(rel);
    this.changed();
    const head = this.store.everySpan.get(rel.head);
    const tail = this.store.everySpan.get(rel.tail);
    this.saver.enqueue({
      what: `Add relation ${rel.label}`,
      run: (s) => send('POST', this.path('/relations'), { head: head.id, tail: tail.id, label: rel.label,
        attributes: rel.attributes, note: rel.note }, s.version),
      done: (answer) => { rel.id = answer.id; },
    });
  }

  deleteRelation(rel) {
    this.view.relationRemoved(rel);
    this.store.dropRelation(rel);
    this.changed();
    this.saver.enqueue({
      what: `Delete relation ${rel.label}`,
      run: (s) => send('DELETE', this.path('/relations/' + rel.id), undefined, s.version),
    });
  }

  updateRelation(rel, changes) {
    Object.assign(rel, changes);
    this.view.relationChanged(rel);
    this.changed();
    this.saver.enqueue({
      what: `Change relation ${rel.label}`,
      run: (s) => send('PATCH', this.path('/relations/' + rel.id), changes, s.version),
    });
  }

  changed() {
    this.view.flush();
    this.onChange();
  }
}

/** Undo and redo of the session's edits; each entry knows how to undo and redo itself through the Editor. */
export class History {
  constructor(onChange) {
    this.done = [];
    this.undone = [];
    this.onChange = onChange;
  }

  push(entry) {
    this.done.push(entry);
    this.undone = [];
    this.onChange();
  }

  undo() {
    return this.move(this.done, this.undone, (entry) => entry.undo());
  }

  redo() {
    return this.move(this.undone, this.done, (entry) => entry.redo());
  }

  /** Applies the newest entry of one stack and moves it onto the other; null when there is none. */
  move(from, to, apply) {
    const entry = from.pop();
    if (!entry) return null;
    apply(entry);
    to.push(entry);
    this.onChange();
    return entry;
  }

  clear() {
    this.done = [];
    this.undone = [];
    this.onChange();
  }
}

export { HttpError };
