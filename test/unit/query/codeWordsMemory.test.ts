// The word caches (tokens → index words, words → stems) live as long as a parse worker and hold up to 150,000
// entries. A token matched in a chunk is, in V8, a view into the chunk's text: cached as it is, each entry kept its
// whole chunk alive, and a parse worker's live heap grew ~1.2 KiB per file over a 100,000-file index. The caches keep
// copies of their own: after thousands of large texts, each with a new long token, almost nothing stays live.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { codeWordText } from '../../../electron/base/query/codeWords.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MiB = 2 ** 20;
const liveHeap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
/** A run of letters unique to `i` (a stemmable word part needs letters only). */
const letters = (i: number): string => i.toString(26).split('').map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');

describe('the word caches', () => {
  it('keep no chunk text alive through the tokens and words they cache', () => {
    const filler = 'x = compute(total, value) + other\n'.repeat(1500); // ~50 KB per chunk, shared by none
    const texts = 2000;
    const before = liveHeap();
    for (let i = 0; i < texts; i++) {
      // A new long token (tokens cache) whose long letters-only part (stems cache) is new too.
      const text = `${filler}def handler_${letters(i + 100_000)}configurations():\n    return ${i}\n`;
      expect(codeWordText(text)).toContain('configur');
    }
    // ~100 MB of chunk text went through the caches; kept alive, it would all still be here.
    expect(liveHeap() - before).toBeLessThan(16 * MiB);
  });
});
