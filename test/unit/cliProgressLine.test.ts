// `clew index`'s progress line on a terminal: each text overwrites the last in full, and the line is
// wiped (as wide as the widest text shown) before anything else is printed.
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../electron/cliProgressLine.js';

/** What a terminal shows after the chunks: `\r` returns to the line's start, text overwrites. */
function screen(chunks: string[]): string {
  const lines = [''];
  let col = 0;
  for (const ch of chunks.join('')) {
    if (ch === '\r') col = 0;
    else if (ch === '\n') { lines.push(''); col = 0; } else {
      const line = lines[lines.length - 1] ?? '';
      lines[lines.length - 1] = line.slice(0, col) + ch + line.slice(col + 1);
      col++;
    }
  }
  return lines.map((l) => l.trimEnd()).join('\n');
}

describe('progressLine', () => {
  it('leaves no tail of a longer text under a shorter one', () => {
    const chunks: string[] = [];
    const line = progressLine((c) => chunks.push(c));
    line.show('parsing 10,678/10,796 files, 81.9/87.8 MB at 3.2 MB/s, ~1 min 5 s left');
    line.show('done 10,796/10,796 files');
    expect(screen(chunks)).toBe('done 10,796/10,796 files');
  });

  it('wipes the line before other output, so a report starts on a clean line', () => {
    const chunks: string[] = [];
    const line = progressLine((c) => chunks.push(c));
    line.show('parsing 2,581/10,796 files, 21.3/87.8 MB at 3.2 MB/s, ~37 s left');
    line.clear();
    chunks.push('indexed /src/go-tree (repo 1) in 25.19s\n');
    expect(screen(chunks)).toBe('indexed /src/go-tree (repo 1) in 25.19s\n');
    // Nothing shown: nothing to wipe.
    const quiet: string[] = [];
    progressLine((c) => quiet.push(c)).clear();
    expect(quiet).toEqual([]);
  });
});
