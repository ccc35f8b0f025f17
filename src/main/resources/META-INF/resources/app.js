// Interview Loop in the browser: a hash router over the views. No build step: ES modules, libraries from mvnpm.
import { h, clear, fill } from './js/dom.js';
import { renderHome } from './js/views/home.js';
import { renderLoop } from './js/views/loop.js';
import { renderSession, leaveSession } from './js/views/session.js';
import { renderReport } from './js/views/report.js';
import { renderHistory } from './js/views/history.js';
import { renderNotePage } from './js/notes.js';
import { serviceStatus } from './js/status.js';
import { speakerLabel, graderLabel } from './js/labels.js';

const main = document.getElementById('main');

const routes = [
  [/^#?\/?$/, () => renderHome(main)],
  [/^#\/loops\/([^/]+)$/, (id) => renderLoop(main, id)],
  [/^#\/session\/([^/]+)$/, (id) => renderSession(main, id)],
  [/^#\/session\/([^/]+)\/report$/, (id) => renderReport(main, id)],
  [/^#\/history$/, () => renderHistory(main)],
  [/^#\/notes\/([^/]+)(?:\/([^/]+))?$/, (note, section) => renderNotePage(main, note, section)],
];

function currentNav(hash) {
  for (const a of document.querySelectorAll('.site-nav a')) {
    const here = a.getAttribute('href') === '#/history' ? hash.startsWith('#/history') : !hash.startsWith('#/history');
    if (here) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function route() {
  const hash = location.hash || '#/';
  const isSession = /^#\/session\/[^/]+$/.test(hash);
  if (!isSession) leaveSession();
  document.body.dataset.view = isSession ? 'session' : hash.split('/')[1] || 'home';
  document.title = 'Interview Loop';
  currentNav(hash);
  for (const [pattern, render] of routes) {
    const m = pattern.exec(hash);
    if (m) {
      window.scrollTo(0, 0);
      await render(...m.slice(1).map((x) => (x === undefined ? undefined : decodeURIComponent(x))));
      // move focus to the new page's heading, unless the view already put it somewhere inside (a note's section)
      const focused = document.activeElement;
      if (!isSession && (!focused || focused === document.body || focused === main || !main.contains(focused))) {
        main.querySelector('h1')?.focus({ preventScroll: true });
      }
      return;
    }
  }
  fill(main, h('h1', { tabindex: '-1' }, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the loops')));
  main.querySelector('h1').focus();
}

async function showStatus() {
  const status = await serviceStatus();
  const el = document.getElementById('service-status');
  if (!status || !el) return;
  const parts = [];
  if (status.interviewer) parts.push(`Interviewer: ${speakerLabel(status.interviewer)}`);
  if (status.grader) parts.push(`Grader: ${graderLabel(status.grader)}`);
  if (status.llm?.enabled && status.llm.model) parts.push(`Model: ${status.llm.model}`);
  el.textContent = parts.join(' · ');
  el.hidden = parts.length === 0;
}

// printing shows every collapsed part (model answers, habits); they close again afterwards
let opened = [];
window.addEventListener('beforeprint', () => {
  opened = [...document.querySelectorAll('details:not([open])')];
  for (const d of opened) d.open = true;
});
window.addEventListener('afterprint', () => {
  for (const d of opened) d.open = false;
  opened = [];
});

window.addEventListener('hashchange', route);
route();
showStatus();
