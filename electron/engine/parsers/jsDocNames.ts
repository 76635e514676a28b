// Names a JSDoc comment refers to, which the TypeScript service counts as references: `{@link Name}` (also
// `@linkcode`, `@linkplain`, `{@link ns.Name}`) and the parameter a `@param [{Type}] name` documents. Read off the text:
// tree-sitter keeps a comment whole.
import { lineIndexOf, lineStarts } from '../../base/lineStarts.js';

/** A name in a doc comment: 1-based line, UTF-16 column; `qualifier` for a dotted link; `param` for `@param`'s name. */
export interface DocName { line: number; col: number; name: string; qualifier: string | null; param: boolean; commentEndLine: number }

// The link target may be a dotted path (`Observable.pipe`); a URL (`https://…`) names nothing here.
const LINK = /\{@link(?:code|plain)?\s+([\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)*)(?![\p{L}\p{N}_$:/.])/gu;
const PARAM = /@param\s+(?:\{[^}\n]*\}\s*)?\[?([\p{L}_$][\p{L}\p{N}_$]*)/gu;

/** Every `{@link …}` and `@param` name of the source's `/** … *\/` comments, in document order. */
export function jsDocNames(source: string): DocName[] {
  if (!source.includes('/**')) return [];
  const out: DocName[] = [];
  const starts = lineStarts(source);
  const lineOf = (offset: number): number => lineIndexOf(starts, offset) + 1;
  for (const { start, text } of docComments(source)) {
    if (!text.includes('@')) continue;
    const commentEndLine = lineOf(start + text.length - 1);
    const found: Array<{ at: number; name: string; qualifier: string | null; param: boolean }> = [];
    for (const m of text.matchAll(LINK)) {
      const path = m[1]!;
      const dot = path.lastIndexOf('.');
      found.push({ at: start + m.index + m[0].length - (path.length - dot - 1), name: path.slice(dot + 1), qualifier: dot < 0 ? null : path.slice(0, dot), param: false });
    }
    for (const m of text.matchAll(PARAM)) found.push({ at: start + m.index + m[0].length - m[1]!.length, name: m[1]!, qualifier: null, param: true });
    found.sort((a, b) => a.at - b.at);
    for (const f of found) {
      const line = lineOf(f.at);
      out.push({ line, col: f.at - starts[line - 1]! + 1, name: f.name, qualifier: f.qualifier, param: f.param, commentEndLine });
    }
  }
  return out;
}

/** The `/** … *\/` comments that start their line (`'src/**\/*.ts'` in a string starts none); one pass, no backtracking. */
function* docComments(source: string): Generator<{ start: number; text: string }> {
  for (let open = source.indexOf('/**'); open >= 0; open = source.indexOf('/**', open + 3)) {
    const lineStart = source.lastIndexOf('\n', open - 1) + 1;
    if (source.slice(lineStart, open).trim() !== '') continue;
    const close = source.indexOf('*/', open + 3);
    // An unclosed comment runs to the end of the file: nothing after it is code or another comment.
    if (close < 0) return;
    yield { start: open, text: source.slice(open, close + 2) };
    open = close - 1;
  }
}
