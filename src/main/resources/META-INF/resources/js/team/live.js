// The progress dashboard follows the team live: every saved change of a layer in the project arrives as a
// server-sent event (/api/projects/{id}/events); at most once a second the page fetches itself again and swaps in
// the fresh figures, keeping each table's sort order. After a dropped connection the browser reconnects, and the
// stream's first event makes the page catch up.

import { sortOrders, applyOrders, makeSortable } from './sortable.js';

const figures = document.getElementById('progress-figures');
const status = document.getElementById('progress-live');
let timer = null;
let connected = false;

if (figures) connect();

function connect() {
  const source = new EventSource(`/api/projects/${figures.dataset.project}/events`);
  source.addEventListener('ready', () => {
    show('live');
    if (connected) soon(); // a reconnect: changes may have been missed
    connected = true;
  });
  source.addEventListener('layer', soon);
  source.addEventListener('error', () => {
    show('reconnecting');
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, 5000);
  });
}

function soon() {
  if (!timer) timer = setTimeout(refresh, 1000);
}

async function refresh() {
  try {
    const res = await fetch(location.href, { credentials: 'same-origin' });
    if (!res.ok) return;
    const fresh = new DOMParser().parseFromString(await res.text(), 'text/html').getElementById('progress-figures');
    if (!fresh) return;
    const orders = sortOrders(figures);
    figures.replaceChildren(...[...fresh.childNodes].map((n) => document.importNode(n, true)));
    makeSortable(figures);
    applyOrders(figures, orders);
  } finally {
    timer = null;
  }
}

function show(state) {
  if (!status) return;
  status.dataset.state = state;
  status.textContent = state === 'live' ? 'Live' : 'Reconnecting…';
}
