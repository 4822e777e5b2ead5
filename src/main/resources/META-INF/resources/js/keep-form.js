// A form marked data-keep gets back what was typed when the server refused it: the page posts, the server
// redirects back with an error message, and the form would otherwise come back empty (issue 20, item 9).
// What was typed stays in this tab's sessionStorage only until the next page is shown. The row forms of a table
// marked data-keep-rows are kept by their id, which saves a data-keep attribute on each of the schema page's 1,000 rows.

const KEY = 'relata.kept-form';

const kept = JSON.parse(sessionStorage.getItem(KEY) || 'null');
sessionStorage.removeItem(KEY);
if (kept && kept.path === location.pathname && document.querySelector('.flash.error')) {
  const form = document.querySelector(`form[data-keep="${CSS.escape(kept.form)}"]`)
    ?? document.querySelector(`[data-keep-rows] form[id="${CSS.escape(kept.form)}"]`);
  if (form) restore(form, kept.values);
}

document.addEventListener('submit', (event) => {
  const form = event.target.closest('form[data-keep], [data-keep-rows] form[id]');
  if (!form || event.defaultPrevented) return;
  // Only what the user can type: not the hidden fields, nor those another script adds (js/row-fields.js).
  const values = [...new FormData(form)].filter(([name, value]) => {
    const field = form.elements.namedItem(name);
    return typeof value === 'string' && field && field.type !== 'hidden';
  });
  sessionStorage.setItem(KEY, JSON.stringify({ path: location.pathname, form: form.dataset.keep ?? form.id, values }));
});

function restore(form, values) {
  for (const el of form.elements) {
    if (!el.name || el.type === 'hidden' || el.type === 'submit') continue;
    if (el.type === 'checkbox' || el.type === 'radio') {
      el.checked = values.some(([name, value]) => name === el.name && value === el.value);
    } else {
      const found = values.find(([name]) => name === el.name);
      if (found) el.value = found[1];
    }
  }
}
