// Calls read from the text, for call trees of files without an occurrence pass: a name followed by `(` (or a Rust
// macro's `!(`), not a keyword (`if (`) and not a declaration (`fn open(`).
const CALL_SITE = /([\p{L}_$][\p{L}\p{N}_$]*[?!]?)\s*!?\(/gu;
const CALL_AFTER = /^[?!]?\s*!?\(/u;
const NOT_CALLS = new Set([
  'if', 'elif', 'else', 'for', 'foreach', 'while', 'until', 'match', 'switch', 'case', 'when', 'return', 'catch', 'rescue', 'except',
  'and', 'or', 'not', 'in', 'is', 'await', 'yield', 'throw', 'raise', 'new', 'typeof', 'sizeof', 'assert', 'print', 'echo',
  'fn', 'func', 'def', 'function', 'sub', 'lambda', 'defined', 'isset', 'unset', 'array', 'list', 'super', 'self', 'this',
]);
const DECLARES = /(?:\b(?:fn|func|def|function|sub|defp?|fun)\s+|\bfunc\s*\([^)]*\)\s*)$/u;

/** A call site: the name called, whether it is a member (written after `.`, `->` or `::`), and the line's text before it. */
export interface CallSite {
  name: string;
  member: boolean;
  before: string;
  /** Written `name!(`: in Rust a macro's call (`panic!(…)`), which no function or method answers. */
  bang: boolean;
}

/** Whether the text at `index` (where `name` starts) calls it: `name(`, `name (`, `name!(`. */
export function callsAt(text: string, index: number, name: string): boolean {
  return CALL_AFTER.test(text.slice(index + name.length));
}

/** Whether a Rust call's `!` (a macro's call) fits the target: a macro is called with one, a function or method never. */
export const fitsRustMacro = (language: string | null, text: string, index: number, name: string, targetIsMacro: boolean): boolean =>
  language !== 'rust' || /^\s*!/u.test(text.slice(index + name.length)) === targetIsMacro;

/** A symbol that is a Rust `macro_rules!` macro (indexed as a function, as it is called like one). */
export const isRustMacro = (signature: string): boolean => signature.startsWith('macro_rules!');

/** The names `text` calls, in order, declarations and keywords left out. */
export function callSites(text: string): CallSite[] {
  const sites: CallSite[] = [];
  for (const m of text.matchAll(CALL_SITE)) {
    const name = (m[1] ?? '').replace(/!$/u, '');
    if (!name || NOT_CALLS.has(name)) continue;
    const before = text.slice(0, m.index);
    if (DECLARES.test(before)) continue;
    sites.push({ name, member: /(?:\.|->|::)\s*$/u.test(before), before, bang: /!\s*\($/u.test(m[0]) });
  }
  return sites;
}
