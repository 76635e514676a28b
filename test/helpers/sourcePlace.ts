// Where a name is written in a fixture's source, so a navigation test names the place by its text, not by a column.

/** 1-based line and column of the `nth` (1-based) whole-word `name` on `line` of `source`. */
export function placeOf(source: string, line: number, name: string, nth = 1): [number, number] {
  const text = source.split('\n')[line - 1] ?? '';
  const found = [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))][nth - 1];
  if (found?.index === undefined) throw new Error(`no ${name} #${nth} on line ${line}: ${text}`);
  return [line, found.index + 1];
}
