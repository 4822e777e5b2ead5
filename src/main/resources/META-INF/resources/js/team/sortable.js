// Sortable tables (the progress dashboard and the agreement page): each column heading of a table.sortable becomes
// a button; pressing it sorts the rows by that column, ascending, then descending on the next press. A cell's
// data-sort, when present, is the value sorted on (a date, a bar's number); numbers sort as numbers.

/** Turns the headings of every table.sortable under {@code root} into sort buttons. */
export function makeSortable(root = document) {
  for (const table of root.querySelectorAll('table.sortable')) {
    const headings = [...table.tHead.rows[0].cells];
    headings.forEach((heading, column) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = heading.textContent;
      heading.replaceChildren(button);
      button.addEventListener('click', () => sort(table, headings, column));
    });
  }
}

/** How each table under {@code root} is sorted now, keyed by its aria-labelledby (to sort fresh tables the same way). */
export function sortOrders(root) {
  const orders = [];
  for (const table of root.querySelectorAll('table.sortable')) {
    const headings = [...table.tHead.rows[0].cells];
    const column = headings.findIndex((h) => h.hasAttribute('aria-sort'));
    if (column >= 0) {
      orders.push({ table: table.getAttribute('aria-labelledby'), column,
        ascending: headings[column].getAttribute('aria-sort') === 'ascending' });
    }
  }
  return orders;
}

export function applyOrders(root, orders) {
  for (const { table: label, column, ascending } of orders) {
    const table = root.querySelector(`table.sortable[aria-labelledby="${label}"]`);
    if (!table) continue;
    const headings = [...table.tHead.rows[0].cells];
    if (!ascending) headings[column].setAttribute('aria-sort', 'ascending'); // the next sort is then descending
    sort(table, headings, column);
  }
}

makeSortable();

function sort(table, headings, column) {
  const ascending = headings[column].getAttribute('aria-sort') !== 'ascending';
  const body = table.tBodies[0];
  // Read every key first, then move the rows: one pass of reads, one of writes.
  const rows = [...body.rows].map((row) => ({ row, key: key(row.cells[column]) }));
  const numeric = rows.every(({ key }) => key === '' || !Number.isNaN(Number(key)));
  rows.sort((x, y) => {
    const order = numeric ? Number(x.key || 0) - Number(y.key || 0) : x.key.localeCompare(y.key);
    return ascending ? order : -order;
  });
  headings.forEach((heading) => heading.removeAttribute('aria-sort'));
  headings[column].setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  body.append(...rows.map(({ row }) => row));
}

function key(cell) {
  return cell.dataset.sort ?? cell.textContent.trim();
}
