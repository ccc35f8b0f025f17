// Building DOM safely: text always goes in as text nodes, never as HTML.

/**
 * h('p', {class: 'x', onclick: fn}, 'text', child, [more]) -> an element.
 * Attribute values are set with setAttribute; strings become text nodes; null/false children are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'text') {
      el.textContent = String(value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** The slug the service gives a heading (dev.interviewloop.knowledge.Markdown.slug). */
export function slug(heading) {
  const ascii = String(heading ?? '').normalize('NFKD').replace(/\p{M}/gu, '');
  const s = ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
  return s || 'section';
}

export function formatScore(score) {
  if (score === null || score === undefined || Number.isNaN(Number(score))) return '–';
  const n = Number(score);
  return Number.isInteger(n) ? n.toFixed(0) : n.toFixed(1);
}

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Announce a short message to screen readers through the page's polite live region. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 30);
}

/** Replaces el's children with the given ones (null/false skipped, strings as text). */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}
