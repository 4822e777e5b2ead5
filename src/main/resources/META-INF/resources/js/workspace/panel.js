// The side panel: the selected span or relation with its label, attributes and note, then the lists of all
// spans and relations (click to select). Lists are built only while open, first after the document's first frame
// (showLists), and rebuilt after a pause in editing, so a document with thousands of spans opens and edits at the
// speed of the text view.

import { safeColor, textColorOn } from './schema.js';

export class Panel {
  constructor(el, ctx) {
    this.el = el;
    this.ctx = ctx; // {store, schema, editable, act: {...}}
    this.selected = null;
    this.editor = section('Selected', 'ws-selected-heading');
    this.spanList = details('Spans', 'ws-span-list');
    this.relList = details('Relations', 'ws-relation-list');
    el.append(this.editor.el, this.spanList.el, this.relList.el);
    const small = ctx.store.spans.size <= 300;
    this.spanList.el.open = small;
    this.relList.el.open = small;
    this.listed = null; // which lists were open when they were last built; null: not built yet
    // Setting `open` above queues a toggle event too: only a list opened or closed since it was built is rebuilt.
    const toggled = () => {
      if (this.listed && this.listed !== this.openLists()) this.refreshLists();
    };
    this.spanList.el.addEventListener('toggle', toggled);
    this.relList.el.addEventListener('toggle', toggled);
    this.timer = null;
    this.show(null);
    this.showCounts();
  }

  /** Builds the open lists: called once the document is on screen (hundreds of rows need not delay it). */
  showLists() {
    if (!this.listed) this.refreshLists();
  }

  /** The store changed: redraw the selection now and the lists after a pause. */
  changed() {
    this.show(this.selected);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.listed) this.refreshLists();
    }, 150);
  }

  openLists() {
    return `${this.spanList.el.open},${this.relList.el.open}`;
  }

  showCounts() {
    const { store } = this.ctx;
    this.spanList.count.textContent = ` (${store.spans.size})`;
    this.relList.count.textContent = ` (${store.relations.size})`;
  }

  refreshLists() {
    const { store } = this.ctx;
    this.listed = this.openLists();
    this.showCounts();
    if (this.spanList.el.open) {
      const items = store.ordered().map((span) => this.item(span.key, span.label, store.text(span),
        this.ctx.schema.entityClass(span.label)));
      this.spanList.list.replaceChildren(...items);
    } else {
      this.spanList.list.replaceChildren();
    }
    if (this.relList.el.open) {
      const items = [...store.relations.values()].map((rel) => {
        const h = store.spans.get(rel.head);
        const t = store.spans.get(rel.tail);
        return this.item(rel.key, rel.label, `${store.text(h)} ${this.ctx.schema.arrow(rel.label)} ${store.text(t)}`, null,
          this.ctx.schema.relationColor(rel.label));
      });
      this.relList.list.replaceChildren(...items);
    } else {
      this.relList.list.replaceChildren();
    }
  }

  item(key, label, quote, cls, color) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.k = key;
    b.setAttribute('aria-label', `${label} ${quote}`);
    if (key === this.selected) b.setAttribute('aria-current', 'true');
    const chip = document.createElement('span');
    chip.className = 'ws-chip' + (cls ? ' ' + cls : '');
    if (color) {
      chip.style.setProperty('--c', safeColor(color));
      chip.style.setProperty('--lc', textColorOn(color));
    }
    chip.textContent = label;
    const q = document.createElement('span');
    q.className = 'ws-quote';
    q.textContent = quote;
    b.append(chip, q);
    b.addEventListener('click', () => this.ctx.act.select(key, true));
    li.append(b);
    return li;
  }

  show(key) {
    this.selected = key;
    for (const b of this.el.querySelectorAll('li button[aria-current]')) b.removeAttribute('aria-current');
    if (key) this.el.querySelector(`li button[data-k="${key}"]`)?.setAttribute('aria-current', 'true');
    const { store } = this.ctx;
    const body = this.editor.body;
    body.replaceChildren();
    const span = key && store.spans.get(key);
    const rel = key && store.relations.get(key);
    if (span) {
      this.editor.title.textContent = 'Selected span';
      this.spanEditor(body, span);
    } else if (rel) {
      this.editor.title.textContent = 'Selected relation';
      this.relationEditor(body, rel);
    } else {
      this.editor.title.textContent = 'Selected';
      body.append(para('Nothing selected. Click a label or an arc, or press Tab.', 'muted'));
    }
  }

  spanEditor(body, span) {
    const { store, schema, act, editable } = this.ctx;
    body.append(para(`“${store.text(span)}” · ${span.start}–${span.end}`, 'ws-quote'));
    const select = labelled(body, 'Label', 'ws-edit-label', document.createElement('select'));
    for (const t of schema.entityTypes) select.append(option(t.name, t.name, t.name === span.label));
    select.disabled = !editable;
    select.addEventListener('change', () => act.relabelSpan(span, select.value));
    this.attributes(body, span, 'span', (attrs) => act.setSpanAttributes(span, attrs));
    this.note(body, span, (note) => act.setSpanNote(span, note));
    if (span.fragments) {
      body.append(para(`In ${span.fragments.length} pieces: ${span.fragments.map(([s, e]) => `${s}–${e}`).join(', ')}`,
        'muted'));
    } else if (editable) {
      body.append(para('To add another piece, hold Alt and select more text.', 'muted'));
    }
    const set = store.equivalenceOf.get(span.key);
    if (set) body.append(para(`≡${set.n}: ${set.type} set (the same thing as the other spans marked ≡${set.n}).`, 'muted'));
    this.links(body, span);
    const rels = store.relationsOf(span.key).length;
    const row = div('ws-row');
    if (editable) {
      row.append(button('Delete span', 'danger', () => act.deleteSpan(span)));
    }
    body.append(row);
    if (rels) body.append(para(`${rels} relation${rels === 1 ? '' : 's'}.`, 'muted'));
  }

  relationEditor(body, rel) {
    const { store, schema, act, editable } = this.ctx;
    const h = store.spans.get(rel.head);
    const t = store.spans.get(rel.tail);
    body.append(para(`“${store.text(h)}” ${schema.arrow(rel.label)} “${store.text(t)}”`, 'ws-quote'));
    const select = labelled(body, 'Label', 'ws-edit-label', document.createElement('select'));
    const allowed = schema.relationTypesFor(h.label, t.label).filter((c) => !c.reversed).map((c) => c.type.name);
    if (!allowed.includes(rel.label)) allowed.unshift(rel.label);
    for (const name of allowed) select.append(option(name, name, name === rel.label));
    select.disabled = !editable;
    select.addEventListener('change', () => act.relabelRelation(rel, select.value));
    this.attributes(body, rel, 'relation', (attrs) => act.setRelationAttributes(rel, attrs));
    this.note(body, rel, (note) => act.setRelationNote(rel, note));
    const row = div('ws-row');
    row.append(button('Select head', 'secondary', () => act.select(rel.head, true)),
      button('Select tail', 'secondary', () => act.select(rel.tail, true)));
    if (editable) row.append(button('Delete relation', 'danger', () => act.deleteRelation(rel)));
    body.append(row);
  }

  attributes(body, item, on, save) {
    const { schema, editable } = this.ctx;
    for (const def of schema.attributes.filter((a) => a.on === on)) {
      const id = `ws-attr-${on}-${def.name}`;
      if (def.values === null || def.values === undefined) {
        const label = document.createElement('label');
        label.className = 'ws-check';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.id = id;
        box.checked = item.attributes[def.name] === true;
        box.disabled = !editable;
        box.addEventListener('change', () => {
          const attrs = { ...item.attributes };
          if (box.checked) attrs[def.name] = true;
          else delete attrs[def.name];
          save(attrs);
        });
        label.append(box, document.createTextNode(def.name));
        body.append(label);
      } else {
        const select = labelled(body, def.name, id, document.createElement('select'));
        select.append(option('', '(not set)', item.attributes[def.name] === undefined));
        for (const v of def.values) select.append(option(v, v, item.attributes[def.name] === v));
        select.disabled = !editable;
        select.addEventListener('change', () => {
          const attrs = { ...item.attributes };
          if (select.value === '') delete attrs[def.name];
          else attrs[def.name] = select.value;
          save(attrs);
        });
      }
    }
  }

  /** The span's entity links: each can be changed or removed; a small form adds one (or saves the one changed). */
  links(body, span) {
    const { act, editable, schema } = this.ctx;
    const heading = document.createElement('h3');
    heading.textContent = 'Entity links';
    const list = document.createElement('ul');
    list.className = 'ws-links';
    list.setAttribute('aria-label', 'Entity links');
    body.append(heading, list);
    let editing = -1;
    span.links.forEach((link, i) => {
      const li = document.createElement('li');
      const name = `${link.resource}:${link.id}`;
      li.append(text(name + (link.text ? ` “${link.text}”` : '')));
      if (editable) {
        li.append(button('Change', 'secondary', () => {
          editing = i;
          resource.value = link.resource;
          id.value = link.id;
          label.value = link.text || '';
          save.textContent = 'Save link';
          id.focus();
        }), button('Remove', 'secondary', () => act.setSpanLinks(span, span.links.filter((_, n) => n !== i))));
        li.lastChild.setAttribute('aria-label', `Remove link ${name}`);
        li.lastChild.previousSibling.setAttribute('aria-label', `Change link ${name}`);
      }
      list.append(li);
    });
    if (span.links.length === 0) list.append(Object.assign(document.createElement('li'), { textContent: 'None.' }));
    if (!editable) return;
    let resource;
    if (schema.linkResources.length > 0) {
      resource = labelled(body, 'Resource', 'ws-link-resource', document.createElement('select'));
      for (const r of schema.linkResources) resource.append(option(r, r, false));
    } else {
      resource = labelled(body, 'Resource', 'ws-link-resource', document.createElement('input'));
      resource.placeholder = 'Wikidata';
    }
    const id = labelled(body, 'Id', 'ws-link-id', document.createElement('input'));
    id.placeholder = 'Q30';
    const label = labelled(body, 'Text (optional)', 'ws-link-text', document.createElement('input'));
    const save = button('Add link', 'secondary', () => {
      const link = { resource: resource.value.trim(), id: id.value.trim(), text: label.value.trim() || null };
      if (!link.resource || !link.id) {
        (link.resource ? id : resource).focus();
        return;
      }
      const links = [...span.links];
      if (editing >= 0) links[editing] = link;
      else links.push(link);
      act.setSpanLinks(span, links);
    });
    body.append(save);
  }

  note(body, item, save) {
    const area = labelled(body, 'Note', 'ws-edit-note', document.createElement('textarea'));
    area.value = item.note || '';
    area.readOnly = !this.ctx.editable;
    // Saved when the field is left, not per keystroke: one edit, one undo step.
    area.addEventListener('change', () => save(area.value.trim() === '' ? null : area.value));
  }
}

function section(title) {
  const el = document.createElement('section');
  const h = document.createElement('h2');
  h.textContent = title;
  const body = document.createElement('div');
  el.append(h, body);
  el.setAttribute('aria-label', 'Selected annotation');
  return { el, title: h, body };
}

function details(title, id) {
  const el = document.createElement('details');
  const summary = document.createElement('summary');
  const count = document.createElement('span');
  summary.append(title, count);
  const list = document.createElement('ul');
  list.id = id;
  list.setAttribute('aria-label', title);
  el.append(summary, list);
  return { el, list, count };
}

function para(text, cls) {
  const p = document.createElement('p');
  p.textContent = text;
  if (cls) p.className = cls;
  return p;
}

function text(content) {
  const s = document.createElement('span');
  s.textContent = content;
  return s;
}

function div(cls) {
  const d = document.createElement('div');
  d.className = cls;
  return d;
}

function labelled(body, text, id, control) {
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = text;
  control.id = id;
  body.append(label, control);
  return control;
}

function option(value, text, selected) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  o.selected = selected;
  return o;
}

function button(text, cls, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}
