// Home: every loop by its title, and this browser's recent sessions.
import { h, clear, fill } from '../dom.js';
import { api } from '../api.js';
import { history } from '../store.js';
import { historyTable } from './history.js';

let loopsPromise;

/** The loops, fetched once per page load. */
export function loadLoops() {
  if (!loopsPromise) loopsPromise = api.loops().catch((e) => { loopsPromise = null; throw e; });
  return loopsPromise;
}

function loopCard(loop) {
  const minutes = loop.rounds.reduce((sum, r) => sum + (r.durationMinutes ?? 0), 0);
  const topics = [...new Set(loop.rounds.flatMap((r) => r.topics ?? []))];
  return h('li', { class: 'card loop-card', dataset: { loop: loop.id } },
    h('h2', { class: 'loop-card__title' }, h('a', { href: `#/loops/${encodeURIComponent(loop.id)}`, class: 'stretched' }, loop.title)),
    loop.description ? h('p', { class: 'loop-card__desc' }, loop.description) : null,
    h('p', { class: 'meta' },
      `${loop.rounds.length} ${loop.rounds.length === 1 ? 'round' : 'rounds'}`,
      minutes ? ` · ${minutes} min in all` : ''),
    h('ol', { class: 'loop-card__rounds', 'aria-label': 'Rounds' },
      loop.rounds.map((r) => h('li', {}, h('span', { class: 'loop-card__round' }, r.title),
        r.persona ? h('span', { class: 'muted' }, ` with ${r.persona.name}`) : null))),
    topics.length ? h('ul', { class: 'tags', 'aria-label': 'Topics' }, topics.slice(0, 10).map((t) => h('li', { class: 'tag' }, t))) : null);
}

export async function renderHome(main) {
  const list = h('ul', { class: 'loop-list', 'aria-label': 'Interview loops', 'aria-busy': 'true' },
    h('li', { class: 'card card--loading' }, 'Loading the loops…'));
  const recent = history.all().slice(0, 5);
  fill(main,
    h('section', { class: 'hero' },
      h('h1', { tabindex: '-1' }, 'Practise a technical interview loop'),
      h('p', { class: 'lead' },
        'Pick a loop, then a round. Each round is played by an interviewer persona drawn from real interviews. ',
        'Every answer is graded against reference notes, quoting your own words and citing the notes it relied on.')),
    list,
    recent.length ? h('section', { class: 'recent', 'aria-labelledby': 'recent-title' },
      h('div', { class: 'section-head' },
        h('h2', { id: 'recent-title' }, 'Recent sessions'),
        h('a', { href: '#/history' }, 'All history')),
      historyTable(recent, { compact: true })) : null);
  try {
    const loops = await loadLoops();
    fill(list, ...(loops.length ? loops.map(loopCard)
      : [h('li', { class: 'card' }, 'No loops are defined. Add one under knowledge/loops/.')]));
  } catch (e) {
    fill(list, h('li', { class: 'notice notice--error', role: 'alert' }, `The loops could not be loaded: ${e.message}`));
  }
  list.removeAttribute('aria-busy');
}
