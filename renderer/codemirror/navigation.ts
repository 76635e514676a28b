// Code navigation inside the editor: Ctrl/Cmd+click and F12 ask for the definition, Shift+F12 for
// references, a pause over an identifier for its hover card; a jump's target identifier is marked.
import { type EditorState, type Extension, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, hoverTooltip, keymap } from '@codemirror/view';

/** An identifier in the open file: 1-based line, 1-based UTF-16 column of its first character. */
export interface NavPlace {
  line: number;
  column: number;
  word: string;
}

export interface NavHandlers {
  definition(place: NavPlace): void;
  references(place: NavPlace): void;
  /** The hover card's content, or null when there is nothing to say about the identifier. */
  hover(place: NavPlace): Promise<HTMLElement | null>;
}

const HOVER_DELAY_MS = 450;

/** The identifier at a document offset; null in whitespace or punctuation. */
export function placeAt(state: EditorState, pos: number): (NavPlace & { from: number; to: number }) | null {
  const word = state.wordAt(pos);
  if (!word) return null;
  const line = state.doc.lineAt(word.from);
  return { line: line.number, column: word.from - line.from + 1, word: state.sliceDoc(word.from, word.to), from: word.from, to: word.to };
}

/** Marks (or, with null, unmarks) the identifier a jump landed on. */
export const markJumpTarget = StateEffect.define<{ from: number; to: number } | null>();

const jumpMark = Decoration.mark({ class: 'cm-jump-target', attributes: { 'data-testid': 'jump-target' } });

const jumpTarget = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) {
      if (effect.is(markJumpTarget)) return effect.value ? Decoration.set([jumpMark.range(effect.value.from, effect.value.to)]) : Decoration.none;
    }
    // The mark stays until the reader moves the cursor themselves.
    if (tr.isUserEvent('select')) return Decoration.none;
    return marks.map(tr.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

const look = EditorView.theme({
  '.cm-jump-target': { backgroundColor: 'color-mix(in srgb, var(--accent) 14%, var(--bg))', outline: '1px solid var(--accent)', borderRadius: '2px' },
  '.cm-tooltip.cm-tooltip-hover': {
    backgroundColor: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border)', borderRadius: '6px', padding: '6px 8px',
    maxWidth: 'min(520px, 80vw)', maxHeight: '300px', overflow: 'auto', boxShadow: '0 6px 20px rgba(0, 0, 0, 0.25)', fontFamily: 'system-ui, sans-serif', fontSize: '12px',
  },
  '.cm-hover-card .sig': { fontFamily: "ui-monospace, 'SF Mono', Menlo, Consolas, monospace", whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  '.cm-hover-card .doc': { whiteSpace: 'pre-wrap', color: 'var(--fg-dim)', marginTop: '4px' },
  '.cm-hover-card .where': { color: 'var(--fg-dim)', marginTop: '4px' },
  '.cm-hover-card .note': { borderTop: '1px solid var(--border)', marginTop: '4px', paddingTop: '4px', whiteSpace: 'pre-wrap' },
});

export function navigation(handlers: NavHandlers): Extension {
  const atCursor = (state: EditorState): NavPlace | null => placeAt(state, state.selection.main.head);
  const run = (what: (place: NavPlace) => void) => (view: EditorView): boolean => {
    const place = atCursor(view.state);
    if (place) what(place);
    return true;
  };
  return [
    jumpTarget,
    look,
    keymap.of([
      { key: 'F12', run: run((p) => handlers.definition(p)) },
      { key: 'Shift-F12', run: run((p) => handlers.references(p)) },
    ]),
    EditorView.domEventHandlers({
      mousedown(event, view) {
        if (event.button !== 0 || !(event.ctrlKey || event.metaKey)) return false;
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
        const place = pos === null ? null : placeAt(view.state, pos);
        event.preventDefault();
        if (place) {
          view.dispatch({ selection: { anchor: place.from } });
          handlers.definition(place);
        }
        return true;
      },
    }),
    hoverTooltip(async (view, pos) => {
      const place = placeAt(view.state, pos);
      if (!place) return null;
      const dom = await handlers.hover(place);
      return dom ? { pos: place.from, end: place.to, above: true, create: () => ({ dom }) } : null;
    }, { hoverTime: HOVER_DELAY_MS }),
  ];
}
