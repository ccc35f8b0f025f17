// The report as a Markdown document, for download.
import { formatScore, slug } from './dom.js';

// The candidate's own words reach the report (strengths quote them): HTML in them is written as text, never as markup
// that a Markdown viewer would render or run.
const text = (s) => String(s ?? '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const cell = (s) => text(s).replaceAll('|', '\\|').replace(/\s+/g, ' ').trim();
const line = (s) => text(s).replace(/\s+/g, ' ').trim();

export function reportMarkdown(report, base) {
  const out = [];
  const persona = report.persona ?? {};
  out.push(`# Interview report: ${line(report.round?.title)}`, '');
  out.push(`- Loop: ${line(report.loop?.title)}`);
  out.push(`- Interviewer: ${line(persona.name)}${persona.role ? `, ${line(persona.role)}` : ''}`);
  out.push(`- Mode: ${line(report.mode)}`);
  if (report.startedAt) out.push(`- Started: ${report.startedAt}`);
  if (report.finishedAt) out.push(`- Finished: ${report.finishedAt}`);
  out.push('', `**Verdict: ${line(report.verdict)}**, average ${formatScore(report.averageScore)} / 5 against a bar of ${formatScore(report.bar)}.`, '');
  out.push('## Scores', '', '| # | Question | Topic | Score | Graded by | Attempts |', '|---|---|---|---|---|---|');
  (report.questions ?? []).forEach((q, i) => {
    out.push(`| ${i + 1} | ${cell(q.title ?? q.questionId)} | ${cell(q.topic)} | ${q.status === 'not-asked' ? 'not reached (0)' : q.skipped ? 'skipped (0)' : formatScore(q.score)} | ${cell(q.grader)} | ${q.attempts ?? 1} |`);
  });
  out.push('', '## Strengths', '');
  out.push(...((report.strengths ?? []).length ? report.strengths.map((s) => `- ${line(s)}`) : ['- (none this round)']));
  out.push('', '## Gaps', '');
  out.push(...((report.gaps ?? []).length ? report.gaps.map((s) => `- ${line(s)}`) : ['- (none found)']));
  out.push('', '## What to study next', '');
  out.push(...((report.study ?? []).length ? report.study.map((s) => {
    const m = /^\/?notes\/([^#?]+)(?:#(.+))?$/.exec(s.url ?? '');
    const note = m ? m[1] : encodeURIComponent(s.note ?? '');
    const section = m?.[2] ?? (s.section ? slug(s.section) : '');
    const href = `${base}#/notes/${note}${section ? `/${section}` : ''}`;
    return `- [${line(s.title ?? s.section ?? s.note).replaceAll(']', '\\]')}](${href})${s.section && !String(s.title ?? '').includes(s.section) ? ` (${line(s.section)})` : ''}`;
  }) : ['- (nothing specific)']));
  const answered = (report.questions ?? []).filter((q) => q.feedback || q.modelAnswer);
  if (answered.length) {
    out.push('', '## Question by question');
    for (const q of answered) {
      out.push('', `### ${line(q.title ?? q.questionId)}`, '');
      if (q.feedback) out.push(line(q.feedback), '');
      if (q.modelAnswer) out.push('Model answer outline:', '', String(q.modelAnswer).trim());
    }
  }
  out.push('');
  return out.join('\n');
}
