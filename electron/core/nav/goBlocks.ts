// Go's block scoping read off gofmt's layout: whether the block a variable is declared in is still open at a later
// line. The index keeps no block extents; gofmt's indentation and closing braces give them back.

/** A Go line whose statement declares variables for its own block: `if`/`for`/`switch`/`select` headers, a func's parameters. */
const GO_HEADER = /^\s*(?:\}\s*else\s+)?(?:if|for|switch|select)\b|^\s*(?:(?:go|defer)\s+)?func\b/u;

/** Leading whitespace width (gofmt indents with tabs: one each). */
const indentOf = (text: string): number => /^\s*/u.exec(text)?.[0].length ?? 0;

/**
 * Whether the block a definition on `defLine` is declared in is still open at `useLine`: no `}` between them is
 * indented less, and none at the same indent closes the statement whose header declares it (`if x, err := f(); … {`,
 * `for`, `switch`, `func`; an `} else` goes on). `lineText` reads a line of the file (null past its end).
 */
export function goBlockOpen(lineText: (line: number) => string | null, defLine: number, useLine: number): boolean {
  if (defLine === useLine) return true;
  const head = lineText(defLine) ?? '';
  const indent = indentOf(head);
  const header = GO_HEADER.test(head);
  for (let line = defLine + 1; line < useLine; line++) {
    const text = lineText(line);
    if (text === null) return true;
    // Only a line opening with `}` closes a block: a raw string's or a comment's lines may sit at any indent.
    if (!/^\s*\}/u.test(text)) continue;
    const at = indentOf(text);
    if (at < indent || (header && at === indent && !/^\s*\}\s*else\b/u.test(text))) return false;
  }
  return true;
}
