// The code view: read-only CodeMirror 6 (it renders only the visible lines, so large files stay
// smooth), opened at the target line, with the file's outline and the picked symbol's notes and calls.
// The editor lives in a shadow root: there CodeMirror uses constructed style sheets instead of
// <style> tags, which the strict CSP (style-src 'self', no nonce) would block.
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, lineNumbers } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { loadLanguage } from '../codemirror/languages.js';
import { installMatchKeys, matchHighlighting, setSearchMatches } from '../codemirror/matches.js';
import { markJumpTarget, navigation } from '../codemirror/navigation.js';
import { editorTheme } from '../codemirror/theme.js';
import { useStore } from '../store/index.js';
import { Breadcrumbs } from './Breadcrumbs.js';
import { DefinitionPicker } from './DefinitionPicker.js';
import { editorNavigation } from './editorNavigation.js';
import { FileTree } from './FileTree.js';
import { HistoryButtons } from './HistoryButtons.js';
import { Outline } from './Outline.js';
import { PathText } from './PathText.js';
import { ReferencesPanel } from './ReferencesPanel.js';
import { SideTabs } from './SideTabs.js';
import { SymbolPanel } from './SymbolPanel.js';

function Editor() {
  const file = useStore((s) => s.file);
  const target = useStore((s) => s.target);
  const line = target?.line ?? 1;
  // The editor is made once per open file; a re-read file (after an index change) only swaps its text.
  const fileKey = file ? `${file.repo}\0${file.path}` : null;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());

  useEffect(() => {
    if (!host.current || !file) return;
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    parent.style.height = '100%';
    shadow.replaceChildren(parent);
    const editor = new EditorView({
      parent,
      root: shadow,
      state: EditorState.create({
        doc: file.text,
        extensions: [
          lineNumbers(), highlightActiveLine(), highlightActiveLineGutter(), editorTheme,
          EditorState.readOnly.of(true), EditorView.contentAttributes.of({ 'aria-label': `${file.path} (read-only)` }),
          language.current.of([]), matchHighlighting,
          navigation(editorNavigation(file.repo, file.path)),
          // Breadcrumbs and history follow the cursor's line.
          EditorView.updateListener.of((u) => {
            if (!u.selectionSet && !u.docChanged) return;
            const { from, to, head } = u.state.selection.main;
            useStore.getState().setCursorLine(u.state.doc.lineAt(head).number);
            // What is selected, for tests and assistive checks (a jump selects its target name).
            host.current?.setAttribute('data-selected', u.state.sliceDoc(from, Math.min(to, from + 200)));
          }),
        ],
      }),
    });
    // The scroller is what a keyboard user scrolls: it takes focus and says what it holds.
    editor.scrollDOM.tabIndex = 0;
    editor.scrollDOM.setAttribute('aria-label', `Code of ${file.path}`);
    view.current = editor;
    let live = true;
    void loadLanguage(file.language).then((support) => {
      if (live && support) editor.dispatch({ effects: language.current.reconfigure(support) });
    });
    return () => {
      live = false;
      editor.destroy();
      view.current = null;
    };
    // Made again only when another file opens; new text of the same file is swapped in below.
  }, [fileKey]);

  // The same file read again: replace the text in place, keeping the scroll position and the cursor's line.
  useEffect(() => {
    const editor = view.current;
    if (!editor || !file || editor.state.doc.toString() === file.text) return;
    const scrollTop = editor.scrollDOM.scrollTop;
    const head = Math.min(editor.state.selection.main.head, file.text.length);
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: file.text }, selection: { anchor: head } });
    editor.scrollDOM.scrollTop = scrollTop;
  }, [file]);

  // The search that opened this file marks its matches here (F3 steps through them, Ctrl+F finds others).
  const highlight = useStore((s) => s.highlight);
  useEffect(() => {
    const spec = highlight && file && highlight.repo === file.repo && highlight.path === file.path ? highlight.spec : null;
    view.current?.dispatch({ effects: setSearchMatches.of(spec) });
  }, [fileKey, highlight]);
  useEffect(() => installMatchKeys(() => view.current), []);

  // Moving to a line is a selection change plus a centred scroll; the active line shows it, and a
  // target with a column selects and marks the identifier there.
  useEffect(() => {
    const editor = view.current;
    if (!editor || !file || !target || target.repo !== file.repo || target.path !== file.path) return;
    const doc = editor.state.doc;
    const at = doc.line(Math.max(1, Math.min(doc.lines, target.line)));
    const word = target.column ? editor.state.wordAt(Math.min(at.to, at.from + target.column - 1)) : null;
    editor.dispatch({
      selection: word ? { anchor: word.from, head: word.to } : { anchor: at.from },
      effects: [EditorView.scrollIntoView(at.from, { y: 'center' }), markJumpTarget.of(word ? { from: word.from, to: word.to } : null)],
    });
    if (target.focus) editor.focus();
    // Keyed on the file and the jump, not the text: a re-read of the same file keeps the reader's scroll.
  }, [fileKey, target]);

  return <div className="editor" ref={host} data-testid="editor" data-path={file?.path} data-line={line} />;
}

function Header() {
  const file = useStore((s) => s.file);
  const target = useStore((s) => s.target);
  const error = useStore((s) => s.codeError);
  if (error) return <div className="code-head error" role="alert" data-testid="code-error">{error}</div>;
  if (!file || !target) return <div className="code-head dim"><HistoryButtons />No file open</div>;
  return (
    <div className="code-head">
      <HistoryButtons />
      <PathText path={file.path} suffix={`:${target.line}`} title={`${file.repo}/${file.path}`} className="mono grow" testId="code-path" />
      {file.language && <span className="kind">{file.language}</span>}
      {file.changedSinceIndex && <span className="badge stale" title="Line numbers of hits may be off until you re-index">changed since indexed</span>}
      <UpdatedMark />
      {file.truncated && <span className="badge stale">first {Math.round(file.text.length / 1024)} KiB of {Math.round(file.size / 1024)} KiB</span>}
      <OutlineToggle />
    </div>
  );
}

const UPDATED_SHOWN_MS = 8000;

/** A quiet mark for a few seconds after the open file was read again because it changed. */
function UpdatedMark() {
  const at = useStore((s) => s.fileUpdatedAt);
  const [, tick] = useState(0);
  useEffect(() => {
    if (at === null) return;
    const timer = setTimeout(() => tick((n) => n + 1), Math.max(0, at + UPDATED_SHOWN_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [at]);
  if (at === null || Date.now() - at >= UPDATED_SHOWN_MS) return null;
  return <span className="badge updated" data-testid="code-updated" role="status" title={`Read again at ${new Date(at).toLocaleTimeString()}: the file changed and was re-indexed`}>updated</span>;
}

/** Below ~1100 px the outline and symbol panel fold away; this unfolds them beside the code. */
function OutlineToggle() {
  const open = useStore((s) => s.outlineOpen);
  const toggle = useStore((s) => s.toggleOutline);
  return <button type="button" className="narrow-only" data-testid="toggle-outline" aria-expanded={open} aria-controls="code-side" onClick={toggle}>Outline</button>;
}

export function CodeView() {
  const hasFile = useStore((s) => s.file !== null);
  const binary = useStore((s) => s.file?.binary ?? false);
  const sideOpen = useStore((s) => s.outlineOpen);
  const sideTab = useStore((s) => s.sideTab);
  return (
    <section className="code" aria-label="Code">
      <Header />
      {hasFile && <Breadcrumbs />}
      {hasFile ? (
        <div className={`code-main${sideOpen ? ' side-open' : ''}`}>
          {binary ? <div className="empty">Binary file: not shown.</div> : <Editor />}
          <div className="side" id="code-side">
            <SideTabs />
            {sideTab === 'files' ? <FileTree /> : <Outline />}
            <SymbolPanel />
          </div>
        </div>
      ) : <div className="empty">Open a search hit, an entry point or a quick-open item (Ctrl/Cmd+P) to see its code.</div>}
      <ReferencesPanel />
      <DefinitionPicker />
    </section>
  );
}
