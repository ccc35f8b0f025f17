// Markdown from candidates, the interviewer and the notes, rendered safely:
// raw HTML in the source is shown as text (marked renders it escaped), and the result is sanitised (DOMPurify)
// against a short allow-list before it reaches the page.
import { Marked, DOMPurify } from './vendor.js';

const escapeHtml = (s) => String(s)
  .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  .replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const renderer = {
  // "<script>" typed in an answer is text the candidate wrote, not markup: show it as such.
  html(token) {
    return escapeHtml(token.text ?? token.raw ?? '');
  },
  // No remote images in a chat: show the alt text instead.
  image(token) {
    return escapeHtml(token.text ? `[image: ${token.text}]` : '[image]');
  },
};

// chat text keeps its line breaks (reference notes are rendered by the server: htmlInto)
const chat = new Marked({ gfm: true, breaks: true, async: false, renderer });

const PURIFY = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'b', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
    'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'sup', 'sub'],
  ALLOWED_ATTR: ['href', 'title', 'class', 'start', 'align'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
  // the only class kept is marked's language-* on code blocks
  if (data.attrName === 'class' && !/^language-[\w+#-]+$/.test(data.attrValue)) data.keepAttr = false;
});
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (/^https?:/i.test(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  }
});

/** Markdown text -> a sanitised DocumentFragment, ready to append. */
export function renderMarkdown(text) {
  const html = chat.parse(String(text ?? ''));
  return DOMPurify.sanitize(html, PURIFY);
}

/** An element whose content is HTML rendered by the server (a note section), sanitised as Markdown output is. */
export function htmlInto(el, html) {
  el.replaceChildren(DOMPurify.sanitize(String(html ?? ''), PURIFY));
  el.classList.add('md');
  return el;
}

/** An element whose content is the rendered Markdown. */
export function markdownInto(el, text) {
  el.replaceChildren(renderMarkdown(text));
  el.classList.add('md');
  return el;
}

// ---- highlighting the candidate's own words inside rendered Markdown ----

function letters(s) {
  // the letters and digits of s, lower-cased, with the index of each in s
  const chars = [];
  const index = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (/[\p{L}\p{N}]/u.test(c)) {
      chars.push(c.toLowerCase());
      index.push(i);
    }
  }
  return { text: chars.join(''), index };
}

/**
 * Wraps the first occurrence of each phrase in a <mark>. Matching ignores case, spaces and punctuation, so a
 * phrase quoted from the Markdown source is found in the rendered text even across **bold** or `code`.
 * Returns the phrases that were found.
 */
export function highlightPhrases(root, phrases) {
  const found = [];
  for (const { text, className, title } of phrases) {
    const needle = letters(String(text ?? '')).text;
    if (needle.length < 2) continue;
    const nodes = [];
    let full = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode, start: full.length });
      full += walker.currentNode.data;
    }
    const hay = letters(full);
    const at = hay.text.indexOf(needle);
    if (at < 0) continue;
    const start = hay.index[at];
    const end = hay.index[at + needle.length - 1] + 1;
    const overlapping = nodes.filter(({ node, start: s }) => s < end && s + node.data.length > start);
    for (const { node, start: s } of overlapping.reverse()) {
      const from = Math.max(0, start - s);
      const to = Math.min(node.data.length, end - s);
      if (to <= from || !node.data.slice(from, to).trim()) continue;
      const middle = from > 0 ? node.splitText(from) : node;
      middle.splitText(to - from);
      const mark = document.createElement('mark');
      mark.className = className ?? '';
      if (title) mark.title = title;
      middle.replaceWith(mark);
      mark.append(middle);
    }
    found.push(text);
  }
  return found;
}
