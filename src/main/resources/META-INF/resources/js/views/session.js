// The chat: the interviewer's words streamed over the WebSocket, the candidate's answers rendered as Markdown,
// feedback under each graded answer (practice mode), hint / clarify / skip / retry, a clock against the round.
import { h, clear, announce, formatScore, fill } from '../dom.js';
import { api } from '../api.js';
import { history, entryFromView } from '../store.js';
import { markdownInto } from '../markdown.js';
import { SessionSocket } from '../socket.js';
import { attachComposer, outgoingText } from '../composer.js';
import { feedbackCard } from '../feedback.js';
import { executionCard } from '../tests.js';
import { Clock } from '../clock.js';
import { CANDIDATE_MOVES, MOVES, capitalize, graderLabel, speakerLabel } from '../labels.js';
import { serviceStatus } from '../status.js';

const views = new Map();

/** Keeps a session view the service just returned, so the chat shows it before the socket connects. */
export function rememberView(view) {
  views.set(view.id, view);
}

const COMMANDS = [
  { command: 'hint', label: 'Hint', key: 'h', title: 'Ask for a hint' },
  { command: 'clarify', label: 'Clarify', key: 'c', title: 'Ask the interviewer to clarify the question (what is in the box is sent as your question)' },
  { command: 'skip', label: 'Skip', key: 's', title: 'Skip this question' },
  { command: 'retry', label: 'Retry', key: 'r', title: 'Answer the last question again; the new grade replaces the old one' },
];

let active = null;

/** Leaving the page closes the socket and stops the clock. */
export function leaveSession() {
  active?.dispose();
  active = null;
}

export async function renderSession(main, id) {
  leaveSession();
  const entry = history.get(id);
  if (!entry?.token) {
    fill(main,
      h('h1', { tabindex: '-1' }, 'This session is not in this browser'),
      h('p', {}, 'A session is opened with the token that was shown when it started, and this browser does not have it. ',
        h('a', { href: '#/' }, 'Start a new round'), ' or open one from ', h('a', { href: '#/history' }, 'your history'), '.'));
    return;
  }
  active = new SessionPage(main, id, entry.token, entry);
  active.start();
}

class SessionPage {
  constructor(main, id, token, entry) {
    this.main = main;
    this.id = id;
    this.token = token;
    this.entry = entry;
    this.view = null;
    this.messages = new Map(); // seq -> message
    this.streams = new Map(); // seq -> {el, text}
    this.busy = false;
    this.mode = 'prose';
    this.modeChosen = false;
    this.retrying = false;
    this.disposed = false;
    this.build();
  }

  // ---------- layout ----------

  build() {
    const e = this.entry;
    this.title = h('h1', { class: 'session__title', tabindex: '-1' }, e.round?.title ?? 'Interview');
    this.crumbs = h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' },
      h('a', { href: '#/' }, 'Loops'), ' / ',
      e.loop?.id ? h('a', { href: `#/loops/${encodeURIComponent(e.loop.id)}` }, e.loop.title ?? e.loop.id) : null);
    this.personaLine = h('p', { class: 'session__persona' });
    this.chips = h('ul', { class: 'chips', 'aria-label': 'Who is interviewing and grading' });
    this.clockEl = h('div', { class: 'clock', role: 'timer', 'aria-label': 'Time left in the round' });
    this.progress = h('p', { class: 'session__progress' });
    this.connection = h('div', { class: 'connection', role: 'status' });
    this.transcript = h('div', {
      class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Interview transcript',
      tabindex: '0',
    });
    this.typing = h('div', { class: 'typing', hidden: true, 'aria-hidden': 'true' },
      h('span', { class: 'typing__dots' }, h('span'), h('span'), h('span')), h('span', { class: 'typing__who' }));
    this.latest = h('button', { type: 'button', class: 'btn btn--secondary btn--small latest', hidden: true,
      onclick: () => { this.scrollDown(true); this.textarea.focus(); } }, 'Latest message ↓');
    this.transcript.addEventListener('scroll', () => this.updateLatest());
    this.alerts = h('div', { class: 'session__alerts', role: 'alert' });
    this.finished = h('div', { class: 'finished', hidden: true });

    this.textarea = h('textarea', {
      id: 'answer', class: 'composer__input', rows: '3', spellcheck: 'true', autocomplete: 'off',
      'aria-describedby': 'composer-help', placeholder: 'Your answer… (Markdown and ``` code blocks welcome)',
    });
    this.modeToggle = h('button', {
      type: 'button', class: 'btn btn--toggle', 'aria-pressed': 'false', 'aria-keyshortcuts': 'Alt+M',
      title: 'Code mode: monospace, Tab indents, Ctrl+Enter sends (Alt+M)',
      onclick: () => this.setMode(this.mode === 'code' ? 'prose' : 'code', true),
    }, h('span', { 'aria-hidden': 'true', class: 'btn__icon' }, '</>'), ' Code');
    this.sendButton = h('button', { type: 'submit', class: 'btn btn--primary composer__send' }, 'Send');
    this.help = h('p', { id: 'composer-help', class: 'composer__help' });
    this.retryBar = h('div', { class: 'retry-bar', hidden: true },
      h('span', {}, 'Retrying: edit your answer and send it; the new grade replaces the old one.'),
      h('button', { type: 'button', class: 'btn btn--ghost btn--small', onclick: () => this.setRetrying(false) }, 'Cancel retry'));
    this.commandButtons = COMMANDS.map((c) => h('button', {
      type: 'button', class: 'btn btn--secondary', dataset: { command: c.command },
      title: `${c.title} (Alt+${c.key.toUpperCase()})`, 'aria-keyshortcuts': `Alt+${c.key.toUpperCase()}`,
      onclick: () => this.command(c.command),
    }, c.label));
    this.endButton = h('button', {
      type: 'button', class: 'btn btn--ghost btn--danger', title: 'End the round now and see the report',
      onclick: () => this.confirmEnd(),
    }, 'End round');
    this.form = h('form', { class: 'composer', 'aria-label': 'Your answer' },
      this.retryBar,
      h('label', { for: 'answer', class: 'visually-hidden' }, 'Your answer'),
      this.textarea,
      h('div', { class: 'composer__bar' },
        h('div', { class: 'composer__tools', role: 'group', 'aria-label': 'Interview actions' },
          this.modeToggle, ...this.commandButtons, this.endButton),
        this.sendButton),
      this.help);
    this.form.addEventListener('submit', (event) => { event.preventDefault(); this.sendAnswer(); });
    this.buildCodePanel();
    attachComposer(this.textarea, { mode: () => this.mode, send: () => this.sendAnswer() });
    this.onKey = (event) => this.shortcut(event);
    document.addEventListener('keydown', this.onKey);

    fill(this.main, h('section', { class: 'session' },
      h('header', { class: 'session__head' },
        h('div', { class: 'session__heading' }, this.crumbs, this.title, this.personaLine),
        this.clockEl,
        h('div', { class: 'session__meta' }, this.chips, this.progress, this.connection)),
      this.alerts,
      h('div', { class: 'session__chat' }, this.transcript, this.latest, this.typing),
      this.finished,
      this.codePanel,
      this.form));
    this.setMode('prose', false);
    this.clock = new Clock(this.clockEl);
  }

  // ---------- the code editor of coding questions ----------

  buildCodePanel() {
    this.codeSignature = h('code', { class: 'code-panel__signature' });
    this.editorHost = h('div', { class: 'code-panel__editor' });
    this.runButton = h('button', { type: 'button', class: 'btn btn--secondary', title: 'Run your code against the visible examples; nothing is graded (Ctrl+Enter in the editor)',
      onclick: () => this.runCode() }, '▶ Run examples');
    this.submitCodeButton = h('button', { type: 'button', class: 'btn btn--primary', title: 'Send the code with the explanation in the box below as your answer; every test runs (Ctrl+Shift+Enter in the editor)',
      onclick: () => this.submitCode() }, 'Submit code');
    this.codePanel = h('section', { class: 'code-panel', hidden: true, 'aria-label': 'Code editor' },
      h('p', { class: 'code-panel__head' }, 'Write ', this.codeSignature, ' · Python'),
      this.editorHost,
      h('div', { class: 'code-panel__bar' }, this.runButton, this.submitCodeButton,
        h('span', { class: 'muted' }, 'Explain your approach in the box below; it is sent with the code.')));
  }

  async showEditor(q) {
    const code = q?.code;
    this.codePanel.hidden = !code;
    this.codePanel.parentElement?.classList.toggle('session--coding', Boolean(code));
    if (!code || this.editorFor === q.id) return;
    this.editorFor = q.id;
    this.codeSignature.textContent = code.signature;
    this.editor?.destroy();
    this.editor = null;
    this.editorHost.replaceWith(this.editorHost = h('div', { class: 'code-panel__editor' }));
    try {
      const { createCodeEditor } = await import('../code-editor.js');
      if (this.editorFor !== q.id || this.disposed) return;
      this.editor = createCodeEditor(this.editorHost, {
        doc: code.starter, label: `Code for ${q.title}`, onRun: () => this.runCode(), onSubmit: () => this.submitCode(),
      });
    } catch (e) {
      // without the editor, code is written in the answer box in code mode
      this.codePanel.hidden = true;
      this.setMode('code', false);
      this.showError(`The code editor did not load (${e.message}); write the code in the box in code mode.`);
    }
  }

  runCode() {
    if (this.busy || this.view?.done || !this.editor) return;
    this.act({ command: 'run', text: this.editor.value() });
  }

  submitCode() {
    if (this.busy || this.view?.done || !this.editor) return;
    const words = this.textarea.value.trim();
    const text = `${words ? `${words}\n\n` : ''}\`\`\`python\n${this.editor.value().replace(/\s+$/, '')}\n\`\`\``;
    this.sendText(text);
  }

  start() {
    const cached = views.get(this.id);
    if (cached) {
      this.applyView(cached);
    } else {
      // show the transcript at once over REST; the socket's session frame, when it comes, wins
      api.session(this.id, this.token).then((view) => {
        if (!this.disposed && !this.gotSessionFrame) this.applyView(view);
      }).catch((e) => {
        if (this.disposed || this.gotSessionFrame) return;
        if (e.status === 404 || e.status === 403 || e.status === 401) this.fatal(e.message);
      });
    }
    this.socket = new SessionSocket(this.id, this.token, {
      onFrame: (frame) => this.onFrame(frame),
      onStatus: (status, detail) => this.onStatus(status, detail),
      onFatal: (message) => this.fatal(message),
    });
    this.socket.connect();
    serviceStatus().then((status) => { this.status = status; if (status && !this.disposed) this.renderChips(); });
    // ready to answer: the box has the focus (the transcript is a live log, so new messages are read out)
    if (this.form.hidden) this.title.focus();
    else this.textarea.focus();
  }

  dispose() {
    this.disposed = true;
    this.socket?.close();
    this.clock?.stop();
    clearTimeout(this.busyTimer);
    document.removeEventListener('keydown', this.onKey);
  }

  // ---------- the session view ----------

  applyView(view) {
    this.view = view;
    views.set(view.id, view);
    history.save({ ...entryFromView(view), ...(view.done ? { done: true } : {}) });
    const p = view.persona ?? {};
    this.title.textContent = view.round?.title ?? 'Interview';
    document.title = `${view.round?.title ?? 'Interview'} · Interview Loop`;
    fill(this.personaLine,
      h('span', { class: 'session__who' }, p.name ?? 'Interviewer'),
      p.role ? `, ${p.role}` : '', p.style ? h('span', { class: 'muted' }, ` · ${p.style}`) : null);
    this.renderChips();
    this.clock.set(view.startedAt, view.endsAt, view.round?.durationMinutes, view.done, view.finishedAt);
    this.renderProgress();
    this.rebuild(view.messages ?? []);
    this.setDone(view.done, view.state);
  }

  renderChips() {
    const status = this.status;
    const v = this.view ?? {};
    const interviewer = v.interviewer ?? status?.interviewer;
    const grader = v.grader ?? status?.grader;
    fill(this.chips,
      v.mode ? h('li', { class: `chip chip--mode chip--${v.mode}` }, capitalize(v.mode)) : null,
      interviewer ? h('li', { class: `chip chip--speaker chip--${interviewer === 'llm' ? 'llm' : 'builtin'}`, title: `Who words the interviewer's turns: ${speakerLabel(interviewer)}` },
        `Interviewer: ${interviewer === 'llm' ? 'LLM' : interviewer}`) : null,
      grader ? h('li', { class: 'chip chip--grader', title: `Who grades the answers: ${graderLabel(grader)}` }, `Grader: ${grader}`) : null,
      status?.llm?.enabled && status.llm.model ? h('li', { class: 'chip chip--llm', title: 'The model behind the LLM roles' }, `Model: ${status.llm.model}`) : null);
  }

  renderProgress() {
    const q = this.view?.currentQuestion;
    const hint = this.commandButtons.find((b) => b.dataset.command === 'hint');
    if (q && Number.isInteger(q.hintsLeft)) {
      hint.textContent = `Hint (${q.hintsLeft} left)`;
      hint.dataset.exhausted = q.hintsLeft === 0 ? 'true' : '';
    } else {
      hint.textContent = 'Hint';
    }
    if (this.view?.done) {
      this.progress.textContent = 'Round finished';
    } else if (q) {
      this.progress.textContent = `Question ${q.number} of ${q.of}${q.kind ? ` · ${q.kind}` : ''}`;
      if (!this.modeChosen) this.setMode(q.kind === 'coding' && !q.code ? 'code' : 'prose', false);
      this.showEditor(q);
    } else {
      this.progress.textContent = '';
    }
  }

  // ---------- transcript ----------

  rebuild(messages) {
    this.messages.clear();
    this.streams.clear();
    clear(this.transcript);
    for (const m of [...messages].sort((a, b) => a.seq - b.seq)) this.upsert(m);
    this.scrollDown(true);
  }

  upsert(message) {
    const old = this.messages.get(message.seq);
    const merged = { ...message };
    if (old?.grade && !message.grade) merged.grade = old.grade;
    this.messages.set(message.seq, merged);
    this.streams.delete(message.seq);
    const el = this.messageElement(merged);
    const existing = this.transcript.querySelector(`[data-seq="${merged.seq}"]`);
    if (existing) {
      existing.replaceWith(el);
    } else {
      const after = [...this.transcript.children].find((c) => Number(c.dataset.seq) > merged.seq);
      this.transcript.insertBefore(el, after ?? null);
    }
    return el;
  }

  messageElement(m) {
    if (m.role === 'system') {
      return h('div', { class: 'msg msg--system', dataset: { seq: m.seq } },
        h('p', {}, h('span', { class: 'visually-hidden' }, 'Notice: '), m.text));
    }
    if (m.role === 'interviewer') {
      const name = this.view?.persona?.name ?? 'Interviewer';
      return h('article', { class: `msg msg--interviewer msg--${m.speaker === 'llm' ? 'llm' : 'builtin'}`, dataset: { seq: m.seq, move: m.move } },
        h('header', { class: 'msg__head' },
          h('span', { class: 'msg__who' }, name),
          h('span', { class: `badge badge--${m.speaker === 'llm' ? 'llm' : 'builtin'}`, title: 'Who worded this message' },
            m.speaker === 'llm' ? 'LLM' : 'Built-in'),
          m.move ? h('span', { class: 'msg__move' }, MOVES[m.move] ?? m.move) : null,
          this.time(m.at)),
        markdownInto(h('div', { class: 'msg__body' }), m.text));
    }
    // candidate
    const move = m.move ?? 'answer';
    const isAnswer = move === 'answer' || move === 'retry';
    if (move === 'run') {
      return h('div', { class: 'turn turn--candidate turn--run', dataset: { seq: m.seq, move } },
        h('article', { class: 'msg msg--candidate' },
          h('header', { class: 'msg__head' }, h('span', { class: 'msg__who' }, 'You'),
            h('span', { class: 'msg__move' }, CANDIDATE_MOVES.run), this.time(m.at)),
          h('details', { class: 'msg__body' }, h('summary', {}, 'The code that ran'), h('pre', {}, h('code', {}, m.text ?? '')))),
        executionCard(m.execution));
    }
    const body = isAnswer ? markdownInto(h('div', { class: 'msg__body' }), m.text)
      : h('div', { class: 'msg__body msg__body--command' }, h('p', {}, CANDIDATE_MOVES[move] ?? move),
        m.text && move !== 'skip' ? markdownInto(h('div', {}), m.text) : null);
    const wrap = h('div', { class: `turn turn--candidate${isAnswer ? '' : ' turn--command'}`, dataset: { seq: m.seq, move } },
      h('article', { class: 'msg msg--candidate' },
        h('header', { class: 'msg__head' },
          h('span', { class: 'msg__who' }, 'You'),
          move === 'retry' ? h('span', { class: 'msg__move' }, CANDIDATE_MOVES[move]) : null,
          this.time(m.at)),
        body));
    if (m.grade) wrap.append(feedbackCard(m.grade, body));
    if (m.grade?.execution) wrap.append(executionCard(m.grade.execution));
    else if (isAnswer && this.view?.mode === 'mock' && !this.view?.done) {
      wrap.append(h('p', { class: 'feedback-pending' }, 'Mock mode: feedback comes in the report at the end.'));
    }
    return wrap;
  }

  time(at) {
    if (!at) return null;
    const d = new Date(at);
    if (Number.isNaN(d.getTime())) return null;
    return h('time', { class: 'msg__time', datetime: at }, d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }));
  }

  scrollDown(force) {
    const t = this.transcript;
    const near = t.scrollHeight - t.scrollTop - t.clientHeight < 160;
    if (force || near) t.scrollTop = t.scrollHeight;
    this.updateLatest();
  }

  /** After a graded answer the feedback is what to read first: its turn goes to the top of the transcript. */
  scrollToTurn(el) {
    this.transcript.scrollTop = Math.max(0, el.offsetTop - 8);
    this.updateLatest();
  }

  /** Follows new messages to the bottom, unless the candidate is reading this turn's feedback. */
  follow() {
    if (this.gradedTurn?.isConnected) this.updateLatest();
    else this.scrollDown(true);
  }

  updateLatest() {
    const t = this.transcript;
    this.latest.hidden = t.scrollHeight - t.scrollTop - t.clientHeight < 40;
  }

  // ---------- frames ----------

  onFrame(frame) {
    switch (frame.type) {
      case 'session':
        this.gotSessionFrame = true;
        this.alerts.replaceChildren();
        this.setBusy(false);
        this.applyView(frame.session);
        break;
      case 'start': this.startStream(frame); break;
      case 'delta': this.appendStream(frame); break;
      case 'message': {
        this.upsert(frame.message);
        // the transcript is a live log: the finished message is read out from there
        if (frame.message.role === 'interviewer') this.setBusy(true, false);
        this.follow();
        break;
      }
      case 'grade': this.attachGrade(frame.seq, frame.grade); break;
      case 'state': this.onState(frame); break;
      case 'error': this.showError(frame.message); this.setBusy(false); break;
      case 'notice':
        if (frame.message) this.upsert(frame.message);
        else this.upsertNotice(frame.text);
        this.scrollDown(true);
        break;
      default: break;
    }
  }

  startStream(frame) {
    this.typing.hidden = true;
    const name = this.view?.persona?.name ?? 'Interviewer';
    const text = document.createTextNode('');
    const body = h('div', { class: 'msg__body msg__body--streaming' }, h('p', {}, text));
    const el = h('article', {
      class: `msg msg--interviewer msg--${frame.speaker === 'llm' ? 'llm' : 'builtin'}`, dataset: { seq: frame.seq, move: frame.move },
      'aria-busy': 'true',
    },
    h('header', { class: 'msg__head' },
      h('span', { class: 'msg__who' }, name),
      h('span', { class: `badge badge--${frame.speaker === 'llm' ? 'llm' : 'builtin'}` }, frame.speaker === 'llm' ? 'LLM' : 'Built-in'),
      frame.move ? h('span', { class: 'msg__move' }, MOVES[frame.move] ?? frame.move) : null),
    body);
    const existing = this.transcript.querySelector(`[data-seq="${frame.seq}"]`);
    if (existing) existing.replaceWith(el);
    else this.transcript.append(el);
    this.streams.set(frame.seq, { el, text });
    this.follow();
  }

  appendStream(frame) {
    const s = this.streams.get(frame.seq);
    if (!s) return;
    s.text.appendData(frame.text ?? '');
    if (this.gradedTurn?.isConnected) this.updateLatest();
    else this.scrollDown(false);
  }

  attachGrade(seq, grade) {
    const m = this.messages.get(seq);
    if (!m) return;
    this.gradedTurn = this.upsert({ ...m, grade });
    this.scrollToTurn(this.gradedTurn);
    if (this.view && grade.grader && this.view.grader !== grade.grader) {
      this.view = { ...this.view, grader: grade.grader };
      this.renderChips();
    }
    announce(`Graded: ${formatScore(grade.score)} out of 5 by the ${graderLabel(grade.grader)}.`);
  }

  onState(frame) {
    this.pendingText = null;
    this.gradedTurn = null;
    this.setBusy(false);
    if (this.view) {
      this.view = { ...this.view, state: frame.state, done: frame.done, ...(frame.currentQuestion ? { currentQuestion: frame.currentQuestion } : {}) };
    }
    this.setDone(frame.done, frame.state);
    this.refreshHeader();
  }

  upsertNotice(text) {
    this.transcript.append(h('div', { class: 'msg msg--system' }, h('p', {}, h('span', { class: 'visually-hidden' }, 'Notice: '), text)));
    this.scrollDown(true);
  }

  /** After a turn the question number may have moved on; mock mode reveals its grades when the round ends. */
  async refreshHeader() {
    try {
      const view = await api.session(this.id, this.token);
      if (this.disposed) return;
      const mockEnded = view.done && view.mode === 'mock';
      this.view = { ...this.view, ...view, messages: undefined };
      if (mockEnded) {
        this.applyView(view);
      } else {
        this.renderProgress();
        this.renderChips();
        this.clock.set(view.startedAt, view.endsAt, view.round?.durationMinutes, view.done, view.finishedAt);
      }
    } catch {
      // the header keeps what it had; the socket's next session frame brings it up to date
    }
  }

  onStatus(status, detail) {
    clear(this.connection);
    this.connection.dataset.status = status;
    if (status === 'open') {
      this.connection.append(h('span', { class: 'dot dot--ok', 'aria-hidden': 'true' }), 'Live');
    } else if (status === 'connecting') {
      this.connection.append(h('span', { class: 'dot dot--wait', 'aria-hidden': 'true' }), detail ? 'Reconnecting…' : 'Connecting…');
    } else if (status === 'waiting') {
      this.setBusy(false);
      this.connection.append(h('span', { class: 'dot dot--off', 'aria-hidden': 'true' }),
        `Connection lost; retrying in ${detail} s `,
        h('button', { type: 'button', class: 'btn btn--link', onclick: () => this.socket.now() }, 'Reconnect now'));
    }
  }

  fatal(message) {
    this.socket?.close();
    this.onStatus('closed');
    fill(this.connection, h('span', { class: 'dot dot--off', 'aria-hidden': 'true' }), 'Disconnected');
    this.showError(`${message} The chat cannot continue; open the round again from your history or start a new one.`);
    this.setDone(true, this.view?.state);
  }

  showError(message) {
    if (this.pendingText && !this.textarea.value) {
      // the answer did not go through: give it back
      this.textarea.value = this.pendingText;
      this.textarea.dispatchEvent(new Event('input'));
    }
    this.pendingText = null;
    this.alerts.replaceChildren(h('p', { class: 'notice notice--error' }, message,
      h('button', { type: 'button', class: 'btn btn--link', onclick: () => this.alerts.replaceChildren(), 'aria-label': 'Dismiss the error' }, 'Dismiss')));
  }

  // ---------- acting ----------

  setBusy(busy, showTyping = true) {
    this.busy = busy;
    clearTimeout(this.busyTimer);
    this.typing.hidden = !(busy && showTyping);
    this.typing.querySelector('.typing__who').textContent = `${this.view?.persona?.name ?? 'The interviewer'} is thinking…`;
    this.sendButton.disabled = busy || Boolean(this.view?.done);
    for (const b of [...this.commandButtons, this.runButton, this.submitCodeButton]) b.disabled = busy || Boolean(this.view?.done);
    if (busy) this.busyTimer = setTimeout(() => this.setBusy(false), 30000);
  }

  setDone(done, state) {
    const finished = Boolean(done) || state === 'FINISHED';
    this.form.hidden = finished;
    if (finished) {
      this.codePanel.hidden = true;
      this.codePanel.parentElement?.classList.remove('session--coding');
    }
    this.finished.hidden = !finished;
    if (finished) {
      if (this.clock.timer) this.clock.stop(true);
      history.save({ id: this.id, done: true });
      fill(this.finished,
        h('p', {}, h('strong', {}, 'The round is over. '), 'Your report has the per-question scores, strengths, gaps and what to study next.'),
        h('a', { class: 'btn btn--primary', href: `#/session/${encodeURIComponent(this.id)}/report` }, 'See the report'));
      this.renderProgress();
    }
  }

  setMode(mode, chosen) {
    this.mode = mode;
    if (chosen) this.modeChosen = true;
    const code = mode === 'code';
    this.textarea.classList.toggle('composer__input--code', code);
    this.textarea.spellcheck = !code;
    this.modeToggle.setAttribute('aria-pressed', String(code));
    this.textarea.placeholder = code
      ? 'Your code… (Tab indents, Ctrl+Enter sends)'
      : 'Your answer… (Markdown and ``` code blocks welcome)';
    this.help.textContent = code
      ? 'Code mode: Tab indents, Shift+Tab dedents, Enter keeps the indentation, Ctrl+Enter sends. Esc then Tab leaves the box.'
      : 'Enter sends, Shift+Enter starts a new line. Markdown and ``` code blocks are rendered. Alt+H hint, Alt+C clarify, Alt+S skip, Alt+R retry, Alt+M code mode.';
    if (chosen) this.textarea.focus();
  }

  setRetrying(on) {
    this.retrying = on;
    this.retryBar.hidden = !on;
    this.sendButton.textContent = on ? 'Send new answer' : 'Send';
    if (on) {
      const last = [...this.messages.values()].filter((m) => m.role === 'candidate' && (m.move === 'answer' || m.move === 'retry')).pop();
      if (last && !this.textarea.value.trim()) {
        this.textarea.value = last.text ?? '';
        this.textarea.dispatchEvent(new Event('input'));
      }
    }
    this.textarea.focus();
  }

  shortcut(event) {
    if (!event.altKey || event.ctrlKey || event.metaKey || this.form.hidden) return;
    // event.code, not event.key: on a Mac, Option+H types "˙"
    const key = /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : event.key.toLowerCase();
    if (key === 'm') {
      event.preventDefault();
      this.setMode(this.mode === 'code' ? 'prose' : 'code', true);
      return;
    }
    const c = COMMANDS.find((x) => x.key === key);
    if (c) {
      event.preventDefault();
      this.command(c.command);
    }
  }

  confirmEnd() {
    if (this.endButton.dataset.armed) {
      delete this.endButton.dataset.armed;
      this.endButton.textContent = 'End round';
      this.act({ command: 'end' });
      return;
    }
    this.endButton.dataset.armed = 'true';
    this.endButton.textContent = 'Confirm: end now';
    announce('Press End round again to end the round.');
    setTimeout(() => {
      if (this.endButton.dataset.armed) {
        delete this.endButton.dataset.armed;
        this.endButton.textContent = 'End round';
      }
    }, 5000);
  }

  command(command) {
    if (this.busy || this.view?.done) return;
    if (command === 'retry') {
      if (!this.retrying) {
        this.setRetrying(true);
        return;
      }
      this.sendAnswer();
      return;
    }
    if (command === 'clarify' && this.textarea.value.trim()) {
      // what is in the box is the clarifying question
      const text = this.textarea.value.trim();
      this.pendingText = this.textarea.value;
      this.textarea.value = '';
      this.textarea.dispatchEvent(new Event('input'));
      this.act({ command, text });
      return;
    }
    this.act({ command });
  }

  sendAnswer() {
    if (this.busy || this.view?.done) return;
    const text = outgoingText(this.textarea.value, this.mode);
    if (!text) {
      this.textarea.focus();
      announce('Write an answer first.');
      return;
    }
    this.sendText(text);
  }

  /** Sends an answer (or, while retrying, the new answer); the box empties once it is on its way. */
  sendText(text) {
    const body = this.retrying ? { command: 'retry', text } : { text };
    this.pendingText = this.textarea.value;
    if (this.act(body)) {
      this.textarea.value = '';
      this.textarea.dispatchEvent(new Event('input'));
      this.setRetrying(false);
    }
  }

  /** Sends one action over the socket, or over REST while the socket is down. */
  act(body) {
    this.gradedTurn = null;
    this.alerts.replaceChildren();
    this.scrollDown(true);
    this.setBusy(true);
    const frame = body.command ? { type: 'command', command: body.command, text: body.text ?? null } : { type: 'answer', text: body.text };
    if (this.socket.send(frame)) return true;
    api.act(this.id, this.token, body).then((result) => {
      if (this.disposed) return;
      const [first, ...rest] = result.messages ?? [];
      const turn = first ? this.upsert(result.grade ? { ...first, grade: result.grade } : first) : null;
      for (const m of rest) this.upsert(m);
      if (turn && result.grade) this.scrollToTurn(turn);
      else this.scrollDown(true);
      this.onState({ state: result.state, done: result.done });
    }).catch((e) => {
      if (this.disposed) return;
      this.setBusy(false);
      this.showError(e.message);
    });
    return true;
  }
}
