import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBEDDER_ID, HashEmbedder } from '../../../electron/vectors/embedders/hashEmbedder.js';
import { cosine, norm } from '../../helpers/tinyModel/vectors.js';

const GOLDEN_TEXT = 'export function parseHTTPConfig2(user_name: string) { return loadConfig(user_name); }';

async function one(embedder: HashEmbedder, text: string): Promise<Float32Array> {
  const [v] = await embedder.embed([text]);
  if (!v) throw new Error('no vector');
  return v;
}

function nonZeroHead(v: Float32Array, count: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < v.length && out.length < count; i++) if (v[i] !== 0) out.push([i, Number((v[i] as number).toFixed(6))]);
  return out;
}

describe('HashEmbedder: identity', () => {
  it('is clew-hash-v1 at the default dimension, the id the indexer stamps into content hashes', () => {
    const e = new HashEmbedder();
    expect(e.id).toBe('clew-hash-v1');
    expect(e.id).toBe(DEFAULT_EMBEDDER_ID);
    expect(e.dimension).toBe(384);
  });

  it('names any other dimension in the id', () => {
    const e = new HashEmbedder(256);
    expect(e.id).toBe('clew-hash-v1-d256');
    expect(e.dimension).toBe(256);
  });

  it('rejects a dimension that is not a sensible integer', () => {
    expect(() => new HashEmbedder(0)).toThrow(/dimension/);
    expect(() => new HashEmbedder(12.5)).toThrow(/dimension/);
  });
});

describe('HashEmbedder: determinism', () => {
  it('gives identical vectors from two instances', async () => {
    const texts = ['parseConfig', 'const total = invoice.lines.reduce((s, l) => s + l.amount, 0);', ''];
    const a = await new HashEmbedder().embed(texts);
    const b = await new HashEmbedder().embed(texts);
    expect(b).toEqual(a);
  });

  it('matches golden values computed once (guards against a hash or weighting that differs across machines)', async () => {
    expect(nonZeroHead(await one(new HashEmbedder(), GOLDEN_TEXT), 6)).toEqual([[1, 0.012239], [6, -0.103608], [16, -0.012239], [20, 0.061193], [21, 0.012239], [26, -0.061193]]);
    expect(nonZeroHead(await one(new HashEmbedder(64), GOLDEN_TEXT), 6)).toEqual([[0, 0.058439], [1, 0.011688], [2, 0.058439], [4, 0.098945], [5, -0.194795], [6, -0.110633]]);
  });

  it('does not depend on the other texts of the batch', async () => {
    const e = new HashEmbedder();
    const [alone] = await e.embed(['renderInvoice']);
    const [, inBatch] = await e.embed(['parseConfig', 'renderInvoice']);
    expect(inBatch).toEqual(alone);
  });
});

describe('HashEmbedder: vectors', () => {
  const texts = ['parseConfig', GOLDEN_TEXT, 'x', 'größe_berechnen()', '日本語のテキスト', '$', '🙂 emoji only 🙂', 'a'.repeat(10_000), 'if (a-b > 0) return a;'];

  it('are unit length with every component finite', async () => {
    const vectors = await new HashEmbedder().embed(texts);
    expect(vectors).toHaveLength(texts.length);
    for (const v of vectors) {
      expect(v).toHaveLength(384);
      expect(v.every((x) => Number.isFinite(x))).toBe(true);
      expect(norm(v)).toBeCloseTo(1, 6);
    }
  });

  it('gives empty and whitespace-only text one fixed unit vector, never NaN', async () => {
    const [empty, spaces, punctuation] = await new HashEmbedder().embed(['', '  \n\t ', '(){};']);
    expect(empty?.every((x) => Number.isFinite(x))).toBe(true);
    expect(norm(empty as Float32Array)).toBeCloseTo(1, 6);
    expect(spaces).toEqual(empty);
    expect(punctuation).toEqual(empty);
  });

  it('returns nothing for no texts', async () => {
    expect(await new HashEmbedder().embed([])).toEqual([]);
  });
});

describe('HashEmbedder: similarity', () => {
  const e = new HashEmbedder();

  it('puts parseConfig clearly nearer parse_config file than renderInvoice', async () => {
    const [a, b, c] = await e.embed(['parseConfig', 'parse_config file', 'renderInvoice']);
    const near = cosine(a as Float32Array, b as Float32Array);
    const far = cosine(a as Float32Array, c as Float32Array);
    expect(near).toBeGreaterThan(0.6);
    expect(far).toBeLessThan(0.2);
  });

  it('treats camelCase, snake_case, SCREAMING_CASE and kebab-case spellings as nearly the same', async () => {
    const [camel, ...others] = await e.embed(['parseConfig', 'parse_config', 'PARSE_CONFIG', 'parse-config', 'ParseConfig']);
    for (const other of others) expect(cosine(camel as Float32Array, other as Float32Array)).toBeGreaterThan(0.99);
  });

  it('shares n-grams between inflections of a word', async () => {
    const [a, b, c] = await e.embed(['parser', 'parsers', 'invoice']);
    expect(cosine(a as Float32Array, b as Float32Array)).toBeGreaterThan(cosine(a as Float32Array, c as Float32Array) + 0.2);
  });

  it('puts related code snippets closer than unrelated ones', async () => {
    const [parse, load, render] = await e.embed([
      'function parseConfig(path) { return JSON.parse(readFileSync(path, "utf8")); }',
      'const config = loadConfigFile(configPath); // reads and parses the config file',
      'function renderInvoice(invoice, customer) { return html`<div>${customer.name}: ${invoice.total}</div>`; }',
    ]);
    const related = cosine(parse as Float32Array, load as Float32Array);
    expect(related).toBeGreaterThan(cosine(parse as Float32Array, render as Float32Array) + 0.2);
    expect(related).toBeGreaterThan(cosine(load as Float32Array, render as Float32Array) + 0.2);
  });
});
