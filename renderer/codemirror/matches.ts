// Matches in the open file: every match of the search that opened it (or of the find box, Ctrl+F)
// is marked, F3 / Shift+F3 and the panel's buttons move between them, and the panel says "3 of 12".
// A panel and decorations of CodeMirror's own, so the code view needs only this extension.
import { type EditorState, type Extension, StateEffect, StateField, type Text } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, type Panel, showPanel } from '@codemirror/view';
import { literalSpec, type MatchSpec } from './matchPattern.js';

/** Beyond this many, the rest are not marked (the count says so): a one-letter regex in a big file. */
const MAX_MATCHES = 5000;

interface FindBox {
  open: boolean;
  text: string;
  caseSensitive: boolean;
}

interface MatchState {
  fromSearch: MatchSpec | null;
  find: FindBox;
  ranges: Array<{ from: number; to: number }>;
  capped: boolean;
}

/** The search's spec for this file (null: none). */
export const setSearchMatches = StateEffect.define<MatchSpec | null>();
const changeFind = StateEffect.define<Partial<FindBox>>();

const activeSpec = (m: Pick<MatchState, 'fromSearch' | 'find'>): MatchSpec | null =>
  (m.find.open ? literalSpec(m.find.text, m.find.caseSensitive) : m.fromSearch);

function rangesOf(doc: Text, spec: MatchSpec | null): Pick<MatchState, 'ranges' | 'capped'> {
  if (!spec) return { ranges: [], capped: false };
  const re = new RegExp(spec.source, `${spec.flags}g`);
  const text = doc.toString();
  const ranges: MatchState['ranges'] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // An empty match marks nothing; step past it so the loop ends.
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (ranges.length === MAX_MATCHES) return { ranges, capped: true };
    ranges.push({ from: m.index, to: m.index + m[0].length });
  }
  return { ranges, capped: false };
}

const matchField = StateField.define<MatchState>({
  create: () => ({ fromSearch: null, find: { open: false, text: '', caseSensitive: false }, ranges: [], capped: false }),
  update(value, tr) {
    let next = value;
    for (const e of tr.effects) {
      if (e.is(setSearchMatches)) next = { ...next, fromSearch: e.value };
      else if (e.is(changeFind)) next = { ...next, find: { ...next.find, ...e.value } };
    }
    if (next === value && !tr.docChanged) return value;
    return { ...next, ...rangesOf(tr.state.doc, activeSpec(next)) };
  },
});

/** The match the selection covers exactly, as an index; -1 when it covers none. */
function currentIndex(state: EditorState): number {
  const { ranges } = state.field(matchField);
  const sel = state.selection.main;
  return ranges.findIndex((r) => r.from === sel.from && r.to === sel.to);
}

const mark = Decoration.mark({ class: 'cm-match' });
const markCurrent = Decoration.mark({ class: 'cm-match cm-match-current' });

const decorations = EditorView.decorations.compute([matchField, 'selection'], (state): DecorationSet => {
  const { ranges } = state.field(matchField);
  const current = currentIndex(state);
  return Decoration.set(ranges.map((r, i) => (i === current ? markCurrent : mark).range(r.from, r.to)));
});

/** Selects the next (1) or previous (-1) match from the cursor, wrapping around; false when there is none. */
export function gotoMatch(view: EditorView, direction: 1 | -1): boolean {
  const { ranges } = view.state.field(matchField);
  if (ranges.length === 0) return false;
  const sel = view.state.selection.main;
  const target = direction > 0
    ? ranges.find((r) => r.from > sel.from || (r.from === sel.from && sel.empty)) ?? ranges[0]
    : [...ranges].reverse().find((r) => r.from < sel.from) ?? ranges[ranges.length - 1];
  if (!target) return false;
  view.dispatch({ selection: { anchor: target.from, head: target.to }, effects: EditorView.scrollIntoView(target.from, { y: 'center' }) });
  return true;
}

/** Opens the find box (filled with the selected text, or the search's words) and focuses it. */
export function openFind(view: EditorView): void {
  const m = view.state.field(matchField);
  const sel = view.state.selection.main;
  const selected = view.state.sliceDoc(sel.from, sel.to);
  const text = selected && !selected.includes('\n') ? selected : m.find.text || m.fromSearch?.label || '';
  view.dispatch({ effects: changeFind.of({ open: true, text }) });
  const input = view.dom.querySelector<HTMLInputElement>('.cm-match-panel input');
  input?.focus();
  input?.select();
}

function closePanel(view: EditorView): void {
  const m = view.state.field(matchField);
  // Closing the find box brings back the search's marks; closing those clears them.
  view.dispatch({ effects: m.find.open ? changeFind.of({ open: false }) : setSearchMatches.of(null) });
  view.focus();
}

function button(label: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.title = label;
  b.addEventListener('click', onClick);
  return b;
}

function countText(state: EditorState): string {
  const m = state.field(matchField);
  if (!activeSpec(m)) return '';
  if (m.ranges.length === 0) return 'No matches';
  const total = `${m.ranges.length}${m.capped ? '+' : ''}`;
  const current = currentIndex(state);
  return current >= 0 ? `${current + 1} of ${total}` : `${total} match${m.ranges.length === 1 ? '' : 'es'}`;
}

function matchPanel(view: EditorView): Panel {
  const dom = document.createElement('div');
  dom.className = 'cm-match-panel';
  dom.setAttribute('role', 'search');
  dom.setAttribute('aria-label', 'Matches in this file');
  const input = document.createElement('input');
  input.type = 'text';
  input.setAttribute('aria-label', 'Find in this file');
  input.placeholder = 'Find in file';
  input.addEventListener('input', () => view.dispatch({ effects: changeFind.of({ text: input.value }) }));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      gotoMatch(view, e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closePanel(view);
    }
  });
  const caseToggle = button('Match case', 'Aa', () => view.dispatch({ effects: changeFind.of({ caseSensitive: !view.state.field(matchField).find.caseSensitive }) }));
  const label = document.createElement('span');
  label.className = 'cm-match-label';
  const count = document.createElement('span');
  count.className = 'cm-match-count';
  count.setAttribute('role', 'status');
  count.dataset.testid = 'match-count';
  const prev = button('Previous match (Shift+F3)', '↑', () => gotoMatch(view, -1));
  const next = button('Next match (F3)', '↓', () => gotoMatch(view, 1));
  const close = button('Close', '✕', () => closePanel(view));
  dom.append(input, caseToggle, label, count, prev, next, close);

  const render = (state: EditorState): void => {
    const m = state.field(matchField);
    input.hidden = !m.find.open;
    caseToggle.hidden = !m.find.open;
    caseToggle.setAttribute('aria-pressed', String(m.find.caseSensitive));
    if (m.find.open && input.value !== m.find.text) input.value = m.find.text;
    label.hidden = m.find.open;
    label.textContent = m.fromSearch ? `Search: ${m.fromSearch.label}` : '';
    count.textContent = countText(state);
    prev.disabled = next.disabled = m.ranges.length === 0;
  };
  render(view.state);
  return { dom, top: true, update: (u) => render(u.state) };
}

/** Shown while the find box is open or the search marks something here. */
const panel = showPanel.from(matchField, (m) => (m.find.open || m.fromSearch ? matchPanel : null));

const look = EditorView.theme({
  // Inside a match the text takes the mark's own colour: a syntax colour on the mark fails contrast in dark mode.
  '.cm-match': { backgroundColor: 'var(--mark)', color: 'var(--mark-fg)', borderRadius: '2px' },
  '.cm-match *': { color: 'var(--mark-fg)' },
  '.cm-match-current': { outline: '2px solid var(--accent)', backgroundColor: 'var(--mark)' },
  '.cm-panels': { backgroundColor: 'var(--bg-alt)', color: 'var(--fg)', borderBottom: '1px solid var(--border)' },
  '.cm-match-panel': { display: 'flex', alignItems: 'center', gap: '4px', padding: '3px 6px', fontSize: '12px', minWidth: '0' },
  '.cm-match-panel input': { flex: '1', minWidth: '0', font: 'inherit', color: 'var(--fg)', background: 'var(--bg)', border: '1px solid var(--border)', borderRadius: '3px', padding: '2px 4px' },
  '.cm-match-panel button': { font: 'inherit', color: 'var(--fg)', background: 'var(--bg)', border: '1px solid var(--border)', borderRadius: '3px', padding: '1px 6px', cursor: 'pointer' },
  '.cm-match-panel button[aria-pressed=true]': { background: 'var(--accent)', color: 'var(--accent-fg)', borderColor: 'var(--accent)' },
  '.cm-match-panel button:focus-visible, .cm-match-panel input:focus-visible': { outline: '2px solid var(--accent)', outlineOffset: '1px' },
  '.cm-match-label': { flex: '1', minWidth: '0', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: 'var(--fg-dim)' },
  '.cm-match-count': { flex: 'none', whiteSpace: 'nowrap' },
});

export const matchHighlighting: Extension = [matchField, decorations, panel, look];

/** F3 / Shift+F3 and Ctrl/Cmd+F anywhere in the page while a file is open; returns the uninstaller. */
export function installMatchKeys(view: () => EditorView | null): () => void {
  const onKey = (e: KeyboardEvent): void => {
    const editor = view();
    if (!editor || e.defaultPrevented) return;
    if (e.key === 'F3') {
      e.preventDefault();
      gotoMatch(editor, e.shiftKey ? -1 : 1);
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
      // Replaces the browser's page search, which cannot see the editor's unrendered lines.
      e.preventDefault();
      openFind(editor);
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
