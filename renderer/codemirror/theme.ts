// Editor look as CSS variables, so the OS light/dark switch recolours code without a reload. The
// highlight tags are CodeMirror's default style with the colours swapped for variables.
import { defaultHighlightStyle, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

const asVariable = (color: unknown): unknown => (typeof color === 'string' && /^#[0-9a-f]{3}$/i.test(color) ? `var(--hl-${color.slice(1).toLowerCase()}, ${color})` : color);

const look = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--bg)', color: 'var(--fg)' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'SF Mono', Menlo, Consolas, monospace", fontSize: '12.5px' },
  '.cm-gutters': { backgroundColor: 'var(--bg-alt)', color: 'var(--fg-dim)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--mark) 45%, transparent)' },
  // Full-strength text on the marked gutter line: the dim gutter colour loses contrast there.
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--mark) 60%, transparent)', color: 'var(--fg)' },
  // The scroller takes keyboard focus (see CodeView); the page's focus ring does not reach this shadow root.
  '.cm-scroller:focus-visible': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'var(--bg-selected)' },
});

export const editorTheme: Extension = [
  look,
  syntaxHighlighting(HighlightStyle.define(defaultHighlightStyle.specs.map((spec) => ({ ...spec, color: asVariable(spec.color) })))),
];
