// The round picker: one card per round with its persona, style, topics and duration; a mode; Start.
import { h, clear, formatScore, fill } from '../dom.js';
import { api } from '../api.js';
import { history, entryFromView } from '../store.js';
import { loadLoops } from './home.js';
import { rememberView } from './session.js';

const MODE_KEY = 'interview-loop.mode';

function initials(name) {
  return String(name ?? '?').split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2).toUpperCase();
}

function modePicker() {
  const saved = localStorage.getItem(MODE_KEY) === 'mock' ? 'mock' : 'practice';
  const option = (value, title, detail) => h('label', { class: 'mode-option' },
    h('input', { type: 'radio', name: 'mode', value, checked: value === saved,
      onchange: () => localStorage.setItem(MODE_KEY, value) }),
    h('span', { class: 'mode-option__text' }, h('strong', {}, title), h('span', {}, detail)));
  return h('fieldset', { class: 'mode-picker' },
    h('legend', {}, 'Mode'),
    option('practice', 'Practice', 'Feedback after every answer'),
    option('mock', 'Mock', 'Feedback only at the end, like the real thing'));
}

function roundCard(loop, round, start) {
  const p = round.persona ?? {};
  const titleId = `round-${round.id}-title`;
  const status = h('p', { class: 'round-card__status', role: 'status' });
  const button = h('button', { type: 'button', class: 'btn btn--primary', 'aria-describedby': titleId },
    'Start round');
  button.addEventListener('click', () => start(round, button, status));
  return h('li', { class: 'card round-card', dataset: { round: round.id } },
    h('h2', { id: titleId, class: 'round-card__title' }, round.title),
    round.focus ? h('p', { class: 'round-card__focus' }, round.focus) : null,
    h('div', { class: 'persona' },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(p.name)),
      h('div', {},
        h('p', { class: 'persona__name' }, p.name, p.seniority ? h('span', { class: 'muted' }, ` · ${p.seniority}`) : null),
        h('p', { class: 'persona__role' }, p.role))),
    h('dl', { class: 'facts' },
      p.style ? [h('dt', {}, 'Style'), h('dd', {}, p.style)] : null,
      p.pace && !String(p.style ?? '').includes(p.pace) ? [h('dt', {}, 'Pace'), h('dd', {}, p.pace)] : null,
      [h('dt', {}, 'Duration'), h('dd', {}, `${round.durationMinutes} min`)],
      round.questionCount ? [h('dt', {}, 'Questions'), h('dd', {}, String(round.questionCount))] : null,
      p.bar ? [h('dt', {}, 'Hiring bar'), h('dd', {}, `${formatScore(p.bar)} / 5`)] : null),
    p.habits?.length ? h('details', { class: 'habits' },
      h('summary', {}, 'How this interviewer behaves'),
      h('ul', {}, p.habits.map((x) => h('li', {}, x)))) : null,
    round.topics?.length ? h('ul', { class: 'tags', 'aria-label': 'Topics' }, round.topics.map((t) => h('li', { class: 'tag' }, t))) : null,
    h('div', { class: 'round-card__actions' }, button, status));
}

export async function renderLoop(main, loopId) {
  fill(main, h('p', { class: 'muted' }, 'Loading…'));
  let loop;
  try {
    loop = (await loadLoops()).find((l) => l.id === loopId);
  } catch (e) {
    fill(main, h('p', { class: 'notice notice--error', role: 'alert' }, `The loops could not be loaded: ${e.message}`));
    return;
  }
  if (!loop) {
    fill(main, h('h1', { tabindex: '-1' }, 'No such loop'),
      h('p', {}, `There is no loop "${loopId}". `, h('a', { href: '#/' }, 'Choose one of the loops.')));
    return;
  }
  const picker = modePicker();
  const start = async (round, button, status) => {
    const mode = picker.querySelector('input[name=mode]:checked')?.value ?? 'practice';
    button.disabled = true;
    status.className = 'round-card__status';
    status.textContent = 'Starting…';
    try {
      const view = await api.createSession(loop.id, round.id, mode);
      history.save(entryFromView(view, view.token));
      rememberView(view);
      location.hash = `#/session/${encodeURIComponent(view.id)}`;
    } catch (e) {
      status.className = 'round-card__status notice notice--error';
      status.textContent = `Could not start the round: ${e.message}`;
      button.disabled = false;
    }
  };
  fill(main,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Loops'), ' / ', h('span', { 'aria-current': 'page' }, loop.title)),
    h('header', { class: 'page-head' },
      h('h1', { tabindex: '-1' }, loop.title),
      loop.description ? h('p', { class: 'lead' }, loop.description) : null),
    picker,
    h('ol', { class: 'round-grid', 'aria-label': 'Rounds' }, loop.rounds.map((r) => roundCard(loop, r, start))));
}
