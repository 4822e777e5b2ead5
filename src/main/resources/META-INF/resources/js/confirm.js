// A button with data-confirm asks before its form is sent: deleting a label type, for one, cannot be undone.
// An empty data-confirm asks its table's question (data-confirm-each), naming the row by its form's name field,
// so that a table of 1,000 rows holds the question once.
document.addEventListener('submit', (event) => {
  const submitter = event.submitter;
  let question = submitter?.dataset.confirm;
  if (question === '') {
    const each = submitter.closest('[data-confirm-each]')?.dataset.confirmEach;
    const name = submitter.form?.elements.namedItem('name')?.defaultValue ?? '';
    question = each ? each.replace('%s', () => name) : '';
  }
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
