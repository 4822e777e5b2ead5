// A small pop-up menu: a filter field, then one item per choice with its colour and hotkey. It opens with focus on
// the list, where a type's key picks that type; / (or a click) moves to the filter, where every key filters and
// Enter takes the first match. Arrows move, Escape closes. The keys are in MENU_KEYS, which the help lists.

import { dispatch } from './shortcuts.js';

let open = null;

const inFilter = (m) => document.activeElement === m.filter;

/** The menu's keys; the context is the open menu: its filter, its visible items and pick(). */
export const MENU_KEYS = [
  { keys: ['Escape'], does: 'Close the menu', run: () => closeMenu() },
  { keys: ['ArrowDown', 'ArrowUp'], does: 'Move through the types', run: (m, e) => m.step(e.key === 'ArrowDown' ? 1 : -1) },
  { keys: ['Enter'], does: 'Take the highlighted type (in the filter: the first match)', run: (m) => m.take() },
  { keys: ['/'], does: 'Filter the types by name', applies: (m) => !inFilter(m), run: (m) => m.filter.focus() },
  { keys: ['Tab', 'Shift+Tab'], does: 'Between the filter and the list', run: (m, e) => m.cycle(e.shiftKey ? -1 : 1) },
  { keys: ['Letter'], does: 'Take the type with this key (not in the filter: there every key filters)',
    applies: (m) => !inFilter(m), run: (m, e) => m.hotkey(e.key) },
];

export function closeMenu() {
  if (open) {
    const { el, onClose, outside } = open;
    open = null;
    document.removeEventListener('mousedown', outside, true);
    el.remove();
    onClose?.();
  }
}

export function menuOpen() {
  return open !== null;
}

/**
 * host: positioned element to put the menu in; x, y: where, relative to host. items: [{name, hint, color,
 * hotkey, value}]. onPick(value). Returns the menu element.
 */
export function openMenu(host, { x, y, title, items, onPick, onClose, filterLabel = 'Filter', empty = 'Nothing fits.' }) {
  closeMenu();
  const el = document.createElement('div');
  el.className = 'ws-menu';
  // The filter sits beside the menu, not in it: a menu holds only its items (axe: aria-required-children).
  const list = document.createElement('div');
  list.setAttribute('role', 'menu');
  list.setAttribute('aria-label', title);
  el.style.left = Math.max(0, x) + 'px';
  el.style.top = y + 'px';
  const heading = document.createElement('div');
  heading.className = 'ws-menu-title';
  heading.textContent = title;
  const filter = document.createElement('input');
  filter.type = 'text';
  filter.setAttribute('aria-label', filterLabel);
  filter.placeholder = 'Press / to filter…';
  filter.autocomplete = 'off';
  el.append(heading, filter);
  const buttons = items.map((item) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'menuitem');
    b.setAttribute('aria-label', item.name);
    b.tabIndex = -1;
    const chip = document.createElement('span');
    chip.className = 'swatch';
    chip.style.background = item.color || '#888';
    const name = document.createElement('span');
    name.textContent = item.hint ? `${item.name} ${item.hint}` : item.name;
    b.append(chip, name);
    if (item.hotkey) {
      const k = document.createElement('kbd');
      k.textContent = item.hotkey;
      b.append(k);
      b.setAttribute('aria-keyshortcuts', item.hotkey);
    }
    b.addEventListener('click', () => pick(item));
    list.append(b);
    return b;
  });
  const none = document.createElement('div');
  none.className = 'ws-empty';
  none.textContent = empty;
  none.hidden = items.length > 0;
  none.id = 'ws-menu-empty';
  list.setAttribute('aria-describedby', none.id); // "Nothing fits" is said by the menu, though not an item of it
  el.append(list, none);

  const visible = () => buttons.filter((b) => !b.hidden);
  function pick(item) {
    closeMenu();
    onPick(item.value);
  }
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    items.forEach((item, i) => { buttons[i].hidden = q !== '' && !item.name.toLowerCase().includes(q); });
    none.hidden = visible().length > 0;
  });
  const menu = {
    filter,
    step(by) {
      const list = visible();
      if (list.length === 0) return;
      const at = list.indexOf(document.activeElement);
      const next = at < 0 ? (by > 0 ? 0 : list.length - 1) : (at + by + list.length) % list.length;
      list[next].focus();
    },
    take() {
      const list = visible();
      const target = inFilter(menu) ? list[0] : list.find((b) => b === document.activeElement);
      if (target) target.click();
    },
    cycle(by) {
      const all = [filter, ...visible()];
      const i = all.indexOf(document.activeElement);
      all[(i + by + all.length) % all.length].focus();
    },
    hotkey(key) {
      const item = items.find((it) => it.hotkey && it.hotkey === key);
      if (!item) return false;
      pick(item);
      return true;
    },
  };
  el.addEventListener('keydown', (e) => {
    if (!e.ctrlKey && !e.metaKey && !e.altKey) dispatch(MENU_KEYS, e, menu);
    e.stopPropagation(); // the workspace's own keys wait until the menu is closed
  });
  const outside = (e) => {
    if (!el.contains(e.target)) closeMenu();
  };
  document.addEventListener('mousedown', outside, true);
  open = { el, onClose, outside };
  host.append(el);
  (buttons[0] || filter).focus({ preventScroll: true });
  return el;
}
