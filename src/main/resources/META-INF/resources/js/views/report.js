// The round report: per-question scores as a chart, strengths, gaps, the verdict, what to study next;
// each answer with its feedback; download as Markdown; prints cleanly.
import { h, clear, formatScore, formatDate, slug, fill } from '../dom.js';
import { api } from '../api.js';
import { history } from '../store.js';
import { markdownInto } from '../markdown.js';
import { feedbackCard } from '../feedback.js';
import { VERDICTS, capitalize, graderLabel, graderShort, scoreTone } from '../labels.js';
import { reportMarkdown } from '../report-md.js';

const MAX = 5;

/** "/notes/regularization#why-l1-gives-sparse-solutions" -> the app's address of that note section. */
export function studyHref(item) {
  const m = /^\/?notes\/([^#?]+)(?:#(.+))?$/.exec(item.url ?? '');
  const note = m ? decodeURIComponent(m[1]) : item.note;
  const section = m?.[2] ?? (item.section ? slug(item.section) : '');
  return `#/notes/${encodeURIComponent(note)}${section ? `/${section}` : ''}`;
}

function svgBar(score, bar) {
  const svg = h('svg:svg', { class: 'bar-chart__svg', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
    h('svg:rect', { class: 'bar-chart__track', x: '0', y: '0', width: '100', height: '10', rx: '1.5' }),
    score === null || score === undefined ? null
      : h('svg:rect', { class: `bar-chart__fill bar-chart__fill--${scoreTone(score)}`, x: '0', y: '0', width: String((score / MAX) * 100), height: '10', rx: '1.5' }),
    bar ? h('svg:line', { class: 'bar-chart__bar', x1: String((bar / MAX) * 100), x2: String((bar / MAX) * 100), y1: '-1', y2: '11' }) : null);
  return svg;
}

function chart(report) {
  const bar = report.bar;
  return h('figure', { class: 'bar-chart' },
    h('figcaption', { class: 'bar-chart__caption' }, 'Score per question (0–5)',
      bar ? h('span', { class: 'bar-chart__legend' }, h('span', { class: 'bar-chart__legend-line', 'aria-hidden': 'true' }), ` hiring bar ${formatScore(bar)}`) : null),
    h('ol', { class: 'bar-chart__rows' }, (report.questions ?? []).map((q, i) => h('li', { class: 'bar-chart__row' },
      h('div', { class: 'bar-chart__label' },
        h('span', { class: 'bar-chart__title' }, `${i + 1}. ${q.title ?? q.questionId}`),
        h('span', { class: 'bar-chart__value' }, questionScore(q))),
      svgBar(q.skipped ? 0 : q.score, bar)))));
}

function questionScore(q) {
  if (q.status === 'not-asked') return 'not reached (0)';
  if (q.skipped || q.status === 'skipped') return 'skipped (0)';
  return `${formatScore(q.score)} / ${MAX}`;
}

const END_REASONS = {
  BUDGET: 'Every question of the round was asked.',
  TIME: 'The round\'s time ran out.',
  CANDIDATE: 'You ended the round early; questions not reached count as 0.',
};

/** One strength or gap: a leading "missed:"-style label in bold, the candidate's quoted words marked. */
function itemNode(text) {
  const label = /^([a-z][a-z ]{2,30}): /.exec(text);
  const rest = label ? text.slice(label[0].length) : text;
  const parts = rest.split(/"([^"]+)"/);
  return h('li', {},
    label ? h('strong', { class: 'report__label' }, `${label[1]}: `) : null,
    parts.map((part, i) => (i % 2 ? h('q', { class: 'said' }, part) : part)));
}

/** Strengths and gaps arrive as "<question title>: <point>"; they read better grouped under each question. */
function grouped(items, questions) {
  const titles = [...new Set(questions.map((q) => q.title).filter(Boolean))].sort((a, b) => b.length - a.length);
  const groups = new Map();
  for (const item of items) {
    const title = titles.find((t) => item.startsWith(`${t}: `)) ?? '';
    if (!groups.has(title)) groups.set(title, []);
    groups.get(title).push(title ? item.slice(title.length + 2) : item);
  }
  return [...groups.entries()].map(([title, rest]) => h('div', { class: 'report__group' },
    title ? h('h3', {}, title) : null,
    h('ul', {}, rest.map(itemNode))));
}

function list(title, items, empty, questions) {
  return h('section', { class: 'report__list' },
    h('h2', {}, title),
    items?.length ? grouped(items, questions) : h('p', { class: 'muted' }, empty));
}

function answersSection(view, report) {
  const messages = view?.messages ?? [];
  const graded = messages.filter((m) => m.role === 'candidate' && m.grade);
  if (!graded.length) {
    // no transcript at hand: the report's own feedback and model answers
    const withFeedback = (report.questions ?? []).filter((q) => q.feedback || q.modelAnswer);
    if (!withFeedback.length) return null;
    return h('section', { class: 'report__answers' }, h('h2', {}, 'Question by question'),
      withFeedback.map((q) => h('article', { class: 'report-answer' },
        h('h3', {}, q.title ?? q.questionId),
        q.feedback ? h('p', {}, q.feedback) : null,
        q.modelAnswer ? h('details', { class: 'feedback__model' }, h('summary', {}, 'Model answer outline'),
          markdownInto(h('div', {}), q.modelAnswer)) : null)));
  }
  const prompts = new Map();
  for (const m of messages) {
    if (m.role === 'interviewer' && m.questionId && (m.move === 'ask' || m.move === 'opening') && !prompts.has(m.questionId)) prompts.set(m.questionId, m.text);
  }
  const titles = new Map((report.questions ?? []).map((q) => [q.questionId, q.title]));
  return h('section', { class: 'report__answers' },
    h('h2', {}, 'Answer by answer'),
    h('p', { class: 'muted' }, 'Each answer with its feedback; open one to see it.'),
    graded.map((m) => {
      const body = markdownInto(h('div', { class: 'msg__body' }), m.text);
      const title = titles.get(m.questionId) ?? m.questionId ?? 'Answer';
      return h('details', { class: 'report-answer' },
        h('summary', {},
          h('span', { class: 'report-answer__title' }, title, m.move === 'retry' ? ' (retry)' : ''),
          h('span', { class: `report-answer__score score--${scoreTone(m.grade.score)}` }, `${formatScore(m.grade.score)} / ${MAX}`)),
        prompts.get(m.questionId) ? markdownInto(h('div', { class: 'report-answer__question' }), prompts.get(m.questionId)) : null,
        h('div', { class: 'msg msg--candidate' }, h('header', { class: 'msg__head' }, h('span', { class: 'msg__who' }, 'Your answer')), body),
        feedbackCard(m.grade, body));
    }));
}

export async function renderReport(main, id) {
  const entry = history.get(id);
  fill(main, h('p', { class: 'muted' }, 'Loading the report…'));
  if (!entry?.token) {
    fill(main, h('h1', { tabindex: '-1' }, 'This report is not in this browser'),
      h('p', {}, 'Reports are opened with the session\'s token, which this browser does not have. ', h('a', { href: '#/history' }, 'Your history'), '.'));
    return;
  }
  let report;
  let view = null;
  try {
    [report, view] = await Promise.all([api.report(id, entry.token), api.session(id, entry.token).catch(() => null)]);
  } catch (e) {
    const unfinished = e.status === 409;
    fill(main, h('h1', { tabindex: '-1' }, unfinished ? 'The round is not finished yet' : 'The report could not be loaded'),
      h('p', { class: `notice ${unfinished ? 'notice--info' : 'notice--error'}` }, e.message),
      h('p', {}, h('a', { class: 'btn btn--secondary', href: `#/session/${encodeURIComponent(id)}` }, 'Back to the interview')));
    return;
  }
  history.save({ id, score: report.averageScore, verdict: report.verdict, done: true });
  const tone = VERDICTS[report.verdict] ?? 'none';
  const persona = report.persona ?? {};
  const download = () => {
    const blob = new Blob([reportMarkdown(report, location.origin + location.pathname)], { type: 'text/markdown;charset=utf-8' });
    const a = h('a', { href: URL.createObjectURL(blob), download: `interview-report-${report.round?.id ?? 'round'}-${(report.finishedAt ?? '').slice(0, 10) || 'today'}.md` });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  };
  const questions = report.questions ?? [];
  fill(main, h('article', { class: 'report' },
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' },
      h('a', { href: '#/' }, 'Loops'), ' / ',
      report.loop?.id ? h('a', { href: `#/loops/${encodeURIComponent(report.loop.id)}` }, report.loop.title ?? report.loop.id) : null, ' / ',
      h('a', { href: `#/session/${encodeURIComponent(id)}` }, 'Interview'), ' / ', h('span', { 'aria-current': 'page' }, 'Report')),
    h('header', { class: 'report__head' },
      h('div', {},
        h('p', { class: 'eyebrow' }, `${report.loop?.title ?? ''}`),
        h('h1', { tabindex: '-1' }, `Report: ${report.round?.title ?? 'round'}`),
        h('p', { class: 'muted' },
          `${persona.name ?? 'Interviewer'}${persona.role ? `, ${persona.role}` : ''} · ${capitalize(report.mode)} mode`,
          report.finishedAt ? ` · ${formatDate(report.finishedAt)}` : '')),
      h('div', { class: 'report__actions no-print' },
        h('button', { type: 'button', class: 'btn btn--secondary', onclick: download }, 'Download Markdown'),
        h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => window.print() }, 'Print'))),
    h('section', { class: `verdict verdict--${tone}`, 'aria-label': 'Verdict' },
      h('p', { class: 'verdict__label' }, 'Verdict'),
      h('p', { class: 'verdict__value' }, capitalize(report.verdict ?? 'none')),
      h('p', { class: 'verdict__detail' },
        `Average ${formatScore(report.averageScore)} / ${MAX} against ${persona.name ? `${persona.name}'s` : 'the'} bar of ${formatScore(report.bar)}.`,
        END_REASONS[report.endReason] ? ` ${END_REASONS[report.endReason]}` : '')),
    chart(report),
    h('table', { class: 'report__table' },
      h('caption', { class: 'visually-hidden' }, 'Scores per question'),
      h('thead', {}, h('tr', {}, ['Question', 'Topic', 'Score', 'Graded by', 'Attempts', 'Hints'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, questions.map((q) => h('tr', {},
        h('th', { scope: 'row' }, q.title ?? q.questionId, q.drillOf ? h('span', { class: 'muted' }, ' (follow-up)') : null),
        h('td', {}, q.topic ?? ''),
        h('td', {}, questionScore(q)),
        h('td', {}, q.grader ? h('span', { title: graderLabel(q.grader) }, graderShort(q.grader)) : '–'),
        h('td', {}, String(q.attempts ?? 0)),
        h('td', {}, String(q.hints ?? 0)))))),
    h('div', { class: 'report__columns' },
      list('Strengths', report.strengths, 'No clear strengths this round.', questions),
      list('Gaps', report.gaps, 'No gaps found.', questions)),
    h('section', { class: 'report__study' },
      h('h2', {}, 'What to study next'),
      report.study?.length
        ? h('ul', { class: 'study' }, report.study.map((s) => h('li', {},
          h('a', { href: studyHref(s) }, s.title ?? s.section ?? s.note),
          s.section && !String(s.title ?? '').includes(s.section) ? h('span', { class: 'muted' }, ` · ${s.section}`) : null)))
        : h('p', { class: 'muted' }, 'Nothing specific: keep practising.')),
    answersSection(view, report),
    h('p', { class: 'no-print report__foot' },
      h('a', { class: 'btn btn--primary', href: report.loop?.id ? `#/loops/${encodeURIComponent(report.loop.id)}` : '#/' }, 'Practise another round'))));
}
