// The annotation workspace: loads the document, the schema and the layer once, draws them, and turns mouse and
// keyboard into edits that are saved at once (see store.js) and can be undone.

import { getJson, send } from './api.js';
import { DocumentText } from './text.js';
import { DocumentView } from './view.js';
import { LayerStore, Saver, Editor, History } from './store.js';
import { openMenu, closeMenu, menuOpen } from './menu.js';
import { Panel } from './panel.js';
import { renderMarkdown } from './markdown.js';

const $ = (id) => document.getElementById(id);
const root = $('workspace');
const docId = root.dataset.document;
const projectId = root.dataset.project;
const owner = root.dataset.owner;
const layerUrl = `/api/documents/${docId}/layers/${encodeURIComponent(owner)}`;

class Schema {
  constructor(s) {
    this.entityTypes = s.entityTypes || [];
    this.relationTypes = s.relationTypes || [];
    this.attributes = s.attributes || [];
    this.relationMenu = s.relationMenu || { any: [], pairs: {} };
    this.entity = new Map(this.entityTypes.map((t, index) => [t.name, { ...t, index }]));
    this.relation = new Map(this.relationTypes.map((t) => [t.name, { ...t, color: t.color || '#555555' }]));
    const css = this.entityTypes.map((t, i) => `.t${i}{--c:${safeColor(t.color)};--lc:${textColorOn(t.color)}}`).join('\n');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css + '\n.tx0{--c:#888;--lc:#fff}');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }

  entityClass(name) {
    const t = this.entity.get(name);
    return t ? 't' + t.index : 'tx0';
  }

  relationColor(name) {
    return this.relation.get(name)?.color || '#555555';
  }

  arrow(name) {
    return this.relation.get(name)?.directed === false ? '↔' : '→';
  }

  /** Relation types whose allowed pairs fit a span of type a then one of type b; reversed: b is the head. */
  relationTypesFor(a, b) {
    // The server works the pairs out (relationMenu), so the rule lives in one place (SchemaRules).
    const listed = this.relationMenu.pairs[`${a}\t${b}`] || [];
    return this.relationTypes.flatMap((type) => (this.relationMenu.any.includes(type.name)
      ? [{ type, reversed: false }]
      : listed.filter((c) => c.name === type.name).map((c) => ({ type, reversed: c.reversed }))));
  }
}

function safeColor(c) {
  return /^#[0-9a-fA-F]{6}$/.test(c || '') ? c : '#888888';
}

function textColorOn(c) {
  const hex = safeColor(c);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 160 ? '#1d2330' : '#ffffff';
}

start().catch((e) => {
  showAlert(`The workspace could not be loaded: ${e.message}`);
  $('ws-save').textContent = 'Not loaded';
});

async function start() {
  const queueUrl = `/api/projects/${projectId}/queue?after=${docId}`;
  const [document_, project, layer, queue] = await Promise.all([
    getJson(`/api/documents/${docId}`), getJson(`/api/projects/${projectId}`), getJson(layerUrl),
    getJson(queueUrl).catch(() => null)]);
  performance.mark('relata-workspace-data');
  const doc = new DocumentText(document_.text);
  const schema = new Schema(project.schema || {});
  const store = new LayerStore(doc);
  store.load(layer);
  const editable = layer.editable !== false;
  const docEl = $('ws-doc');
  const wrap = docEl.parentElement;
  const view = new DocumentView(docEl, doc, { entity: schema.entity, relation: schema.relation }, store);
  view.build();

  let status = layer.status;
  let selected = null;
  let relateFrom = null; // a span picked with Enter as the first end of a new relation
  const history = new History(() => {
    $('ws-undo').disabled = !editable || history.done.length === 0;
    $('ws-redo').disabled = !editable || history.undone.length === 0;
  });
  const idleWaiters = [];
  const saver = new Saver(layerUrl, layer.version, {
    state(kind, detail) {
      const el = $('ws-save');
      el.className = 'ws-save ' + kind;
      el.textContent = kind === 'saving' ? 'Saving…' : kind === 'saved' ? 'All changes saved' : `Save failed — ${detail}`;
      $('ws-retry').hidden = kind !== 'failed';
      if (kind === 'saved') {
        if (status === 'NEW') setStatus('IN_PROGRESS');
        idleWaiters.splice(0).forEach((resolve) => resolve());
      }
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
  const whenSaved = () => (saver.pending === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r)));
  const editor = new Editor(store, view, saver, () => panel && panel.changed());

  async function reload() {
    const fresh = await getJson(layerUrl);
    store.load(fresh);
    saver.version = fresh.version;
    setStatus(fresh.status);
    history.clear();
    selected = null;
    view.select(null);
    view.reset();
    panel.changed();
    const el = $('ws-save');
    el.className = 'ws-save saved';
    el.textContent = 'Current state loaded';
  }

  // --- actions, each one undoable ---
  const say = (text) => { $('ws-announce').textContent = text; };
  const quote = (span) => `${span.label} “${store.text(span)}”`;

  const act = {
    select(key, scroll) {
      selected = key && (store.spans.has(key) || store.relations.has(key)) ? key : null;
      view.select(selected);
      panel.show(selected);
      if (selected && scroll) {
        view.ensureDrawn(selected);
        view.firstElementOf(selected)?.scrollIntoView({ block: 'nearest' });
        const span = store.spans.get(selected);
        say(span ? `Selected ${quote(span)}.` : `Selected relation ${store.relations.get(selected).label}.`);
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
  };

  function change(item, before, after, apply) {
    apply(item, after);
    history.push({ undo: () => apply(item, before), redo: () => apply(item, after) });
  }

  const panel = new Panel($('ws-panel'), { store, schema, editable, act });

  // --- mouse ---
  function selectionOffsets() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    const s = view.offsetOf(r.startContainer, r.startOffset);
    const e = view.offsetOf(r.endContainer, r.endOffset);
    if (s < 0 || e < 0 || e <= s) return null;
    const exact = $('ws-exact').checked;
    const snapped = exact ? doc.trim(s, e) : doc.snapToWords(s, e);
    if (!snapped) return null;
    return { ...snapped, rect: r.getBoundingClientRect() };
  }

  function openLabelMenu(range) {
    const box = wrap.getBoundingClientRect();
    view.showPending(range.start, range.end);
    openMenu(wrap, {
      x: range.rect.left - box.left,
      y: range.rect.bottom - box.top + 4,
      title: `Label “${doc.text.slice(range.start, range.end).slice(0, 40)}”`,
      filterLabel: 'Filter entity types',
      empty: 'No entity type matches.',
      items: schema.entityTypes.map((t) => ({ name: t.name, color: safeColor(t.color), hotkey: t.hotkey, value: t.name })),
      onPick: (label) => act.addSpan(range.start, range.end, label),
      onClose: () => {
        view.clearPending();
        window.getSelection()?.removeAllRanges();
        docEl.focus({ preventScroll: true });
      },
    });
  }

  function openRelationMenu(head, tail) {
    const choices = schema.relationTypesFor(head.label, tail.label);
    const target = view.firstElementOf(tail.key) || docEl;
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
      onPick: (v) => act.addRelation(v.h, v.t, v.label),
      onClose: () => docEl.focus({ preventScroll: true }),
    });
  }

  /** A click on a span: select it, or with Shift and another span selected, relate the two. */
  function clickSpan(key, shift) {
    const span = store.spans.get(key);
    const from = selected && store.spans.get(selected);
    if (shift && editable && from && from !== span) {
      openRelationMenu(from, span);
    } else {
      act.select(key);
    }
  }

  // A press on a label or an arc, or a Shift+press on a span's text while a span is selected, picks annotations:
  // it must not start or extend a text selection.
  docEl.addEventListener('mousedown', (e) => {
    if (e.button !== 0) return;
    const onAnnotation = e.target.closest('.ws-lb, .ws-rel');
    const relating = e.shiftKey && selected && store.spans.has(selected) && spanUnder(e);
    if (onAnnotation || relating) {
      e.preventDefault();
      docEl.focus({ preventScroll: true });
    }
    const label = e.target.closest('.ws-lb');
    if (label && editable) startDrag(label.parentElement.dataset.k, e);
  });

  // Dragging from one span's label to another's makes a relation between them, as Shift+click does.
  let dragged = false;
  function startDrag(fromKey, down) {
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    line.setAttribute('class', 'ws-drag');
    const box = () => docEl.getBoundingClientRect();
    const x0 = down.clientX - box().left;
    const y0 = down.clientY - box().top;
    let moving = false;
    const move = (e) => {
      if (!moving && Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < 6) return;
      if (!moving) {
        moving = true;
        view.svg.append(line);
      }
      const b = box();
      line.setAttribute('x1', x0);
      line.setAttribute('y1', y0);
      line.setAttribute('x2', e.clientX - b.left);
      line.setAttribute('y2', e.clientY - b.top);
    };
    const up = (e) => {
      document.removeEventListener('mousemove', move);
      document.removeEventListener('mouseup', up, true);
      line.remove();
      if (!moving) return;
      dragged = true; // the click that follows this mouseup is part of the drag
      setTimeout(() => { dragged = false; }, 0);
      const target = e.target.closest && e.target.closest('.ws-lb');
      const from = store.spans.get(fromKey);
      const to = target && store.spans.get(target.parentElement.dataset.k);
      if (from && to && from !== to) {
        act.select(from.key);
        openRelationMenu(from, to);
      }
    };
    document.addEventListener('mousemove', move);
    document.addEventListener('mouseup', up, true);
  }

  function spanUnder(e) {
    const pos = caretAt(e.clientX, e.clientY);
    const at = pos ? view.offsetOf(pos.node, pos.offset) : -1;
    return at >= 0 ? view.spanAt(at) : null;
  }

  docEl.addEventListener('mouseup', (e) => {
    if (!editable || e.button !== 0 || menuOpen() || e.target.closest('.ws-lb, .ws-rel')) return;
    const range = selectionOffsets();
    if (range) openLabelMenu(range);
  });

  docEl.addEventListener('click', (e) => {
    if (menuOpen() || dragged) return;
    const label = e.target.closest('.ws-lb');
    if (label) {
      clickSpan(label.parentElement.dataset.k, e.shiftKey);
      return;
    }
    const arc = e.target.closest('.ws-rel');
    if (arc) {
      act.select(arc.dataset.k);
      return;
    }
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const span = spanUnder(e);
    if (span) clickSpan(span.key, e.shiftKey);
    else act.select(null);
  });

  docEl.addEventListener('mouseover', (e) => {
    const el = e.target.closest('.ws-sp, .ws-rel');
    const key = el ? el.dataset.k : null;
    if (key !== view.hovered) {
      view.hovered = key;
      view.hover(key);
    }
  });
  docEl.addEventListener('mouseleave', () => {
    view.hovered = null;
    view.hover(null);
  });

  // --- keyboard ---
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const typing = t instanceof HTMLTextAreaElement
      || (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(t.type));
    if (typing || menuOpen()) return; // text fields keep their own keys, Ctrl+Z included
    const ctrl = e.ctrlKey || e.metaKey;
    const inForm = t instanceof HTMLSelectElement || t instanceof HTMLInputElement;
    if (inForm && !(ctrl && /^[zZy]$/.test(e.key))) return;
    if (ctrl && (e.key === 'z' || e.key === 'Z')) {
      e.preventDefault();
      if (!editable) return;
      const entry = e.shiftKey ? history.redo() : history.undo();
      if (selected && !store.spans.has(selected) && !store.relations.has(selected)) act.select(null);
      say(entry ? (e.shiftKey ? 'Redone.' : 'Undone.') : (e.shiftKey ? 'Nothing to redo.' : 'Nothing to undo.'));
      return;
    }
    if (ctrl && e.key === 'y') {
      e.preventDefault();
      if (editable && history.redo()) say('Redone.');
      return;
    }
    if (ctrl || e.altKey) return;
    if (e.key === 'Escape') {
      relateFrom = null;
      act.select(null);
      window.getSelection()?.removeAllRanges();
      return;
    }
    const inDoc = t === docEl || docEl.contains(t) || t === document.body;
    if (!inDoc) return;
    if (e.key === 'Tab' || ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && selected)) {
      const back = e.key === 'Tab' ? e.shiftKey : e.key === 'ArrowLeft';
      if (moveSelection(back)) e.preventDefault();
      return;
    }
    const span = selected && store.spans.get(selected);
    const rel = selected && store.relations.get(selected);
    // Enter on a span starts a relation from it; Tab to the other span, Enter again opens the relation menu.
    if (e.key === 'Enter' && span && editable) {
      e.preventDefault();
      if (relateFrom && relateFrom !== span && store.spans.has(relateFrom.key)) {
        const from = relateFrom;
        relateFrom = null;
        openRelationMenu(from, span);
      } else {
        relateFrom = span;
        say(`Relation from ${quote(span)}: move to the other span with Tab and press Enter (Esc cancels).`);
      }
      return;
    }
    if ((e.key === 'Delete' || e.key === 'Backspace') && editable && (span || rel)) {
      e.preventDefault();
      if (span) act.deleteSpan(span);
      else act.deleteRelation(rel);
      return;
    }
    if (e.key.length !== 1 || !editable) return;
    const range = selectionOffsets();
    const type = schema.entityTypes.find((x) => x.hotkey && x.hotkey === e.key);
    if (range && type) {
      e.preventDefault();
      act.addSpan(range.start, range.end, type.name);
      window.getSelection()?.removeAllRanges();
    } else if (span && type) {
      e.preventDefault();
      act.relabelSpan(span, type.name);
    } else if (rel) {
      const rtype = schema.relationTypes.find((x) => x.hotkey && x.hotkey === e.key);
      const h = store.spans.get(rel.head);
      const tl = store.spans.get(rel.tail);
      if (rtype && schema.relationTypesFor(h.label, tl.label).some((c) => c.type.name === rtype.name && !c.reversed)) {
        e.preventDefault();
        act.relabelRelation(rel, rtype.name);
      }
    }
  });

  /** Tab / Shift+Tab: the next or previous span in reading order; false at either end, so focus can leave. */
  function moveSelection(back) {
    const spans = store.ordered();
    if (spans.length === 0) return false;
    const current = selected && store.spans.get(selected);
    let i;
    if (!current) {
      i = back ? spans.length - 1 : 0;
    } else {
      i = spans.indexOf(current) + (back ? -1 : 1);
      if (i < 0 || i >= spans.length) return false;
    }
    act.select(spans[i].key, true);
    return true;
  }

  // --- toolbar ---
  $('ws-undo').addEventListener('click', () => { history.undo(); if (selected && !store.spans.has(selected) && !store.relations.has(selected)) act.select(null); });
  $('ws-redo').addEventListener('click', () => history.redo());
  $('ws-retry').addEventListener('click', () => saver.retryNow());
  const guidelines = $('ws-guidelines');
  guidelines.append(project.guidelines && project.guidelines.trim()
    ? renderMarkdown(project.guidelines) : Object.assign(document.createElement('p'), { className: 'muted', textContent: 'This project has no guidelines yet.' }));
  $('ws-guidelines-toggle').addEventListener('click', (e) => {
    guidelines.hidden = !guidelines.hidden;
    e.currentTarget.setAttribute('aria-expanded', String(!guidelines.hidden));
  });

  function setStatus(s) {
    status = s;
    const badge = $('ws-layer-status');
    badge.textContent = s === 'DONE' ? 'Done' : s === 'IN_PROGRESS' ? 'In progress' : 'New';
    badge.className = 'badge ' + s;
    $('ws-done').hidden = !editable || s === 'DONE';
    $('ws-reopen').hidden = !editable || s !== 'DONE';
  }
  setStatus(status);

  function showProgress(q) {
    if (q) $('ws-progress').textContent = `${q.done} of ${q.total} done`;
  }
  showProgress(queue);

  async function goNext() {
    if (saver.pending > 0) say('Opening the next document once every change is saved…');
    await whenSaved();
    const q = await getJson(`/api/projects/${projectId}/queue?after=${docId}`);
    showProgress(q);
    if (q.next) {
      window.location.assign(`/documents/${q.next.id}/annotate`);
    } else {
      say('All documents of your queue are done.');
      showAlertOk('All documents of your queue are done.');
    }
  }

  function putStatus(s, then) {
    saver.enqueue({
      what: s === 'DONE' ? 'Mark done' : 'Reopen',
      run: (sv) => send('PUT', layerUrl + '/status', { status: s }, sv.version),
      done: () => { setStatus(s); then?.(); },
    });
  }
  $('ws-done').addEventListener('click', () => putStatus('DONE', goNext));
  $('ws-reopen').addEventListener('click', () => putStatus('IN_PROGRESS'));
  $('ws-next').addEventListener('click', () => goNext());

  // Curators and managers switch between their own layer, gold, suggestions and each member's layer (read-only).
  if (project.role === 'CURATOR' || project.role === 'MANAGER') {
    const choice = $('ws-layer');
    const options = [['me', 'Mine'], ['gold', 'Gold'], ['suggestions', 'Suggestions']];
    if (!options.some(([v]) => v === owner)) options.push([owner, owner]);
    for (const [value, text] of options) {
      choice.append(Object.assign(document.createElement('option'), { value, textContent: text, selected: value === owner }));
    }
    getJson(`/api/projects/${projectId}/members`).then((members) => {
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

  if (!editable) {
    const banner = $('ws-readonly');
    banner.hidden = false;
    banner.textContent = `Read-only: the annotations of ${layer.owner}. You can look, not change.`;
    $('ws-exact').disabled = true;
  }
  window.addEventListener('beforeunload', (e) => {
    if (saver.pending > 0) e.preventDefault();
  });

  $('ws-save').className = 'ws-save saved';
  $('ws-save').textContent = editable ? 'All changes saved' : 'Read-only';
  history.onChange();
  // Ready once the first frame with the document is painted: the benchmark reads these marks.
  root.dataset.ready = 'true';
  performance.mark('relata-workspace-built');
  requestAnimationFrame(() => setTimeout(() => {
    performance.mark('relata-workspace-ready');
    window.relataWorkspace = { readyAt: performance.now(), view, store, act, editor, saver };
    document.dispatchEvent(new CustomEvent('relata:workspace-ready'));
  }, 0));
}

function caretAt(x, y) {
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function showAlert(text) {
  const el = $('ws-alert');
  el.className = 'ws-alert';
  el.textContent = text;
  el.hidden = false;
}

function showAlertOk(text) {
  const el = $('ws-alert');
  el.className = 'ws-banner';
  el.textContent = text;
  el.hidden = false;
}
