import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TransformersEmbedder } from '../../../electron/vectors/embedders/transformersEmbedder.js';
import { TINY_HIDDEN, TINY_MAX_LENGTH, writeTinyBert, type TinyBert } from '../../helpers/tinyModel/tinyBert.js';
import { cosine, norm, normalised } from '../../helpers/tinyModel/vectors.js';

let root: string;
let tiny: TinyBert;
let embedder: TransformersEmbedder;
const fetchSpy = vi.spyOn(globalThis, 'fetch');

function only(vectors: Float32Array[]): Float32Array {
  expect(vectors).toHaveLength(1);
  return vectors[0] as Float32Array;
}

/** The mean-pooled, normalised vector of a token sequence, computed from the tiny model's weights by hand. */
function expectedMean(tokens: string[]): number[] {
  const rows = tokens.map((t) => tiny.hiddenOf(tiny.idOf(t), 0));
  const mean = Array.from({ length: TINY_HIDDEN }, (_, h) => rows.reduce((s, r) => s + (r[h] as number), 0) / rows.length);
  return normalised(mean);
}

function copyWithout(file: string): string {
  const dir = join(root, `without-${file.replace(/\W+/g, '-')}`);
  cpSync(tiny.dir, dir, { recursive: true });
  rmSync(join(dir, file));
  return dir;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clew-embedders-'));
  tiny = writeTinyBert(join(root, 'tiny-bert'));
  embedder = await TransformersEmbedder.load({ modelDir: tiny.dir });
});

afterAll(async () => {
  await embedder.close();
  rmSync(root, { recursive: true, force: true });
});

describe('TransformersEmbedder: loading a local model', () => {
  it('reads the dimension from config.json and names folder, pooling and fingerprint in the id', () => {
    expect(embedder.dimension).toBe(TINY_HIDDEN);
    expect(embedder.id).toMatch(/^transformers:tiny-bert:mean:[0-9a-f]{12}$/);
  });

  it('never touches the network', () => {
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('gives the same id and vectors from a second load', async () => {
    const again = await TransformersEmbedder.load({ modelDir: tiny.dir });
    const texts = ['parse config file', 'render invoice total'];
    expect(again.id).toBe(embedder.id);
    expect(await again.embed(texts)).toEqual(await embedder.embed(texts));
    await again.close();
  });

  it('gives a different model, or a different pooling, a different id', async () => {
    const other = writeTinyBert(join(root, 'tiny-bert-other'), { seed: 99 });
    const [renamedCopy, edited] = [join(root, 'copy', 'tiny-bert'), join(root, 'edited', 'tiny-bert')];
    cpSync(tiny.dir, renamedCopy, { recursive: true });
    writeTinyBert(edited, { note: 'a changed config.json' });
    const loaded = await Promise.all([other.dir, renamedCopy, edited].map((modelDir) => TransformersEmbedder.load({ modelDir })));
    const cls = await TransformersEmbedder.load({ modelDir: tiny.dir, pooling: 'cls' });
    const [otherId, copyId, editedId] = loaded.map((e) => e.id);
    expect(copyId).toBe(embedder.id);
    expect(editedId).not.toBe(embedder.id);
    expect(otherId?.split(':')[3]).not.toBe(embedder.id.split(':')[3]);
    expect(cls.id).toMatch(/^transformers:tiny-bert:cls:[0-9a-f]{12}$/);
    expect(cls.id.split(':')[3]).not.toBe(embedder.id.split(':')[3]);
    await Promise.all([...loaded, cls].map((e) => e.close()));
  });
});

describe('TransformersEmbedder: folder settings', () => {
  it('takes the dimension from the first output when config.json has no hidden_size', async () => {
    const dir = join(root, 'no-hidden-size');
    cpSync(tiny.dir, dir, { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    delete config.hidden_size;
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    const e = await TransformersEmbedder.load({ modelDir: dir });
    expect(e.dimension).toBe(TINY_HIDDEN);
    expect(await e.embed(['parse config'])).toEqual(await embedder.embed(['parse config']));
    await e.close();
  });

  it('truncates to sentence_bert_config.json max_seq_length and fingerprints it', async () => {
    const dir = join(root, 'short', 'tiny-bert');
    cpSync(tiny.dir, dir, { recursive: true });
    writeFileSync(join(dir, 'sentence_bert_config.json'), JSON.stringify({ max_seq_length: 4, do_lower_case: false }));
    const e = await TransformersEmbedder.load({ modelDir: dir });
    expect(e.id).not.toBe(embedder.id);
    const [cut, longer] = await e.embed(['parse config file', 'parse config file render invoice']);
    expect(Array.from(longer as Float32Array)).toEqual(Array.from(cut as Float32Array));
    // transformers.js truncation cuts the trailing [SEP] too (Python tokenizers keep it): pin the behaviour.
    const expected = expectedMean(['[CLS]', 'parse', 'config', 'file']);
    Array.from(cut as Float32Array).forEach((x, i) => expect(x).toBeCloseTo(expected[i] as number, 5));
    await e.close();
  });
});

describe('TransformersEmbedder: vectors', () => {
  it('are unit length, finite and of the model dimension', async () => {
    const vectors = await embedder.embed(['parse config file', '', 'words the vocabulary lacks', 'get user name']);
    for (const v of vectors) {
      expect(v).toHaveLength(TINY_HIDDEN);
      expect(v.every((x) => Number.isFinite(x))).toBe(true);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('equal the hand-computed mean over [CLS] tokens [SEP] of the known weights', async () => {
    const actual = Array.from(only(await embedder.embed(['Parse config'])));
    const expected = expectedMean(['[CLS]', 'parse', 'config', '[SEP]']);
    actual.forEach((x, i) => expect(x).toBeCloseTo(expected[i] as number, 5));
  });

  it('take the first token for cls pooling', async () => {
    const cls = await TransformersEmbedder.load({ modelDir: tiny.dir, pooling: 'cls' });
    const expected = normalised(tiny.hiddenOf(tiny.idOf('[CLS]'), 0));
    Array.from(only(await cls.embed(['render invoice']))).forEach((x, i) => expect(x).toBeCloseTo(expected[i] as number, 5));
    await cls.close();
  });

  it('ignore padding: a short text padded in a batch gives the vector it gets alone', async () => {
    const alone = only(await embedder.embed(['parse']));
    const [, padded] = await embedder.embed(['parse config file , read json path string', 'parse']);
    Array.from(padded as Float32Array).forEach((x, i) => expect(x).toBeCloseTo(alone[i] as number, 6));
    // The test has teeth only if counting a [PAD] row would move the vector.
    expect(cosine(expectedMean(['[CLS]', 'parse', '[SEP]']), expectedMean(['[CLS]', 'parse', '[SEP]', '[PAD]']))).toBeLessThan(0.99);
  });

  it('are closer for texts that share tokens', async () => {
    const [a, b, c] = await embedder.embed(['parse config file', 'load config file', 'render invoice total']);
    expect(cosine(a as Float32Array, b as Float32Array)).toBeGreaterThan(cosine(a as Float32Array, c as Float32Array));
    expect(cosine(a as Float32Array, b as Float32Array)).toBeGreaterThan(cosine(b as Float32Array, c as Float32Array));
  });

  it('truncate long input to the model limit (max_position_embeddings), whatever follows', async () => {
    const long = Array.from({ length: TINY_MAX_LENGTH + 10 }, (_, i) => (i % 2 ? 'config' : 'parse')).join(' ');
    const [a, b] = await embedder.embed([long, `${long} render invoice total`]);
    expect(a?.every((x) => Number.isFinite(x))).toBe(true);
    expect(Array.from(b as Float32Array)).toEqual(Array.from(a as Float32Array));
  });

  it('come in input order across batches', async () => {
    const small = await TransformersEmbedder.load({ modelDir: tiny.dir, batchSize: 2 });
    const texts = ['parse', 'config', 'file', 'render', 'invoice'];
    const batched = await small.embed(texts);
    const singles = await Promise.all(texts.map(async (t) => only(await embedder.embed([t]))));
    batched.forEach((v, i) => Array.from(v).forEach((x, h) => expect(x).toBeCloseTo((singles[i] as Float32Array)[h] as number, 6)));
    await small.close();
  });

  it('are none for no texts', async () => {
    expect(await embedder.embed([])).toEqual([]);
  });
});

describe('TransformersEmbedder: errors', () => {
  it.each(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'])('names the folder and the missing %s', async (file) => {
    const dir = copyWithout(file);
    await expect(TransformersEmbedder.load({ modelDir: dir })).rejects.toThrow(`model folder ${dir} is missing ${file}`);
  });

  it('names a folder that does not exist', async () => {
    const dir = join(root, 'nowhere');
    await expect(TransformersEmbedder.load({ modelDir: dir })).rejects.toThrow(`model folder ${dir} does not exist`);
  });

  it('refuses to embed after close', async () => {
    const e = await TransformersEmbedder.load({ modelDir: tiny.dir });
    await e.close();
    await expect(e.embed(['parse'])).rejects.toThrow(/closed/);
  });
});
