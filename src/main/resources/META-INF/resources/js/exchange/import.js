// Uploads the chosen file to the import API with a progress bar, then shows the summary or the error report.
const form = document.getElementById('import-form');
const progress = document.getElementById('import-progress');
const result = document.getElementById('import-result');
const errors = document.getElementById('import-errors');
const csrf = document.querySelector('meta[name="csrf-token"]').content;

// Each format's option says how to send it (see Formats on the server): its media type, and whether a .zip goes as a zip.
function contentType(option, file) {
  if (option.dataset.zipUpload !== undefined && file.name.toLowerCase().endsWith('.zip')) {
    return 'application/zip';
  }
  return option.dataset.contentType;
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  return td;
}

function showError(body, status) {
  result.textContent = `Nothing was imported (${status}).`;
  const row = document.createElement('tr');
  row.append(cell(body.file), cell(body.line), cell(body.field), cell(body.error));
  const tbody = errors.querySelector('tbody');
  tbody.replaceChildren(row);
  errors.hidden = false;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const file = document.getElementById('import-file').files[0];
  if (!file) {
    return;
  }
  const select = document.getElementById('import-format');
  const format = select.value;
  const params = new URLSearchParams({
    format,
    target: document.getElementById('import-target').value,
    createLabels: document.getElementById('import-create-labels').checked ? 'true' : 'false',
  });
  const xhr = new XMLHttpRequest();
  xhr.open('POST', `/api/projects/${form.dataset.project}/import?${params}`);
  xhr.setRequestHeader('Content-Type', contentType(select.selectedOptions[0], file));
  xhr.setRequestHeader('X-CSRF-TOKEN', csrf);
  if (/^[\x20-\x7e]+$/.test(file.name) && !file.name.includes('"')) {
    xhr.setRequestHeader('Content-Disposition', `attachment; filename="${file.name}"`);
  }
  if (file.name.toLowerCase().endsWith('.gz')) {
    xhr.setRequestHeader('Content-Encoding', 'gzip');
  }
  xhr.responseType = 'json';
  progress.value = 0;
  errors.hidden = true;
  result.textContent = 'Uploading…';
  xhr.upload.addEventListener('progress', (e) => {
    if (e.lengthComputable) {
      progress.value = Math.round((e.loaded / e.total) * 100);
    }
  });
  xhr.upload.addEventListener('load', () => {
    progress.value = 100;
    result.textContent = 'Uploaded; checking and storing…';
  });
  xhr.addEventListener('load', () => {
    const body = xhr.response || { error: xhr.statusText };
    if (xhr.status === 200) {
      result.textContent = `Imported ${body.documents} documents, ${body.spans} spans and ${body.relations} relations.`
        + (body.skipped.length ? ` Skipped: ${body.skipped.join(', ')}.` : '');
    } else {
      showError(body, xhr.status);
    }
  });
  xhr.addEventListener('error', () => {
    result.textContent = 'The upload failed: the connection was lost.';
  });
  xhr.send(file);
});
