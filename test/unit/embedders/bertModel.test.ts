// The built BERT encoder (test/helpers/tinyModel/bertModel.ts) at a small size runs through Clew's transformers
// embedder: normalised vectors of the hidden width, the padding mask honoured, long texts truncated to the
// positions it has, and its int8 graph computing the same function as the float one.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, type Embedder } from '../../../electron/vectors/embedders/index.js';
import { writeBertModel, type BertShape } from '../../helpers/tinyModel/bertModel.js';
import { SPECIAL_TOKENS } from '../../helpers/tinyModel/tokenizerFiles.js';
import { cosine, norm } from '../../helpers/tinyModel/vectors.js';

const SHAPE: BertShape = { layers: 2, hidden: 32, heads: 4, intermediate: 64, maxPositions: 24 };
const VOCAB = [...SPECIAL_TOKENS, 'parse', 'config', 'file', 'load', 'user', 'name', 'return', '##s', '##ing', '(', ')', '.', '='];
const TEXTS = ['parse config file', 'load user names', 'return user . name = config ( file )'];
const root = mkdtempSync(join(tmpdir(), 'clew-bert-model-'));
let fp32: Embedder;
let int8: Embedder;

beforeAll(async () => {
  fp32 = await createEmbedder({ kind: 'transformers', modelDir: writeBertModel(join(root, 'fp32'), { shape: SHAPE, vocab: VOCAB, weights: 'fp32' }).dir });
  int8 = await createEmbedder({ kind: 'transformers', modelDir: writeBertModel(join(root, 'int8'), { shape: SHAPE, vocab: VOCAB, weights: 'int8' }).dir });
});

afterAll(async () => {
  await Promise.all([fp32?.close(), int8?.close()]);
  rmSync(root, { recursive: true, force: true });
});

describe('a built BERT encoder through the transformers embedder', () => {
  it('gives one unit vector of the hidden width per text, different texts apart', async () => {
    const vectors = await fp32.embed(TEXTS);
    expect(fp32.dimension).toBe(SHAPE.hidden);
    expect(vectors.map((v) => v.length)).toEqual([32, 32, 32]);
    for (const v of vectors) expect(norm(v)).toBeCloseTo(1, 5);
    expect(cosine(vectors[0]!, vectors[1]!)).toBeLessThan(0.999);
  });

  it('masks padding: a short text gives the same vector alone and beside a longer one', async () => {
    const [alone] = await fp32.embed(['parse']);
    const [padded] = await fp32.embed(['parse', TEXTS[2]!]);
    Array.from(alone!).forEach((x, i) => expect(padded![i]).toBeCloseTo(x, 5));
  });

  it('truncates a text longer than its positions instead of failing', async () => {
    const [v] = await fp32.embed([Array.from({ length: 200 }, () => 'user').join(' ')]);
    expect(norm(v!)).toBeCloseTo(1, 5);
  });

  it('counts the parameters of every BERT part (embeddings, attention, feed-forward, three LayerNorms a layer)', () => {
    const { hidden: H, intermediate: I, layers: L, maxPositions: P } = SHAPE;
    const perLayer = 4 * (H * H + H) + (H * I + I) + (I * H + H) + 2 * 2 * H;
    const built = writeBertModel(join(root, 'count'), { shape: SHAPE, vocab: VOCAB, weights: 'fp32' });
    expect(built.parameters).toBe(VOCAB.length * H + P * H + 2 * H + 2 * H + L * perLayer);
  });

  it('int8: a smaller graph (int8 weights, dynamically quantized products) that computes the same function', async () => {
    expect(statSync(join(root, 'int8', 'onnx', 'model.onnx')).size).toBeLessThan(statSync(join(root, 'fp32', 'onnx', 'model.onnx')).size / 2);
    const [a, b] = [await fp32.embed(TEXTS), await int8.embed(TEXTS)];
    for (let i = 0; i < TEXTS.length; i++) {
      expect(norm(b[i]!)).toBeCloseTo(1, 5);
      expect(cosine(a[i]!, b[i]!)).toBeGreaterThan(0.98);
    }
  });
});
