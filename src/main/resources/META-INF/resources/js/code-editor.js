// The code editor of coding questions: CodeMirror 6 (mvnpm jars, resolved through the import map in index.html)
// with Python highlighting and indentation. Ctrl+Enter runs the visible examples, Ctrl+Shift+Enter submits.
// It lives in a shadow root: there CodeMirror's styles go into an adopted style sheet, which the page's
// Content-Security-Policy (style-src 'self', no inline <style>) allows.
import { basicSetup, EditorView } from 'codemirror';
import { keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';

/**
 * @param {HTMLElement} parent
 * @param {{doc: string, label: string, onRun: () => void, onSubmit: () => void}} options
 */
export function createCodeEditor(parent, { doc, label, onRun, onSubmit }) {
  const shadow = parent.attachShadow({ mode: 'open' });
  const host = document.createElement('div');
  shadow.append(host);
  const view = new EditorView({
    doc,
    parent: host,
    root: shadow,
    extensions: [
      EditorView.theme({
        '&': { minHeight: '12rem', maxHeight: '45vh', fontSize: '0.9rem', backgroundColor: '#fff' },
        '.cm-scroller': { overflow: 'auto', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
        '&.cm-focused': { outline: '2px solid #0969da' },
      }),
      keymap.of([
        { key: 'Mod-Enter', run: () => { onRun(); return true; } },
        { key: 'Mod-Shift-Enter', run: () => { onSubmit(); return true; } },
        indentWithTab,
      ]),
      basicSetup,
      python(),
      EditorView.contentAttributes.of({ 'aria-label': label }),
    ],
  });
  return {
    value: () => view.state.doc.toString(),
    set: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
