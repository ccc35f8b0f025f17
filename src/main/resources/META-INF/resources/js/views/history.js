// History: the service's past rounds (resume or report where this browser holds the token), progress per topic,
// weak topics, and a practice round of them. historyTable also lists this browser's own sessions (home page).
import { h, formatDate, formatScore, fill } from '../dom.js';
import { api } from '../api.js';
import { history, entryFromView } from '../store.js';
import { capitalize } from '../labels.js';
import { rememberView } from './session.js';

export function historyTable(entries, { compact = false, onRemove } = {}) {
  return h('table', { class: 'history-table' },
    h('caption', { class: 'visually-hidden' }, 'Your sessions'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Round'),
      compact ? null : h('th', { scope: 'col' }, 'Loop'),
      h('th', { scope: 'col' }, 'Mode'), h('th', { scope: 'col' }, 'Score'),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
    h('tbody', {}, entries.map((s) => {
      const link = s.done
        ? h('a', { href: `#/session/${encodeURIComponent(s.id)}/report` }, 'Report')
        : h('a', { href: `#/session/${encodeURIComponent(s.id)}` }, 'Resume');
      return h('tr', { dataset: { session: s.id } },
        h('td', { 'data-label': 'Date' }, formatDate(s.date)),
        h('th', { scope: 'row', 'data-label': 'Round' }, s.round?.title ?? s.round?.id ?? ''),
        compact ? null : h('td', { 'data-label': 'Loop' }, s.loop?.title ?? s.loop?.id ?? ''),
        h('td', { 'data-label': 'Mode' }, capitalize(s.mode ?? '')),
        h('td', { 'data-label': 'Score' }, s.score !== undefined && s.score !== null
          ? `${formatScore(s.score)} / 5${s.verdict ? ` · ${s.verdict}` : ''}` : (s.done ? '–' : 'in progress')),
        h('td', { class: 'history-table__actions' }, link,
          onRemove ? h('button', { type: 'button', class: 'btn btn--link', onclick: () => onRemove(s),
            'aria-label': `Remove ${s.round?.title ?? 'this session'} from ${formatDate(s.date)} from the history` }, 'Remove') : null));
    })));
}

const PRACTICE_MODE_KEY = 'interview-loop.practice-mode';

/** The service's history: every round of this installation, newest first; a link only where this browser holds the token. */
function serverHistoryTable(entries) {
  const sorted = [...entries].sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')));
  return h('table', { class: 'history-table history-table--server' },
    h('caption', {}, 'Past rounds on this service, newest first'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Round'), h('th', { scope: 'col' }, 'Loop'),
      h('th', { scope: 'col' }, 'Interviewer'), h('th', { scope: 'col' }, 'Mode'), h('th', { scope: 'col' }, 'State'),
      h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'Open'))),
    h('tbody', {}, sorted.map((s) => {
      const local = history.get(s.id);
      const title = s.round?.title ?? s.round?.id ?? '';
      const link = local?.token
        ? (s.done
          ? h('a', { href: `#/session/${encodeURIComponent(s.id)}/report`, 'aria-label': `Report of ${title}` }, 'Report')
          : h('a', { href: `#/session/${encodeURIComponent(s.id)}`, 'aria-label': `Resume ${title}` }, 'Resume'))
        : h('span', { class: 'muted' }, 'token not in this browser');
      return h('tr', { dataset: { session: s.id } },
        h('td', { 'data-label': 'Date' }, formatDate(s.date)),
        h('th', { scope: 'row', 'data-label': 'Round' }, title),
        h('td', { 'data-label': 'Loop' }, s.loop?.title ?? s.loop?.id ?? ''),
        h('td', { 'data-label': 'Interviewer' }, s.persona?.title ?? s.persona?.id ?? ''),
        h('td', { 'data-label': 'Mode' }, capitalize(s.mode ?? '')),
        h('td', { 'data-label': 'State' }, s.done ? 'Finished' : capitalize(String(s.state ?? 'in progress').toLowerCase().replace(/_/g, ' '))),
        h('td', { 'data-label': 'Score', class: 'history-table__score' }, s.score !== undefined && s.score !== null
          ? `${formatScore(s.score)} / 5${s.verdict ? ` · ${capitalize(s.verdict)}` : ''}` : (s.done ? '–' : 'in progress')),
        h('td', { class: 'history-table__open', 'data-label': 'Open' }, link));
    })));
}

function topicTable(progress) {
  return h('table', { class: 'history-table progress-table' },
    h('caption', {}, `Scores per topic (recent = the latest ${progress.settings?.recentResults ?? ''} results)`),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Topic'), h('th', { scope: 'col' }, 'Average'),
      h('th', { scope: 'col' }, 'Recent average'), h('th', { scope: 'col' }, 'Results'))),
    h('tbody', {}, progress.topics.map((t) => h('tr', { dataset: { topic: t.topic } },
      h('th', { scope: 'row', 'data-label': 'Topic' }, t.topic),
      h('td', { 'data-label': 'Average' }, `${formatScore(t.average)} / 5`),
      h('td', { 'data-label': 'Recent average' }, `${formatScore(t.recentAverage)} / 5`),
      h('td', { 'data-label': 'Results' }, String(t.count))))));
}

function progressSection(progress, error) {
  const body = error
    ? h('p', { class: 'notice notice--error', role: 'alert' }, `Progress could not be loaded: ${error.message}`)
    : !progress.topics?.length
      ? h('p', { class: 'empty' }, 'No graded answers yet. Progress appears once an answer has been graded.')
      : [
        h('figure', { class: 'progress-plot' },
          h('img', { src: '/api/progress/plot.svg', alt: `Line chart of the score per topic over time for ${progress.topics.length} topics; the table below gives the numbers.`, class: 'progress-plot__img' }),
          h('figcaption', { class: 'muted' }, `Score per topic over time (0–5), ${progress.results} graded results in all.`)),
        topicTable(progress),
      ];
  return h('section', { class: 'history-section', 'aria-labelledby': 'progress-title' },
    h('h2', { id: 'progress-title' }, 'Progress per topic'), body);
}

function weakSection(progress, error) {
  const s = progress?.settings;
  const rule = s ? `A topic is weak when it has at least ${s.minEvidence} results and the average of its latest ${s.recentResults} is below ${formatScore(s.weakBelow)}.` : null;
  return h('section', { class: 'history-section', 'aria-labelledby': 'weak-title' },
    h('h2', { id: 'weak-title' }, 'Weak topics'),
    rule ? h('p', { class: 'muted' }, rule) : null,
    error ? null : progress.weakTopics?.length
      ? h('ul', { class: 'weak-topics' }, progress.weakTopics.map((w) => h('li', { dataset: { topic: w.topic } },
        h('strong', {}, w.topic), ` — recent average ${formatScore(w.recentAverage)} / 5 over ${w.count} results`)))
      : h('p', { class: 'empty' }, 'No weak topics right now.'));
}

function practiceSection(plan, planError) {
  const saved = localStorage.getItem(PRACTICE_MODE_KEY) === 'mock' ? 'mock' : 'practice';
  const option = (value, title, detail) => h('label', { class: 'mode-option' },
    h('input', { type: 'radio', name: 'practice-mode', value, checked: value === saved,
      onchange: () => localStorage.setItem(PRACTICE_MODE_KEY, value) }),
    h('span', { class: 'mode-option__text' }, h('strong', {}, title), h('span', {}, detail)));
  const status = h('p', { id: 'practice-status', class: 'practice__status', role: 'status' });
  const questions = plan?.questions ?? [];
  const unavailable = planError
    ? `A practice round cannot be planned: ${planError.message}`
    : questions.length ? null : 'Nothing to practise yet: finish a round first, then the questions you found hard come back here.';
  const button = h('button', { type: 'button', class: 'btn btn--primary', disabled: Boolean(unavailable),
    'aria-describedby': 'practice-status' }, 'Practise my weak topics');
  if (unavailable) status.textContent = unavailable;
  const picker = h('fieldset', { class: 'mode-picker' },
    h('legend', {}, 'Mode of the practice round'),
    option('practice', 'Practice', 'Feedback after every answer'),
    option('mock', 'Mock', 'Feedback only at the end'));
  button.addEventListener('click', async () => {
    const mode = picker.querySelector('input[name=practice-mode]:checked')?.value ?? 'practice';
    button.disabled = true;
    status.className = 'practice__status';
    status.textContent = 'Starting…';
    try {
      const view = await api.startPractice(mode);
      history.save(entryFromView(view, view.token));
      rememberView(view);
      location.hash = `#/session/${encodeURIComponent(view.id)}`;
    } catch (e) {
      status.className = 'practice__status notice notice--error';
      status.textContent = `Could not start the practice round: ${e.message}`;
      button.disabled = false;
    }
  });
  return h('section', { class: 'history-section practice', 'aria-labelledby': 'practice-title' },
    h('h2', { id: 'practice-title' }, 'Practise'),
    questions.length ? [
      h('p', {}, `A round of ${questions.length === 1 ? 'one question' : `${questions.length} questions`}: the ones due again first, then new questions from weak topics.`),
      h('ol', { class: 'practice__plan' }, questions.map((q) => h('li', { dataset: { question: q.questionId } },
        h('strong', {}, q.title ?? q.questionId), h('span', { class: 'muted' }, ` · ${q.topic}${q.why ? ` — ${q.why}` : ''}`)))),
    ] : null,
    picker,
    h('div', { class: 'practice__actions' }, button, status));
}

async function settle(promise) {
  try {
    return [await promise, null];
  } catch (e) {
    return [null, e];
  }
}

export async function renderHistory(main) {
  fill(main, h('p', { class: 'muted' }, 'Loading…'));
  const [[rounds, roundsError], [progress, progressError], [plan, planError]] =
    await Promise.all([settle(api.history()), settle(api.progress()), settle(api.practicePlan())]);
  if (!location.hash.startsWith('#/history')) return; // the user moved on while loading
  const local = history.all();
  fill(main,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Loops'), ' / ', h('span', { 'aria-current': 'page' }, 'History')),
    h('h1', { tabindex: '-1' }, 'History'),
    h('section', { class: 'history-section', 'aria-labelledby': 'rounds-title' },
      h('h2', { id: 'rounds-title' }, 'Past rounds'),
      roundsError
        ? [h('p', { class: 'notice notice--error', role: 'alert' }, `The service's history could not be loaded: ${roundsError.message}. Showing the sessions kept in this browser.`),
          local.length ? historyTable(local) : h('p', { class: 'empty' }, 'No sessions in this browser.')]
        : rounds.length
          ? serverHistoryTable(rounds)
          : h('p', { class: 'empty' }, 'No rounds yet. ', h('a', { href: '#/' }, 'Pick a loop to start.'))),
    weakSection(progress, progressError),
    practiceSection(plan, planError),
    progressSection(progress, progressError));
}
