// C and C++ code calls macros as whole lines with no `;` after them (`ADD_PROPERTY(bool, is_root)` in a class body,
// `DECLARE_BASE_CAST(Value)` at top level). tree-sitter reads the call and the declaration after it as one broken
// declaration, and a class full of them becomes an error node with no symbols at all. Before parsing, such a line is
// ended with a `;` written over the first indentation character of the line after it: the text keeps its length and
// every line and column, an empty declaration or statement is valid C and C++, and the macro call stays a call.

// The whole line is one call of an upper-case name; the line before does not continue onto it (`\`, an open expression).
const MACRO_CALL = /^[ \t]*[A-Z_][A-Z0-9_]*[ \t]*\([^;{}]*\)[ \t]*(?:\/\/.*)?\r?$/u;
// What the next line may start with for a `;` to be safe before it: a declaration, a label, a closing brace, a directive.
const NEXT_START = /^[ \t]+[\p{L}_~}#]/u;
const CONTINUES = /[\\,(&|+\-*/=?<]\s*$/u;

export function terminateMacroLines(source: string): string {
  // Cheap test first: most files have no such line.
  if (!/^[ \t]*[A-Z_][A-Z0-9_]*[ \t]*\(/mu.test(source)) return source;
  const original = source.split('\n');
  const lines = [...original];
  let changed = false;
  for (let i = 0; i + 1 < original.length; i++) {
    if (!MACRO_CALL.test(original[i]!) || (i > 0 && CONTINUES.test(original[i - 1]!))) continue;
    const next = original[i + 1]!;
    if (!NEXT_START.test(next) || /^[ \t]*\{/u.test(next)) continue;
    lines[i + 1] = `;${next.slice(1)}`;
    changed = true;
  }
  return changed ? lines.join('\n') : source;
}
