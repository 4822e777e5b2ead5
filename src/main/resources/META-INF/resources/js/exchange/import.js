// The import page: guesses the format of the chosen files (and says which it used), zips brat's .txt/.ann files,
// previews the import with a dry run (the server runs the real import and rolls it back) where the user maps the
// file's labels onto the project's, then imports with that mapping. Errors stay beside the Import button.
import { zip, entryNames } from './zip.js';

// The page's elements, by their ids without the "import-" every one of them starts with.
const parts = (...names) => names.map((name) => document.getElementById('import-' + name));
const [form, importButton] = parts('form', 'button');
const project = form.dataset.project;
// What is imported: the files (or their folder), their format, and what the page guessed it to be.
const [fileInput, folderInput, formatSelect, guessNote] = parts('file', 'folder', 'format', 'guess');
// Whose annotations they become, and whether labels the project lacks are made.
const [target, createLabels] = parts('target', 'create-labels');
// What the page shows back: the preview, the result, the errors, the documents made and the upload's progress.
const [preview, result, errors, documents, progress] = parts('preview', 'result', 'errors', 'documents', 'progress');
const csrf = document.querySelector('meta[name="csrf-token"]').content;

const FORMAT_NAMES = { jsonl: 'Relata JSONL', doccano: 'doccano JSONL', brat: 'brat standoff', text: 'plain text' };

// What is about to be sent, the labels the first preview found, and the user's mapping (file label → project label).
const state = { upload: null, rows: [], fresh: new Set(), map: {}, schema: { entity: [], relation: [] }, seq: 0 };

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function counts(body) {
  return `${plural(body.documents, 'document', 'documents')}, ${plural(body.spans, 'span', 'spans')} and `
    + plural(body.relations, 'relation', 'relations');
}

function lower(name) {
  return name.toLowerCase();
}

async function firstLine(file) {
  let blob = file.slice(0, 1 << 16);
  if (lower(file.name).endsWith('.gz') && typeof DecompressionStream !== 'undefined') {
    try {
      const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
      const { value } = await reader.read();
      reader.cancel().catch(() => {});
      blob = new Blob([value || new Uint8Array()]);
    } catch {
      return '';
    }
  }
  const text = await blob.text();
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '') || '';
}

/** Relata JSONL or doccano, from a JSON line's keys; null when the line is no JSON object. */
function jsonFormat(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return null;
  }
  const doccano = ('entities' in value || 'label' in value || 'labels' in value) && !('spans' in value);
  return doccano ? 'doccano' : 'jsonl';
}

async function bytesOf(file) {
  return new Uint8Array(await file.arrayBuffer());
}

/** A file's path inside a chosen folder (or its name), with '/' between folders as zip entries have it. */
function pathOf(file) {
  return (file.webkitRelativePath || file.name).replace(/\\/g, '/');
}

/**
 * What the chosen files are: {format, why, files: the files to send, zipped: whether they go as one zip}. Several
 * files are brat (when a .ann or annotation.conf is among them) or plain text.
 */
async function guess(files) {
  if (files.length > 1) {
    const useful = files.filter((f) => /\.(txt|ann|conf)$/i.test(f.name));
    const left = files.length - useful.length;
    const leftNote = left ? ` (${plural(left, 'other file', 'other files')} left out)` : '';
    if (useful.some((f) => /\.ann$/i.test(f.name) || lower(f.name) === 'annotation.conf')) {
      return { format: 'brat', why: `.ann files among the ${files.length} chosen${leftNote}; they are zipped for the upload`,
        files: useful, zipped: true };
    }
    const texts = useful.filter((f) => /\.txt$/i.test(f.name));
    if (texts.length) {
      return { format: 'text', why: `${plural(texts.length, '.txt file', '.txt files')} without .ann files${leftNote}`,
        files: texts, zipped: true };
    }
    return { error: 'Several files can only be brat (.txt and .ann) or plain text (.txt). Choose one file of another format.' };
  }
  const file = files[0];
  const name = lower(file.name);
  if (name.endsWith('.zip')) {
    const tail = await bytesOf(file.slice(Math.max(0, file.size - (1 << 20))));
    const names = entryNames(tail, file.size);
    const brat = names.some((n) => /\.ann$/i.test(n) || /(^|\/)annotation\.conf$/i.test(n));
    return { format: brat ? 'brat' : 'text', why: brat ? 'a zip with .ann files' : 'a zip without .ann files',
      files: [file], zipped: false };
  }
  if (name.endsWith('.ann')) {
    return { error: 'A .ann file needs its .txt file: choose both (or their folder).' };
  }
  const line = await firstLine(file);
  const json = jsonFormat(line);
  if (json) {
    return { format: json, why: json === 'doccano' ? 'JSON lines with doccano\'s keys (text, entities or label)'
      : 'JSON lines with Relata\'s keys', files: [file], zipped: false };
  }
  if (name.endsWith('.jsonl') || name.endsWith('.json') || name.endsWith('.gz')) {
    return { format: 'jsonl', why: 'the file name', files: [file], zipped: false };
  }
  return { format: 'text', why: name.endsWith('.txt') ? 'a .txt file that is not JSON' : 'text that is not JSON',
    files: [file], zipped: false };
}

async function prepare(files) {
  state.upload = null;
  state.rows = [];
  state.fresh = new Set();
  state.map = {};
  preview.hidden = true;
  documents.hidden = true;
  if (!files.length) {
    guessNote.textContent = '';
    return;
  }
  const guessed = await guess(files);
  if (guessed.error) {
    guessNote.textContent = '';
    fail(guessed.error, null);
    return;
  }
  const chosen = formatSelect.value;
  const format = chosen === 'auto' ? guessed.format : chosen;
  guessNote.textContent = chosen === 'auto'
    ? `Format: ${FORMAT_NAMES[format]} (guessed from ${guessed.why}).`
    : `Format: ${FORMAT_NAMES[format]} (as chosen; the file looks like ${FORMAT_NAMES[guessed.format]}).`;
  let body;
  let name;
  if (guessed.zipped) {
    const entries = [];
    for (const f of guessed.files) {
      entries.push({ name: pathOf(f), bytes: await bytesOf(f) });
    }
    body = zip(entries);
    name = 'files.zip';
  } else {
    body = guessed.files[0];
    name = body.name;
  }
  const isZip = guessed.zipped || lower(name).endsWith('.zip');
  const option = [...formatSelect.options].find((o) => o.value === format);
  state.upload = {
    format,
    body,
    name,
    gzip: lower(name).endsWith('.gz'),
    contentType: isZip ? 'application/zip' : option.dataset.contentType,
  };
  await runPreview(true);
}

function send(dryRun, onDone) {
  const upload = state.upload;
  const params = new URLSearchParams({
    format: upload.format,
    target: target.value,
    createLabels: createLabels.checked ? 'true' : 'false',
    dryRun: dryRun ? 'true' : 'false',
  });
  if (Object.keys(state.map).length) {
    params.set('labelMap', JSON.stringify(state.map));
  }
  const xhr = new XMLHttpRequest();
  xhr.open('POST', `/api/projects/${project}/import?${params}`);
  xhr.setRequestHeader('Content-Type', upload.contentType);
  xhr.setRequestHeader('X-CSRF-TOKEN', csrf);
  if (/^[\x20-\x7e]+$/.test(upload.name) && !upload.name.includes('"')) {
    xhr.setRequestHeader('Content-Disposition', `attachment; filename="${upload.name}"`);
  }
  if (upload.gzip) {
    xhr.setRequestHeader('Content-Encoding', 'gzip');
  }
  xhr.responseType = 'json';
  progress.classList.remove('failed');
  progress.value = 0;
  xhr.upload.addEventListener('progress', (e) => {
    if (e.lengthComputable) {
      progress.value = Math.round((e.loaded / e.total) * 100);
    }
  });
  xhr.upload.addEventListener('load', () => {
    progress.value = 100;
    result.textContent = dryRun ? 'Checking the file…' : 'Uploaded; checking and storing…';
  });
  xhr.addEventListener('load', () => onDone(xhr.status, xhr.response || {}));
  xhr.addEventListener('error', () => onDone(0, { error: 'The connection to the server was lost.' }));
  xhr.send(upload.body);
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  return td;
}

/** Shows a refusal beside the button: a sentence in the status line, the details (file, line, field) below it. */
function fail(sentence, body) {
  result.textContent = sentence;
  progress.classList.add('failed');
  if (body && body.error) {
    const row = document.createElement('tr');
    row.append(cell(body.file), cell(body.line), cell(body.field), cell(body.error));
    errors.querySelector('tbody').replaceChildren(row);
    errors.hidden = false;
  } else {
    errors.hidden = true;
  }
  importButton.disabled = true;
}

/** The sentence for a refused import, by what went wrong rather than by HTTP status. */
function refusal(status, body, dryRun) {
  const nothing = dryRun ? 'The preview found a problem; nothing would be imported.' : 'Nothing was imported.';
  if (status === 0) {
    return `${nothing} ${body.error}`;
  }
  if (status === 409) {
    return `${nothing} Some of it is already in the project: see the problem below.`;
  }
  if (status === 413) {
    return `${nothing} The file is larger than this server accepts.`;
  }
  if (status === 401 || status === 403) {
    return `${nothing} You may no longer import into this project; reload the page and sign in again.`;
  }
  if (status >= 500) {
    return `${nothing} The server failed; try again, and tell an administrator if it happens again.`;
  }
  return `${nothing} Fix the problem below and choose the file again.`;
}

async function loadSchema() {
  const response = await fetch(`/api/projects/${project}/schema`, { headers: { Accept: 'application/json' } });
  if (response.ok) {
    const schema = await response.json();
    state.schema.entity = (schema.entityTypes || []).map((t) => t.name);
    state.schema.relation = (schema.relationTypes || []).map((t) => t.name);
  }
}

function renderLabels() {
  const rows = state.rows.map((label) => {
    const tr = document.createElement('tr');
    tr.append(cell(label.file), cell(label.kind));
    const td = document.createElement('td');
    const known = state.schema[label.kind];
    if (!known) {
      td.textContent = label.label; // event types are kept as the file has them
    } else {
      const select = document.createElement('select');
      select.setAttribute('aria-label', `${label.file} becomes`);
      if (state.fresh.has(label.file)) {
        select.append(new Option(`new label ${label.file}`, ''));
      }
      for (const name of known) {
        select.append(new Option(name, name));
      }
      const mapped = state.map[label.file];
      select.value = mapped !== undefined ? mapped : (state.fresh.has(label.file) ? '' : label.label);
      select.addEventListener('change', () => {
        if (select.value === '' || select.value === label.file) {
          delete state.map[label.file];
        } else {
          state.map[label.file] = select.value;
        }
        runPreview(false);
      });
      td.append(select);
    }
    tr.append(td);
    return tr;
  });
  preview.querySelector('tbody').replaceChildren(...rows);
  preview.hidden = rows.length === 0;
}

/** A dry run with the current mapping; the first one of a file also lists its labels for the mapping table. */
async function runPreview(first) {
  if (!state.upload) {
    return;
  }
  const seq = ++state.seq;
  importButton.disabled = true;
  errors.hidden = true;
  documents.hidden = true;
  result.textContent = 'Checking the file…';
  if (first) {
    await loadSchema();
  }
  send(true, (status, body) => {
    if (seq !== state.seq) {
      return; // a newer preview is on its way
    }
    if (status !== 200) {
      fail(refusal(status, body, true), body);
      return;
    }
    if (first) {
      state.rows = body.labels;
      state.fresh = new Set(body.labels.filter((l) => l.created).map((l) => l.file));
    }
    const created = body.labels.filter((l) => l.created).map((l) => l.label);
    result.textContent = `Preview: ${counts(body)} would be imported`
      + (created.length ? `, with ${plural(created.length, 'new label', 'new labels')} (${created.join(', ')})` : '')
      + '. Nothing is stored until you press Import.';
    renderLabels();
    importButton.disabled = false;
  });
}

function showDocuments(body) {
  const items = body.firstDocuments.map((d) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `/documents/${d.id}/annotate`;
    a.textContent = d.externalId;
    li.append(a);
    return li;
  });
  const all = document.createElement('li');
  const link = document.createElement('a');
  link.href = `/projects/${project}`;
  link.textContent = body.documents > items.length
    ? `All documents of the project (${plural(body.documents - items.length, 'more was', 'more were')} imported)`
    : 'All documents of the project';
  all.append(link);
  documents.replaceChildren(...items, all);
  documents.hidden = false;
}

function chosenFiles(input) {
  return [...input.files];
}

fileInput.addEventListener('change', () => {
  folderInput.value = '';
  prepare(chosenFiles(fileInput));
});
folderInput.addEventListener('change', () => {
  fileInput.value = '';
  prepare(chosenFiles(folderInput));
});
formatSelect.addEventListener('change', () => {
  const files = chosenFiles(fileInput).length ? chosenFiles(fileInput) : chosenFiles(folderInput);
  prepare(files);
});
for (const input of [target, createLabels]) {
  input.addEventListener('change', () => runPreview(state.rows.length === 0));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!state.upload) {
    fail('Choose a file (or several brat files, or a folder) first.', null);
    return;
  }
  importButton.disabled = true;
  errors.hidden = true;
  result.textContent = 'Uploading…';
  send(false, (status, body) => {
    if (status !== 200) {
      fail(refusal(status, body, false), body);
      return;
    }
    result.textContent = `Imported ${counts(body)}.`
      + (body.skipped.length ? ` Skipped: ${body.skipped.join(', ')}.` : '');
    preview.hidden = true;
    state.upload = null;
    showDocuments(body);
  });
});

// Files chosen before this module ran (a quick user on a slow connection, or the browser refilling the form on
// Back) fired their change event with nobody listening: prepare them now.
if (fileInput.files.length || folderInput.files.length) {
  prepare(chosenFiles(fileInput).length ? chosenFiles(fileInput) : chosenFiles(folderInput));
}
form.dataset.ready = 'true';
