// Project guidelines are Markdown written by a manager. This renderer knows a small safe subset — headings,
// lists, paragraphs, **bold**, *emphasis*, `code` and [links](https://...) — and builds DOM nodes with
// textContent only: no string of the source ever becomes markup, and a link keeps only an http(s) address.

export function renderMarkdown(source) {
  const out = document.createDocumentFragment();
  const lines = (source || '').replace(/\r\n?/g, '\n').split('\n');
  let para = [];
  let list = null;
  const flushPara = () => {
    if (para.length) {
      const p = document.createElement('p');
      inline(p, para.join(' '));
      out.append(p);
      para = [];
    }
  };
  const flushList = () => {
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    let m;
    if (line.trim() === '') {
      flushPara();
      flushList();
    } else if ((m = /^(#{1,6})\s+(.*)$/.exec(line))) {
      flushPara();
      flushList();
      const h = document.createElement('h' + Math.min(6, m[1].length + 2));
      inline(h, m[2].replace(/\s+#+$/, ''));
      out.append(h);
    } else if ((m = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line))) {
      flushPara();
      const ordered = /\d/.test(m[1]);
      if (!list || (list.tagName === 'OL') !== ordered) {
        list = document.createElement(ordered ? 'ol' : 'ul');
        out.append(list);
      }
      const li = document.createElement('li');
      inline(li, m[2]);
      list.append(li);
    } else if (list && /^\s{2,}\S/.test(raw)) {
      // a continuation line of the last list item
      const li = list.lastElementChild;
      li.append(' ');
      inline(li, line.trim());
    } else {
      flushList();
      para.push(line.trim());
    }
  }
  flushPara();
  return out;
}

const TOKEN = /\*\*(.+?)\*\*|__(.+?)__|\*(.+?)\*|_(.+?)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

function inline(parent, text) {
  let last = 0;
  // A fresh expression per call: the nested calls for bold and emphasis must not move this loop's position.
  const token = new RegExp(TOKEN.source, 'g');
  let m;
  while ((m = token.exec(text))) {
    if (m.index > last) parent.append(document.createTextNode(text.slice(last, m.index)));
    if (m[1] !== undefined || m[2] !== undefined) {
      const el = document.createElement('strong');
      inline(el, m[1] ?? m[2]);
      parent.append(el);
    } else if (m[3] !== undefined || m[4] !== undefined) {
      const el = document.createElement('em');
      inline(el, m[3] ?? m[4]);
      parent.append(el);
    } else if (m[5] !== undefined) {
      const el = document.createElement('code');
      el.textContent = m[5];
      parent.append(el);
    } else {
      const href = m[7];
      if (/^https?:\/\/[^\s]+$/i.test(href)) {
        const a = document.createElement('a');
        a.href = href;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        a.textContent = m[6];
        parent.append(a);
      } else {
        // not a web address (javascript:, data:, ...): shown as plain text
        parent.append(document.createTextNode(m[0]));
      }
    }
    last = token.lastIndex;
  }
  if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
}
