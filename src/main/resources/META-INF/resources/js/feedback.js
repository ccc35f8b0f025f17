// Feedback on one answer: score, rubric points covered (with the candidate's words) and missed,
// misconceptions with corrections, the model answer and the reference passages the grade relied on.
import { h, formatScore, slug } from './dom.js';
import { markdownInto, highlightPhrases } from './markdown.js';
import { FLAGS, graderLabel, graderShort, scoreTone } from './labels.js';
import { openNote } from './notes.js';

export function scoreMeter(score, max = 5, label = 'Score') {
  const tone = scoreTone(score);
  const pct = Math.max(0, Math.min(100, (Number(score) / max) * 100));
  return h('div', { class: `score score--${tone}` },
    h('span', { class: 'score__value', 'aria-hidden': 'true' }, formatScore(score), h('small', {}, ` / ${max}`)),
    h('span', { class: 'visually-hidden' }, `${label}: ${formatScore(score)} out of ${max}`),
    h('span', { class: 'score__track', 'aria-hidden': 'true' },
      (() => { const fill = h('span', { class: 'score__fill' }); fill.style.width = `${pct}%`; return fill; })()));
}

function sectionName(section) {
  const parts = String(section ?? '').split(' > ');
  return parts[parts.length - 1];
}

export function noteHref(doc, section) {
  return `#/notes/${encodeURIComponent(doc)}${section ? `/${slug(sectionName(section))}` : ''}`;
}

function reference(ref) {
  const name = sectionName(ref.section);
  const link = h('a', {
    href: noteHref(ref.doc, ref.section),
    class: 'ref__link',
    onclick: (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      openNote(ref.doc, name, ref);
    },
  }, ref.docTitle || ref.doc, name ? ` › ${name}` : '');
  return h('li', { class: 'ref' },
    link,
    ref.snippet ? h('blockquote', { class: 'ref__snippet' }, ref.snippet) : null,
    ref.file ? h('span', { class: 'ref__source' }, `${ref.file}${ref.line ? `:${ref.line}` : ''}`) : null);
}

/** The candidate's words without Markdown's emphasis and code markers, for quoting. */
function plain(text) {
  return String(text ?? '').replace(/(\*\*|__|`+)/g, '').replace(/\s+/g, ' ').trim();
}

function pointItem(point, kind) {
  const icon = { covered: '✓', partly: '◐', missed: '✗' }[kind];
  return h('li', { class: `point point--${kind}` },
    h('span', { class: 'point__icon', 'aria-hidden': 'true' }, icon),
    h('div', { class: 'point__body' },
      h('p', { class: 'point__text' }, point.text),
      point.evidence
        ? h('p', { class: 'point__evidence' }, h('span', { class: 'visually-hidden' }, 'Your words: '),
          h('mark', { class: `evidence evidence--${kind}` }, plain(point.evidence)))
        : null,
      point.reason && kind === 'missed' ? h('p', { class: 'point__reason' }, point.reason) : null));
}

/**
 * The feedback card for a graded answer.
 * @param grade the Grade from the service
 * @param answerEl the rendered answer, where the candidate's own words are highlighted
 */
export function feedbackCard(grade, answerEl) {
  const points = grade.keyPoints ?? [];
  const covered = points.filter((p) => p.verdict === 'COVERED');
  const partly = points.filter((p) => p.verdict === 'PARTLY');
  const missed = points.filter((p) => p.verdict === 'MISSED');
  const misconceptions = grade.misconceptions ?? [];
  const flags = grade.flags ?? [];
  const refs = grade.references ?? [];

  if (answerEl) {
    highlightPhrases(answerEl, [
      ...covered.map((p) => ({ text: p.evidence, className: 'evidence evidence--covered', title: `Covers: ${p.text}` })),
      ...partly.map((p) => ({ text: p.evidence, className: 'evidence evidence--partly', title: `Partly covers: ${p.text}` })),
      ...misconceptions.map((m) => ({ text: m.evidence, className: 'evidence evidence--wrong', title: `Wrong: ${m.statement}` })),
    ]);
  }

  const previous = grade.previousScore !== undefined && grade.previousScore !== null
    ? h('p', { class: 'feedback__previous' }, `Previous attempt: ${formatScore(grade.previousScore)} / 5`)
    : null;

  return h('section', { class: 'feedback', 'aria-label': 'Feedback on this answer' },
    h('header', { class: 'feedback__head' },
      scoreMeter(grade.score),
      h('div', { class: 'feedback__meta' },
        h('span', { class: 'chip chip--grader', title: `Which grader produced this score: ${graderLabel(grade.grader)}` }, `Graded by: ${graderShort(grade.grader)}`),
        grade.basis ? h('span', { class: 'chip' }, `Against: ${basisLabel(grade.basis)}`) : null,
        previous)),
    flags.length ? h('ul', { class: 'flags', 'aria-label': 'Flags' }, flags.map((f) => {
      const [label, why] = FLAGS[f] ?? [f, ''];
      return h('li', { class: 'flag', title: why }, h('strong', {}, label), why ? h('span', {}, ` ${why}`) : null);
    })) : null,
    grade.feedback ? h('p', { class: 'feedback__summary' }, grade.feedback) : null,
    covered.length || partly.length ? h('div', { class: 'feedback__group' },
      h('h4', {}, `Covered (${covered.length + partly.length} of ${points.length})`),
      h('ul', { class: 'points' }, covered.map((p) => pointItem(p, 'covered')), partly.map((p) => pointItem(p, 'partly')))) : null,
    missed.length ? h('div', { class: 'feedback__group' },
      h('h4', {}, `Missed (${missed.length})`),
      h('ul', { class: 'points' }, missed.map((p) => pointItem(p, 'missed')))) : null,
    misconceptions.length ? h('div', { class: 'feedback__group' },
      h('h4', {}, 'Misconceptions'),
      h('ul', { class: 'points' }, misconceptions.map((m) => h('li', { class: 'point point--wrong' },
        h('span', { class: 'point__icon', 'aria-hidden': 'true' }, '!'),
        h('div', { class: 'point__body' },
          m.evidence ? h('p', { class: 'point__evidence' }, 'You said: ', h('mark', { class: 'evidence evidence--wrong' }, plain(m.evidence))) : null,
          h('p', { class: 'point__text' }, h('strong', {}, 'Wrong: '), m.statement),
          h('p', { class: 'point__correction' }, h('strong', {}, 'Correction: '), m.correction)))))) : null,
    grade.modelAnswer ? h('details', { class: 'feedback__model' },
      h('summary', {}, 'Model answer outline'),
      markdownInto(h('div', {}), grade.modelAnswer)) : null,
    refs.length ? h('div', { class: 'feedback__group' },
      h('h4', {}, 'References'),
      h('ul', { class: 'refs' }, refs.map(reference))) : null);
}

function basisLabel(basis) {
  return { bank: 'the question\'s rubric', matched: 'a matched bank question', retrieved: 'retrieved notes',
    reference: 'a given reference answer' }[basis] ?? basis;
}
