import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbedder } from '../../../electron/vectors/embedders/index.js';
import { writeTinyBert } from '../../helpers/tinyModel/tinyBert.js';

describe('createEmbedder', () => {
  it('builds the hash embedder, at the default or a given dimension', async () => {
    expect((await createEmbedder({ kind: 'hash' })).id).toBe('clew-hash-v1');
    const small = await createEmbedder({ kind: 'hash', dimension: 128 });
    expect([small.id, small.dimension]).toEqual(['clew-hash-v1-d128', 128]);
  });

  it('builds a transformers embedder from a model folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'clew-create-embedder-'));
    try {
      const tiny = writeTinyBert(join(root, 'tiny'));
      const e = await createEmbedder({ kind: 'transformers', modelDir: tiny.dir, pooling: 'cls' });
      expect(e.id).toMatch(/^transformers:tiny:cls:[0-9a-f]{12}$/);
      expect(e.dimension).toBe(16);
      await e.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
