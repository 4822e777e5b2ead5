// The shortcut help: an overlay (? or the Keys button) listing every key of the workspace. It is written from the
// tables that bind the keys (keys.js, menu.js) and from the project's types, so it cannot drift from them.

import { WORKSPACE_KEYS } from './keys.js';
import { MENU_KEYS } from './menu.js';
import { display } from './shortcuts.js';

const PLACE = { control: '', page: '', doc: '', text: 'In the text: ' };

export class KeyHelp {
  constructor(schema) {
    this.schema = schema;
    this.dialog = null;
  }

  open() {
    if (!this.dialog) this.dialog = this.build();
    if (!this.dialog.open) this.dialog.showModal();
  }

  build() {
    const dialog = document.createElement('dialog');
    dialog.className = 'ws-keys';
    dialog.setAttribute('aria-labelledby', 'ws-keys-title');
    const title = Object.assign(document.createElement('h2'), { id: 'ws-keys-title', textContent: 'Keys' });
    const close = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Close' });
    close.addEventListener('click', () => dialog.close());
    dialog.append(title,
      table('In the workspace', WORKSPACE_KEYS.map((b) => [b.keys.map(display), PLACE[b.where] + b.does])),
      table('In the label and relation menus', MENU_KEYS.map((b) => [b.keys.map(display), b.does])),
      table('Entity types', this.schema.entityTypes.filter((t) => t.hotkey).map((t) => [[t.hotkey], t.name])),
      table('Relation types', this.schema.relationTypes.filter((t) => t.hotkey).map((t) => [[t.hotkey], t.name])),
      close);
    document.body.append(dialog);
    return dialog;
  }
}

/** A captioned table of keys and what they do; nothing when there are no rows. */
function table(caption, rows) {
  if (rows.length === 0) return '';
  const el = document.createElement('table');
  el.append(Object.assign(document.createElement('caption'), { textContent: caption }));
  for (const [keys, does] of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    keys.forEach((k, i) => {
      if (i > 0) th.append(' or ');
      th.append(Object.assign(document.createElement('kbd'), { textContent: k }));
    });
    tr.append(th, Object.assign(document.createElement('td'), { textContent: does }));
    el.append(tr);
  }
  return el;
}
