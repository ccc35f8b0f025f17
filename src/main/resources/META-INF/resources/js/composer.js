// The answer box. Prose mode: Enter sends, Shift+Enter is a new line. Code mode (monospace): Tab and Shift+Tab
// indent and dedent, Enter keeps the line's indentation, Ctrl+Enter (or Cmd+Enter) sends; Esc then Tab leaves.

const INDENT = '    ';

function insert(textarea, text) {
  textarea.focus();
  // execCommand keeps the browser's undo history; setRangeText is the fallback
  if (!document.execCommand?.('insertText', false, text)) {
    const { selectionStart: s, selectionEnd: e } = textarea;
    textarea.setRangeText(text, s, e, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

function lineStart(value, pos) {
  return value.lastIndexOf('\n', pos - 1) + 1;
}

function indentLines(textarea, outdent) {
  const { value, selectionStart, selectionEnd } = textarea;
  const from = lineStart(value, selectionStart);
  const multi = value.slice(selectionStart, selectionEnd).includes('\n');
  if (!outdent && !multi) {
    // a single caret: insert spaces up to the next tab stop
    const col = selectionStart - from;
    insert(textarea, ' '.repeat(INDENT.length - (col % INDENT.length)));
    return;
  }
  const to = selectionEnd;
  const block = value.slice(from, to);
  const lines = block.split('\n');
  const changed = lines.map((line) => {
    if (!outdent) return line.length ? INDENT + line : line;
    const spaces = line.match(/^ {1,4}|^\t/)?.[0] ?? '';
    return line.slice(spaces.length);
  }).join('\n');
  textarea.setSelectionRange(from, to);
  insert(textarea, changed);
  if (multi) {
    textarea.setSelectionRange(from, from + changed.length); // the block stays selected for another Tab
  } else {
    const caret = Math.max(from, selectionStart - (block.length - changed.length));
    textarea.setSelectionRange(caret, caret);
  }
}

function newlineKeepingIndent(textarea) {
  const { value, selectionStart } = textarea;
  const line = value.slice(lineStart(value, selectionStart), selectionStart);
  let indent = line.match(/^[ \t]*/)[0];
  if (/[:{[(]\s*$/.test(line)) indent += INDENT;
  insert(textarea, `\n${indent}`);
}

/**
 * Wires keyboard behaviour onto a textarea.
 * @param {HTMLTextAreaElement} textarea
 * @param {{mode: () => 'prose'|'code', send: () => void}} options
 */
export function attachComposer(textarea, { mode, send }) {
  let escaped = false;
  const grow = () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight + 2, window.innerHeight * 0.45)}px`;
  };
  textarea.addEventListener('input', grow);
  textarea.addEventListener('keydown', (event) => {
    if (event.isComposing || event.keyCode === 229) return;
    const code = mode() === 'code';
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'Escape') {
      escaped = true;
      return;
    }
    if (event.key === 'Enter' && mod) {
      event.preventDefault();
      send();
    } else if (event.key === 'Enter' && !code && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      send();
    } else if (event.key === 'Enter' && code && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      newlineKeepingIndent(textarea);
    } else if (event.key === 'Tab' && code && !escaped && !mod && !event.altKey) {
      event.preventDefault();
      indentLines(textarea, event.shiftKey);
    }
    if (event.key !== 'Shift') escaped = false;
  });
  return { grow };
}

/** What is sent for the text in the box: code mode wraps it in a fenced block unless it already has one. */
export function outgoingText(text, mode) {
  const trimmed = text.replace(/\s+$/, '');
  if (mode !== 'code' || !trimmed.trim() || /^\s*```/m.test(trimmed)) return trimmed.trim() ? trimmed : '';
  return `\`\`\`\n${trimmed.replace(/^\n+/, '')}\n\`\`\``;
}
