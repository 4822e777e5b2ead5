// Key tables. Each entry binds keys to what they do and says so in words: the workspace and the menus dispatch
// their keys through these tables, and the shortcut help lists the same tables, so the help shows what is bound.
//
// An entry: { keys: ['Control+z', …], does: 'Undo', run(context, event) }. run returns false when the key does
// not apply now (the next entry or the browser gets it); anything else means handled. The key "Letter" stands for
// any single character typed without Ctrl or Alt: the types' own keys.

const NAMES = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Control: 'Ctrl', Escape: 'Esc',
  Letter: 'a type’s key' };

/** Whether the key event is the combination, e.g. "Control+Shift+z", "Shift+Tab", "?" or "Letter". */
export function matches(e, combo) {
  const parts = combo.split('+');
  const key = parts.pop();
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl !== parts.includes('Control') || e.altKey !== parts.includes('Alt')) return false;
  if (key === 'Letter') return e.key.length === 1 && e.key !== ' ';
  // A printed character that needs Shift ("?") is matched by the character alone.
  const printed = key.length === 1 && !/[a-z]/i.test(key);
  if (!printed && e.shiftKey !== parts.includes('Shift')) return false;
  return key.length === 1 ? e.key.toLowerCase() === key.toLowerCase() : e.key === key;
}

/** The combination as the help shows it: "Ctrl+Shift+Z", "Shift+→". */
export function display(combo) {
  return combo.split('+').map((p) => NAMES[p] || (p.length === 1 ? p.toUpperCase() : p)).join('+');
}

/** Runs the first entry of the table that matches and applies; true if one did (its default is then prevented). */
export function dispatch(table, e, context) {
  for (const entry of table) {
    if (entry.applies && !entry.applies(context)) continue;
    if (entry.keys.some((combo) => matches(e, combo)) && entry.run(context, e) !== false) {
      e.preventDefault();
      return true;
    }
  }
  return false;
}
