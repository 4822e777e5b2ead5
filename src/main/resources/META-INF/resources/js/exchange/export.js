// The export form asks the server what a download would hold before it starts one: the counts appear beside the
// choices, an empty export is explained instead of downloaded, and a bad split or seed is shown at its field.
const form = document.getElementById('export-form');
const status = document.getElementById('export-count');
const download = document.getElementById('export-download');
const source = document.getElementById('export-source');
const documents = document.getElementById('export-status');
const fieldErrors = {
  split: document.getElementById('export-split-error'),
  seed: document.getElementById('export-seed-error'),
};

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function sum(values) {
  return Object.values(values).reduce((a, b) => a + b, 0);
}

/** Why nothing matches, and what would. */
function explainEmpty(count) {
  const finished = count.finished;
  const annotatorLayers = sum(finished.annotators);
  const onlyDone = documents.value === 'done';
  const what = source.selectedOptions[0].textContent.trim();
  if (!onlyDone) {
    return `${what}: there are no documents to export.`;
  }
  let why = source.value === 'gold' ? 'Gold has no finished documents' : `${what}: no finished documents`;
  if (annotatorLayers > 0 && source.value !== 'all') {
    why += `; ${plural(annotatorLayers, 'annotator layer is', 'annotator layers are')} finished — export `
      + `${annotatorLayers === 1 ? 'it' : 'them'} (“Every annotator”)${source.value === 'gold' ? ', or curate first' : ''}.`;
  } else if (finished.gold > 0 && source.value !== 'gold') {
    why += `; gold has ${plural(finished.gold, 'finished document', 'finished documents')}.`;
  } else {
    why += '; choose “All” documents to export unfinished work.';
  }
  return why;
}

/** What the chosen format does with discontinuous spans, when it cannot keep their pieces (the answer's headers say it too). */
function piecesNote(count) {
  const n = count.discontinuousSpans;
  if (n === 0 || count.discontinuous === 'KEPT') {
    return '';
  }
  const spans = plural(n, 'discontinuous span', 'discontinuous spans');
  return count.discontinuous === 'OUTER_BOUNDS'
    ? ` ${spans} will be written as ${n === 1 ? 'its' : 'their'} outer bounds (this format has no pieces).`
    : ` ${spans} will be left out (this format has no pieces).`;
}

function showFieldError(body) {
  const target = fieldErrors[body.field];
  if (target) {
    target.textContent = body.error;
    target.hidden = false;
  } else {
    status.textContent = body.error;
  }
}

// Choices change faster than answers come back: only the answer to the latest question may be shown.
let asked = 0;

async function count() {
  const question = ++asked;
  const params = new URLSearchParams(new FormData(form));
  const response = await fetch(`${form.getAttribute('action')}/count?${params}`, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (question !== asked) {
    return null;
  }
  Object.values(fieldErrors).forEach((e) => { e.hidden = true; e.textContent = ''; });
  status.textContent = '';
  if (!response.ok) {
    showFieldError(body);
    download.disabled = true;
    return null;
  }
  download.disabled = body.documents === 0;
  status.textContent = body.documents === 0
    ? explainEmpty(body)
    : `Will export ${plural(body.documents, 'document', 'documents')} with ${plural(body.spans, 'span', 'spans')}`
      + ` and ${plural(body.relations, 'relation', 'relations')}.${piecesNote(body)}`;
  return body;
}

/** On arrival: when the default source has nothing finished, start from one that has. */
async function preselect() {
  const body = await count();
  if (!body || body.documents > 0 || documents.value !== 'done') {
    return;
  }
  const finished = body.finished;
  const choice = finished.gold > 0 ? 'gold' : sum(finished.annotators) > 0 ? 'all' : finished.suggestions > 0 ? 'suggestions' : null;
  if (choice && choice !== source.value) {
    source.value = choice;
    await count();
  }
}

form.addEventListener('change', count);
form.addEventListener('submit', (event) => {
  if (download.disabled) {
    event.preventDefault();
  }
});
preselect();
