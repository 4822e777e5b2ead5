// A button with data-confirm asks before its form is sent: deleting a label type, for one, cannot be undone.
document.addEventListener('submit', (event) => {
  const question = event.submitter?.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
