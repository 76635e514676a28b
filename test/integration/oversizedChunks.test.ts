// Oversized chunks (one line of over 8,192 characters: minified code, source maps, data) hold nearly every
// trigram, so a common term's matches include them; keyword and `auto` read them only when the ordinary chunks do not
// fill a page. A term only a bundle holds still finds it, also through LIKE's wildcard characters and non-ASCII text.
import { describe, expect, it } from 'vitest';
import { OVERSIZED_CHUNK_BYTES } from '../../electron/db/read/chunkReads.js';
import { keywordSearch } from '../../electron/db/read/keywordSearch.js';
import { wordCandidates } from '../../electron/db/read/autoCandidates.js';
import { useIndexedReader } from '../helpers/indexReads.js';

// One minified line of ~40 KB (one chunk) with the common term 320 times and a few terms of its own, then a short line.
const bundle = [
  Array.from({ length: 80 }, (_, i) => `var a${i}=function(){${i === 40 ? 'onlyinbundle; größeNurHier; max_100%_used; p="C:\\clew\\only"; ' : ''}return widgetCount+widgetCount+widgetCount+widgetCount};`.padEnd(500, ' ')).join(''),
  '//# sourceMappingURL=app.bundle.js.map',
].join('\n');

describe('oversized chunks', () => {
  const index = useIndexedReader('clew-oversized', {
    'vendor/app.bundle.js': bundle,
    ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`src/f${String(i).padStart(2, '0')}.py`, `widgetCount = ${i}\n${'other = 1\n'.repeat(20)}`])),
  });

  const keyword = (query: string, limit: number): string[] => keywordSearch(index.db, { query, mode: 'keyword' }, limit).map((h) => h.path);

  it('holds one oversized chunk: the bundle', () => {
    const oversized = index.db.prepare<[number], string>(
      'SELECT f.path FROM chunks c JOIN files f ON f.id = c.file_id WHERE octet_length(c.text) > ?',
    ).pluck().all(OVERSIZED_CHUNK_BYTES);
    expect(oversized).toEqual(['vendor/app.bundle.js']);
  });

  it('leaves the bundle out of a page the ordinary chunks fill, though it holds the term most often', () => {
    const hits = keyword('widgetCount', 10);
    expect(hits).toHaveLength(10);
    expect(hits.every((path) => path.startsWith('src/f'))).toBe(true);
    expect(wordCandidates(index.db, ['widgetcount'], {}, 10).map((c) => c.path).every((path) => path.startsWith('src/f'))).toBe(true);
  });

  it('reads the bundle when the ordinary chunks do not fill the page', () => {
    // 61 files hold the term: a page of 100 has room for the bundle, which ranks first (it holds the term 320 times).
    expect(keyword('widgetCount', 100)[0]).toBe('vendor/app.bundle.js');
    expect(keyword('onlyinbundle', 10)).toEqual(['vendor/app.bundle.js']);
    expect(wordCandidates(index.db, ['onlyinbundle'], {}, 10).map((c) => c.path)).toEqual(['vendor/app.bundle.js']);
  });

  it('finds a term with LIKE wildcards or its escape character, or non-ASCII letters, that only the bundle holds', () => {
    expect(keyword('max_100%_used', 10)).toEqual(['vendor/app.bundle.js']);
    // `\` is LIKE's escape here: the needle's own backslashes are escaped too.
    expect(keyword('C:\\clew\\only', 10)).toEqual(['vendor/app.bundle.js']);
    expect(keyword('größenurhier', 10)).toEqual(['vendor/app.bundle.js']);
    expect(keyword('GRÖßENURHIER', 10)).toEqual(['vendor/app.bundle.js']);
  });
});
