import { describe, expect, it } from 'vitest';
import { isBulkTextPath, looksMinified } from '../../../electron/base/bulkText.js';
import { chunkableFile } from '../../../electron/base/fileChunks.js';
import { codeOrigin } from '../../../electron/engine/codeOrigin.js';

describe('bulk text: one decision for the indexer and the chunker', () => {
  it('names lock files, minified names, source maps and SVG by path', () => {
    for (const path of ['package-lock.json', 'web/yarn.lock', 'pnpm-lock.yaml', 'go.sum', 'dist/app.min.js', 'a/b.min.css', 'app.js.map', 'logo.svg']) {
      expect(isBulkTextPath(path), path).toBe(true);
    }
    for (const path of ['src/lock.ts', 'src/minify.js', 'docs/map.md', 'src/svgRender.ts']) expect(isBulkTextPath(path), path).toBe(false);
  });

  it('calls text minified only when it is long and its lines are long on average', () => {
    expect(looksMinified(9_000, 3)).toBe(true);
    expect(looksMinified(9_000, 300)).toBe(false);
    expect(looksMinified(2_000, 1)).toBe(false);
  });

  it('a minified bundle is text only for the indexer and not chunked for vectors', () => {
    const line = 'var a=1;'.repeat(1_500);
    expect(codeOrigin('static/vendor.js', line, [line])).toBe('minified');
    expect(chunkableFile('static/vendor.js', [line])).toBe(false);
    expect(chunkableFile('pnpm-lock.yaml', ['lockfileVersion: 9'])).toBe(false);
  });
});
