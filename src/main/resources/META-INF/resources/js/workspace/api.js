// Calls to the public API from the browser: cookie session plus the CSRF header for writes.

const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content || '';

export class HttpError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `The server answered ${status}.`);
    this.status = status;
    this.body = body;
  }
}

/** A read. Plain on purpose (no extra headers), so that it matches the page's <link rel=preload> of the same URL. */
export async function getJson(url) {
  const res = await fetch(url, { credentials: 'same-origin' });
  const body = await readBody(res);
  if (!res.ok) throw new HttpError(res.status, body);
  return body;
}

/** A write; {@code version} goes into If-Match so that a stale layer is refused, not overwritten. */
export async function send(method, url, body, version) {
  const headers = { Accept: 'application/json', 'X-CSRF-TOKEN': csrf() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (version !== undefined && version !== null) headers['If-Match'] = `"${version}"`;
  const res = await fetch(url, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await readBody(res);
  if (!res.ok) throw new HttpError(res.status, answer);
  return answer || {};
}

async function readBody(res) {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { error: text.slice(0, 200) };
  }
}
