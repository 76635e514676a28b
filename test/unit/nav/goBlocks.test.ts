// Go block scoping read off gofmt's layout: an `if` header's variable ends with its statement (an `else` goes on),
// a nested block's ends with its `}`, and lines that are no `}` (a raw string at column 0, comments) close nothing.
import { describe, expect, it } from 'vitest';
import { goBlockOpen } from '../../../electron/core/nav/goBlocks.js';

const SOURCE = `func f() error {
	a, err := load()
	if err := check(a); err != nil {
		return err
	} else {
		use(err)
	}
	for _, x := range xs {
		v := x
	}
	q := \`
SELECT 1
\`
	return err
}`;

const lines = SOURCE.split('\n');
const lineText = (line: number): string | null => lines[line - 1] ?? null;

describe('goBlockOpen', () => {
  it.each([
    [2, 14, true, 'a body variable at the end of the function, past a raw string at column 0'],
    [3, 4, true, 'an if header\'s variable in its body'],
    [3, 6, true, 'an if header\'s variable in its else'],
    [3, 14, false, 'an if header\'s variable after the statement'],
    [9, 9, true, 'on its own line'],
    [9, 14, false, 'a loop body\'s variable after the loop'],
  ])('definition on %i, use on %i: %s (%s)', (defLine, useLine, open) => {
    expect(goBlockOpen(lineText, defLine, useLine)).toBe(open);
  });
});
