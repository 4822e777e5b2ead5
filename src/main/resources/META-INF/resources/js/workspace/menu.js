// A small pop-up menu: a filter field, then one item per choice with its colour and hotkey. Keyboard: type to
// filter (a hotkey typed into the empty field picks at once), arrows move, Enter picks, Escape closes.

let open = null;

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
  el.setAttribute('role', 'menu');
  el.setAttribute('aria-label', title);
  el.style.left = Math.max(0, x) + 'px';
  el.style.top = y + 'px';
  const heading = document.createElement('div');
  heading.className = 'ws-menu-title';
  heading.textContent = title;
  const filter = document.createElement('input');
  filter.type = 'text';
  filter.setAttribute('aria-label', filterLabel);
  filter.placeholder = 'Type to filter…';
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
    }
    b.addEventListener('click', () => pick(item));
    el.append(b);
    return b;
  });
  const none = document.createElement('div');
  none.className = 'ws-empty';
  none.textContent = empty;
  none.hidden = items.length > 0;
  el.append(none);

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
  el.addEventListener('keydown', (e) => {
    const list = visible();
    const at = list.indexOf(document.activeElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closeMenu();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const next = at < 0 ? (step > 0 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
      list[next].focus();
    } else if (e.key === 'Enter' && document.activeElement === filter) {
      e.preventDefault();
      if (list.length > 0) list[0].click();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      const all = [filter, ...list];
      const i = all.indexOf(document.activeElement);
      all[(i + (e.shiftKey ? -1 : 1) + all.length) % all.length].focus();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey
        && (document.activeElement !== filter || filter.value === '')) {
      const item = items.find((it) => it.hotkey && it.hotkey === e.key);
      if (item) {
        e.preventDefault();
        pick(item);
      }
    }
    e.stopPropagation();
  });
  const outside = (e) => {
    if (!el.contains(e.target)) closeMenu();
  };
  document.addEventListener('mousedown', outside, true);
  open = { el, onClose, outside };
  host.append(el);
  filter.focus({ preventScroll: true });
  return el;
}
