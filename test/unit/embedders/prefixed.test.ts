// Per-model prefixes: a query and an indexed text get their own prefix before embedding, and the
// prefixes are part of the embedder id (changing them re-embeds); no prefixes leave the id as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../../electron/vectors/embedders/index.js';
import { writeTinyStatic } from '../../helpers/tinyModel/staticModel.js';

const dir = mkdtempSync(join(tmpdir(), 'clew-prefix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('model prefixes', () => {
  writeTinyStatic(dir, { dim: 8 });

  it('embeds queries with the query prefix and texts with the document prefix', async () => {
    const plain = await createEmbedder({ kind: 'static', modelDir: dir });
    const prefixed = await createEmbedder({ kind: 'static', modelDir: dir, queryPrefix: 'user ', documentPrefix: 'router ' });
    const [query] = await prefixed.embed(['parse config'], 'query');
    const [doc] = await prefixed.embed(['parse config']);
    expect(Array.from(query!)).toEqual(Array.from((await plain.embed(['user parse config']))[0]!));
    expect(Array.from(doc!)).toEqual(Array.from((await plain.embed(['router parse config']))[0]!));
    expect(Array.from(query!)).not.toEqual(Array.from(doc!));
  });

  it('names the prefixes in the id only when there are any', async () => {
    const plain = await createEmbedder({ kind: 'static', modelDir: dir });
    const empty = await createEmbedder({ kind: 'static', modelDir: dir, queryPrefix: '', documentPrefix: '' });
    const a = await createEmbedder({ kind: 'static', modelDir: dir, queryPrefix: 'query: ' });
    const b = await createEmbedder({ kind: 'static', modelDir: dir, queryPrefix: 'search: ' });
    expect(empty.id).toBe(plain.id);
    expect(a.id).toMatch(new RegExp(`^${plain.id}:p[0-9a-f]{8}$`));
    expect(a.id).not.toBe(b.id);
  });
});
