// checkedChunks reads the chunk texts a slice at a time (so each slice's texts are garbage before the next is read):
// what it keeps, and their order, must not depend on where the slices fall.
import { describe, expect, it } from 'vitest';
import { checkedChunks, OVERSIZED_CHUNK_BYTES, TEXTS_READ_AT_ONCE } from '../../electron/db/read/chunkReads.js';
import { useIndexedReader } from '../helpers/indexReads.js';

const FILES = 2 * TEXTS_READ_AT_ONCE + 37;

describe('checkedChunks across slices', () => {
  const index = useIndexedReader('clew-checked', {
    // Every third file holds the term; one oversized line holds it too.
    ...Object.fromEntries(Array.from({ length: FILES }, (_, i) => [`notes/n${String(i).padStart(4, '0')}.txt`, i % 3 === 0 ? `the marker ${i}\n` : `plain ${i}\n`])),
    'vendor/big.txt': `${'x'.repeat(OVERSIZED_CHUNK_BYTES)} marker\n`,
  });

  const ids = (): { all: number[]; holding: number[]; oversized: number } => {
    const rows = index.db.prepare<[], { id: number; text: string }>('SELECT id, text FROM chunks').all();
    const oversized = rows.find((r) => r.text.length > OVERSIZED_CHUNK_BYTES)?.id ?? -1;
    // Descending, so the order asked for is not the table's.
    const all = rows.map((r) => r.id).sort((a, b) => b - a);
    return { all, holding: all.filter((id) => id !== oversized && rows.find((r) => r.id === id)?.text.includes('marker')), oversized };
  };
  const holdingMarker = ({ id, text }: { id: number; text: string }): number | undefined => (text.includes('marker') ? id : undefined);

  it('keeps every ordinary chunk that passes, in the order of the ids given, across more than two slices', () => {
    const { all, holding } = ids();
    expect(all.length).toBeGreaterThan(2 * TEXTS_READ_AT_ONCE);
    expect(holding.length).toBe(Math.ceil(FILES / 3));
    expect(checkedChunks(index.db, all, 1, ['marker'], holdingMarker)).toEqual(holding);
  });

  it('reads the oversized chunk, wherever its slice fell, only when the ordinary ones fall short', () => {
    const { all, holding, oversized } = ids();
    expect(oversized).toBeGreaterThan(0);
    const more = checkedChunks(index.db, all, holding.length + 1, ['marker'], holdingMarker);
    expect(more).toEqual(all.filter((id) => id === oversized || holding.includes(id)));
  });
});
