// Reference notes: a cited section opens in a dialog over the chat; /#/notes/{note}/{section} shows the whole note.
import { h, clear, slug, fill } from './dom.js';
import { api } from './api.js';
import { htmlInto } from './markdown.js';

const cache = new Map();

function loadNote(doc) {
  if (!cache.has(doc)) {
    const p = api.note(doc).catch((e) => { cache.delete(doc); throw e; });
    cache.set(doc, p);
  }
  return cache.get(doc);
}

function sectionsOf(note) {
  // tolerant of the note's shape: sections [{id, heading, text}] or a single Markdown body
  if (Array.isArray(note?.sections)) {
    return note.sections.map((s) => ({
      id: s.id ?? slug(s.heading ?? s.title), heading: s.heading ?? s.title ?? '', text: s.text ?? '', html: s.html ?? '',
    }));
  }
  return [];
}

// The server splits the note into the sections it cites and renders each with the same CommonMark parser, so what is
// shown here is exactly the section a grade cites (the page only sanitises the HTML).
function sectionBlock(section, level) {
  return h('section', { class: 'note__section', id: `note-${section.id}`, 'aria-label': section.heading || 'Note' },
    section.heading ? h(level, {}, section.heading) : null,
    htmlInto(h('div', {}), section.html));
}

let dialog;

function ensureDialog() {
  if (dialog) return dialog;
  dialog = h('dialog', { class: 'note-dialog', 'aria-labelledby': 'note-dialog-title' });
  dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });
  document.body.append(dialog);
  return dialog;
}

/** Opens one section of a note in a modal dialog (Esc closes it and focus returns where it was). */
export async function openNote(doc, sectionHeading, citation) {
  const d = ensureDialog();
  const body = h('div', { class: 'note-dialog__body' }, h('p', { class: 'muted' }, 'Loading the note…'));
  const title = h('h2', { id: 'note-dialog-title' }, citation?.docTitle || doc);
  const full = h('a', { href: `#/notes/${encodeURIComponent(doc)}/${slug(sectionHeading)}`, onclick: () => d.close() }, 'Open the whole note');
  fill(d,
    h('header', { class: 'note-dialog__head' }, title,
      h('button', { type: 'button', class: 'btn btn--ghost', onclick: () => d.close(), 'aria-label': 'Close the note' }, 'Close')),
    body,
    h('footer', { class: 'note-dialog__foot' }, full));
  if (!d.open) d.showModal();
  try {
    const note = await loadNote(doc);
    title.textContent = note.title ?? title.textContent;
    const sections = sectionsOf(note);
    const wanted = slug(sectionHeading);
    const hit = sections.find((s) => s.id === wanted) ?? sections.find((s) => slug(s.heading) === wanted);
    fill(body, ...(hit ? [sectionBlock(hit, 'h3')] : sections.map((s) => sectionBlock(s, 'h3'))));
  } catch (e) {
    fill(body,
      h('p', { class: 'notice notice--warn' }, `The note could not be loaded: ${e.message}`),
      citation?.snippet ? h('blockquote', { class: 'ref__snippet' }, citation.snippet) : null);
  }
}

/** The notes page: the whole note, scrolled to the section named in the address. */
export async function renderNotePage(main, doc, sectionId) {
  const heading = h('h1', { tabindex: '-1' }, doc);
  const body = h('div', { class: 'note' }, h('p', { class: 'muted' }, 'Loading…'));
  fill(main, h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' },
    h('a', { href: '#/' }, 'Loops'), ' / ', h('span', {}, 'Notes')), heading, body);
  try {
    const note = await loadNote(doc);
    heading.textContent = note.title ?? doc;
    const sections = sectionsOf(note).filter((s) => s.heading !== note.title || s.text.trim());
    fill(body, ...sections.map((s) => sectionBlock(s, 'h2')));
    const target = sectionId ? document.getElementById(`note-${sectionId}`) : null;
    if (target) {
      target.classList.add('note__section--target');
      target.setAttribute('tabindex', '-1');
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    } else {
      heading.focus();
    }
  } catch (e) {
    fill(body, h('p', { class: 'notice notice--warn', role: 'alert' }, `The note "${doc}" could not be loaded: ${e.message}`));
  }
}
