// What running code against a coding question's tests gave: a summary line and one row per case. Hidden cases
// show only whether they passed.
import { h } from './dom.js';

export function executionCard(execution) {
  if (!execution) return null;
  const e = execution;
  const ran = ['ran', 'crashed'].includes(e.status);
  const scope = e.scope === 'visible' ? 'examples' : 'tests';
  const title = ran ? `${e.passed} of ${e.total} ${scope} passed`
    : e.status === 'not-loaded' ? `The code did not load: 0 of ${e.total} ${scope} passed` : 'The tests did not run';
  const ok = ran && e.passed === e.total && e.total > 0;
  return h('section', { class: `tests tests--${ok ? 'pass' : 'fail'}`, 'aria-label': 'Test results' },
    h('p', { class: 'tests__summary' }, h('strong', {}, title),
      e.runtimeMs ? h('span', { class: 'muted' }, ` · ${e.runtimeMs} ms`) : null,
      e.timedOut ? h('span', { class: 'tests__flag' }, ' · time limit hit') : null,
      e.limitHit ? h('span', { class: 'tests__flag' }, ' · a limit was hit') : null),
    e.message ? h('p', { class: 'tests__message' }, e.message) : null,
    e.cases?.length ? h('table', { class: 'tests__table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Case'), h('th', {}, 'Result'), h('th', {}, 'Call'), h('th', {}, 'Expected'), h('th', {}, 'Got'))),
      h('tbody', {}, ...e.cases.map((c) => h('tr', { class: c.passed ? 'case--pass' : 'case--fail' },
        h('td', {}, c.name, c.hidden ? h('span', { class: 'muted' }, ' (hidden)') : null,
          c.check === 'complexity' ? h('span', { class: 'muted' }, ' (complexity)') : null),
        h('td', {}, c.passed ? '✓ passed' : '✗ failed'),
        h('td', {}, c.input ? h('code', {}, c.input) : ''),
        h('td', {}, c.expected ? h('code', {}, c.expected) : ''),
        h('td', {}, c.got ? h('code', {}, c.got) : '', c.error && c.error !== 'wrong result' ? h('span', { class: 'tests__error' }, ` ${c.error}`) : null,
          c.output ? h('details', {}, h('summary', {}, 'printed'), h('pre', {}, c.output)) : null))))) : null,
    e.complexity ? h('p', { class: 'tests__complexity' },
      `${e.complexity.passed ? '✓' : '✗'} Complexity: ${e.complexity.requirement}`,
      e.complexity.detail ? h('span', { class: 'muted' }, ` (${e.complexity.detail})`) : null) : null,
    e.runtime ? h('p', { class: 'muted tests__runtime' }, e.runtime) : null);
}
