// This browser's past sessions: loop, round, date, score; resume an unfinished one or open its report.
import { h, clear, formatDate, formatScore, fill } from '../dom.js';
import { history } from '../store.js';
import { capitalize } from '../labels.js';

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

export function renderHistory(main) {
  const draw = () => {
    const entries = history.all();
    fill(main,
      h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Loops'), ' / ', h('span', { 'aria-current': 'page' }, 'History')),
      h('h1', { tabindex: '-1' }, 'Your sessions'),
      h('p', { class: 'muted' }, 'Kept in this browser. Removing an entry here does not delete the session on the service.'),
      entries.length
        ? historyTable(entries, { onRemove: (s) => { history.remove(s.id); draw(); main.querySelector('h1')?.focus(); } })
        : h('p', { class: 'empty' }, 'No sessions yet. ', h('a', { href: '#/' }, 'Pick a loop to start.')));
  };
  draw();
}
