// A parameter or local variable read from the text of its function, for files without an occurrence pass: the index
// has symbols, not locals, so without this `path` in a Rust function would lead to some `path` symbol elsewhere.
// Declarations are recognised by the forms most languages share (localDeclaration gives the order they count in).
import { wholeNamePattern } from './textReferences.js';
import { escapeRegex } from '../../base/escapeRegex.js';

/** The function a use sits in, as the index holds it. */
export interface EnclosingFunction {
  startLine: number;
  endLine: number;
  signature: string;
}

export type LineText = (line: number) => string | null;

const LOWER_START = /^[$_]*\p{Ll}/u;

/**
 * A plain assignment at the start of a statement (Python, Ruby, PHP, Lua), unpacking too: `path = …`, `a, path = …`;
 * not `==`, nor a keyword argument on a line of its own (`request=request,`).
 */
const assignmentForm = (name: string): RegExp =>
  new RegExp(`^\\s*(?:[\\w$]+\\s*,\\s*)*${escapeRegex(name)}\\s*(?:,\\s*[\\w$]+\\s*)*(?:[-+*/|&]|\\|\\||&&|\\?\\?)?=(?!=)(?!.*,\\s*$)`, 'u');

/** The forms that declare `name` in so many words (the name is a whole word in each). */
function bindingForms(name: string): RegExp[] {
  const n = escapeRegex(name);
  return [
    // let / var / const / val / my / local / auto / mut bindings: `let mut path`.
    new RegExp(`\\b(?:let|var|const|val|my|our|local|auto)\\s+(?:mut\\s+)?${n}\\b`, 'u'),
    // A Go short declaration or range: `path, err := …`, `for _, path := range …`.
    new RegExp(`^[^=]*?(?:^|[\\s,(])${n}\\s*(?:,[^=:]*)?:=`, 'u'),
    // Loop variables and bindings: `for path in`, `for (const path of`, `except E as path`, `with … as path`.
    new RegExp(`\\bfor\\s*\\(?\\s*(?:(?:let|var|const|mut)\\s+)?${n}\\b`, 'u'),
    // Not a Python or Rust import's alias (`from .ctx import after_this_request as after_this_request` names a definition
    // elsewhere), but a JavaScript one is the binding its language service answers (`import * as util from "./util"`).
    new RegExp(`^(?!\\s*(?:from|use)\\b|\\s*import\\b[^'"]*$).*\\bas\\s+${n}\\b`, 'u'),
  ];
}

/** The forms that make `name` a parameter of a function written inside another: closures, arrows, function expressions. */
function nestedParameterForms(name: string): RegExp[] {
  const n = escapeRegex(name);
  return [
    // Rust and Ruby closures: `|path|`, `|a, path|`.
    new RegExp(`\\|\\s*(?:[^|]*[\\s,(&])?${n}\\b[^|]*\\|`, 'u'),
    // Arrows: `(inst, def) =>`, `({ a, def }) =>`, `def =>` (a type after `:` is no parameter).
    new RegExp(`\\((?:[^()]*?[,{\\[])?\\s*(?:\\.\\.\\.)?${n}\\b[^()]*\\)\\s*(?::[^=]*)?=>`, 'u'),
    new RegExp(`(?:^|[\\s(,=])${n}\\s*=>`, 'u'),
    // `function (req, res)`, `func(w http.ResponseWriter)`, a nested `def f(path)`: a parameter follows `(` or `,`, a type `:`.
    new RegExp(`\\b(?:function|func|fn|def)\\b[^(]*\\((?:[^)]*?,)?\\s*[&*$]*${n}\\b`, 'u'),
    // A function or class defined inside the function: `def decorator(`, `function helper(`.
    new RegExp(`\\b(?:def|function|func|fn|class)\\s+${n}\\b`, 'u'),
    new RegExp(`\\blambda\\b[^:]*?[\\s,]${n}\\b[^:]*:`, 'u'),
  ];
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Lines above a use searched for its declaration when no function symbol holds it (a test's callback, a script). */
const UNSCOPED_LINES = 300;

/**
 * Where `name`, used at `useLine`, is declared, looking inside `fn` (the function symbol holding the use) or, without
 * one, in the lines above: a nested function's parameter nearest above the use, or a binding in so many words (the
 * later of the two); else a lower-case name in `fn`'s signature, its parameter; else a plain assignment. Null when
 * none: a name declared elsewhere (or a field, a global), which the symbols answer.
 */
export function localDeclaration(fn: EnclosingFunction | null, name: string, useLine: number, lineText: LineText): { line: number; col: number } | null {
  const whole = new RegExp(wholeNamePattern(name), 'u');
  const first = fn ? fn.startLine : Math.max(1, useLine - UNSCOPED_LINES);
  const at = (line: number, forms: readonly RegExp[]): { line: number; col: number } | null => {
    const text = lineText(line);
    if (text === null || !forms.some((f) => f.test(text))) return null;
    const col = text.search(whole);
    return col >= 0 ? { line, col: col + 1 } : null;
  };
  const scan = (from: number, to: number, forms: readonly RegExp[]): { line: number; col: number } | null => {
    for (let line = from; from <= to ? line <= to : line >= to; line += from <= to ? 1 : -1) {
      const found = at(line, forms);
      if (found) return found;
    }
    return null;
  };
  // A nested function's parameter: the nearest above. A binding: in a function, its first (Go's `err` is declared by
  // the first `:=`, later ones reuse it); outside one, the nearest (each test callback declares its own `result`).
  const inFunction = (forms: readonly RegExp[]): { line: number; col: number } | null => (fn ? scan(first, useLine, forms) : scan(useLine, first, forms));
  const nested = scan(useLine, first, nestedParameterForms(name));
  const bound = inFunction(bindingForms(name));
  if (nested && (!bound || nested.line >= bound.line)) return nested;
  if (bound) return bound;
  // A parameter is lower-case (`Context` in `c *Context` is a type); its first spelling from the function's start is in
  // the signature. It wins over a plain assignment to it (Python's `path = os.fspath(path)` rebinds the parameter).
  const open = fn ? fn.signature.indexOf('(') : -1;
  if (fn && open >= 0 && LOWER_START.test(name) && whole.test(fn.signature.slice(open))) {
    // The signature's own line, not a decorator above it that spells the name too (`@click.option("--debugger")`).
    const signature = collapse(fn.signature);
    for (let line = fn.startLine; line <= Math.min(useLine, fn.endLine); line++) {
      const text = lineText(line);
      const col = text?.search(whole) ?? -1;
      if (text && col >= 0 && signature.includes(collapse(text))) return { line, col: col + 1 };
    }
  }
  return inFunction([assignmentForm(name)]);
}

/**
 * The places that spell `name` as a whole word in `fn` (without one, the lines below the declaration that a search
 * above would reach), the declaration itself left out: a local's uses, by text.
 */
export function localUses(fn: EnclosingFunction | null, name: string, declaredAt: { line: number; col: number }, lineText: LineText): Array<{ line: number; col: number; text: string }> {
  const whole = new RegExp(wholeNamePattern(name), 'gu');
  const uses: Array<{ line: number; col: number; text: string }> = [];
  const [first, last] = fn ? [fn.startLine, fn.endLine] : [declaredAt.line, declaredAt.line + UNSCOPED_LINES];
  for (let line = first; line <= last; line++) {
    const text = lineText(line);
    if (text === null) continue;
    for (const m of text.matchAll(whole)) {
      const col = m.index + 1;
      if (line === declaredAt.line && col === declaredAt.col) continue;
      uses.push({ line, col, text });
    }
  }
  return uses;
}
