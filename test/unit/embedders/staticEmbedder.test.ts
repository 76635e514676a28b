import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbedder, embedderLabel } from '../../../electron/vectors/embedders/index.js';
import { halfToFloat, readSafetensors } from '../../../electron/vectors/embedders/safetensors.js';
import { medianTokenLength, StaticEmbedder } from '../../../electron/vectors/embedders/staticEmbedder.js';
import { encodeSafetensors, writeTinyStatic, type TinyStatic } from '../../helpers/tinyModel/staticModel.js';

const root = mkdtempSync(join(tmpdir(), 'clew-static-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The expected vector, computed here in float64 from the stored rows: mean, then (optionally) unit length. */
function expected(model: TinyStatic, tokens: string[], normalize = true): number[] {
  const mean = new Array<number>(model.dim).fill(0);
  for (const t of tokens) model.rowOf(t).forEach((v, j) => (mean[j]! += v / tokens.length));
  if (!normalize) return mean;
  const norm = Math.sqrt(mean.reduce((s, v) => s + v * v, 0));
  return mean.map((v) => v / norm);
}

function expectVector(actual: Float32Array, want: number[]): void {
  expect(actual).toHaveLength(want.length);
  want.forEach((v, j) => expect(actual[j]).toBeCloseTo(v, 6));
}

describe('StaticEmbedder', () => {
  it('embeds the mean of the token rows, L2-normalised, with no special tokens', async () => {
    const model = writeTinyStatic(join(root, 'tiny'));
    const e = await StaticEmbedder.load({ modelDir: model.dir });
    expect(e.dimension).toBe(8);
    expect(await e.tokenIds('parse config')).toEqual([model.idOf('parse'), model.idOf('config')]);
    const [a, b, c] = await e.embed(['parse config', 'Loading JSON', 'read file (user)']);
    expectVector(a!, expected(model, ['parse', 'config']));
    expectVector(b!, expected(model, ['load', '##ing', 'json']));
    expectVector(c!, expected(model, ['read', 'file', '(', 'user', ')']));
    const norm = Math.sqrt(Array.from(a!).reduce((s, v) => s + v * v, 0));
    expect(norm).toBeCloseTo(1, 6);
    await e.close();
  });

  it('drops unknown tokens, repeats count, and text with no known token gets the fixed fallback vector', async () => {
    const model = writeTinyStatic(join(root, 'unk'));
    const e = await StaticEmbedder.load({ modelDir: model.dir });
    const [withUnknown, repeated, none, empty] = await e.embed(['zzzqqq config', 'config config parse', 'zzzqqq', '']);
    expectVector(withUnknown!, expected(model, ['config']));
    expectVector(repeated!, expected(model, ['config', 'config', 'parse']));
    expect(Array.from(none!)).toEqual(new Array(8).fill(Math.fround(1 / Math.sqrt(8))));
    expect(Array.from(empty!)).toEqual(Array.from(none!));
  });

  it('keeps at most maxTokens tokens per text', async () => {
    const model = writeTinyStatic(join(root, 'max'));
    const e = await StaticEmbedder.load({ modelDir: model.dir, maxTokens: 3 });
    expectVector((await e.embed(['(.)_(.)']))[0]!, expected(model, ['(', '.', ')']));
  });

  it('cuts a text at maxTokens × the median token length in characters first, as model2vec does', async () => {
    expect(medianTokenLength(['a', 'bb', 'cccc'])).toBe(2);
    expect(medianTokenLength(['a', 'bb', 'ccc', 'dddd'])).toBe(2);
    expect(medianTokenLength(['##é', 'x'])).toBe(2);
    expect(medianTokenLength([])).toBe(1);
    const model = writeTinyStatic(join(root, 'cut'));
    const median = medianTokenLength(model.vocab);
    const e = await StaticEmbedder.load({ modelDir: model.dir, maxTokens: 3 });
    // 'json' starts at 3 × median characters: cut off before tokenising.
    const text = `${'get '.repeat(Math.ceil((3 * median) / 4))}json`;
    expect(text.indexOf('json')).toBeGreaterThanOrEqual(3 * median);
    expect(await e.tokenIds(text)).not.toContain(model.idOf('json'));
    expect(await e.tokenIds('get json')).toEqual([model.idOf('get'), model.idOf('json')]);
  });

  it('lets other work run while embedding a large batch', async () => {
    const model = writeTinyStatic(join(root, 'yield'), { dim: 256 });
    const e = await StaticEmbedder.load({ modelDir: model.dir });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const texts = Array.from({ length: 20_000 }, (_, i) => `parse config ${i} read file json user name router loading`);
    const t0 = performance.now();
    await e.embed(texts);
    const elapsed = performance.now() - t0;
    clearInterval(timer);
    // Only meaningful when the batch takes long enough to need yielding (it does on any machine here: ~100 ms+).
    expect(elapsed).toBeGreaterThan(40);
    expect(ticks).toBeGreaterThan(0);
  });

  it('refuses vocabulary-quantised folders (mapping/weights tensors) instead of giving wrong vectors', async () => {
    const model = writeTinyStatic(join(root, 'quantised'));
    const rows = model.vocab.length;
    writeFileSync(join(model.dir, 'model.safetensors'), encodeSafetensors([
      { name: 'embeddings', dtype: 'F32', shape: [rows, 8], values: new Float32Array(rows * 8) },
      { name: 'weights', dtype: 'F32', shape: [rows], values: new Float32Array(rows) },
    ]));
    await expect(StaticEmbedder.load({ modelDir: model.dir })).rejects.toThrow(/weights tensors .*does not read yet/);
  });

  it('respects normalize: false in config.json', async () => {
    const model = writeTinyStatic(join(root, 'raw'), { normalize: false });
    const e = await StaticEmbedder.load({ modelDir: model.dir });
    expectVector((await e.embed(['parse config']))[0]!, expected(model, ['parse', 'config'], false));
  });

  it('reads float16 tables, any single 2-D tensor name, and an optional tokenizer_config.json', async () => {
    const model = writeTinyStatic(join(root, 'half'), { dtype: 'F16', tensorName: 'weight', withTokenizerConfig: true });
    const e = await StaticEmbedder.load({ modelDir: model.dir });
    expectVector((await e.embed(['get name']))[0]!, expected(model, ['get', 'name']));
  });

  it('its id names the folder and a fingerprint of its files; createEmbedder and embedderLabel know the static kind', async () => {
    const one = writeTinyStatic(join(root, 'fp'));
    const a = await createEmbedder({ kind: 'static', modelDir: one.dir });
    expect(a.id).toMatch(/^static:fp:[0-9a-f]{12}$/);
    expect(embedderLabel({ kind: 'static', modelDir: one.dir })).toBe('static:fp');
    writeTinyStatic(one.dir, { seed: 7 });
    const b = await createEmbedder({ kind: 'static', modelDir: one.dir });
    expect(b.id).not.toBe(a.id);
    await a.close();
    await expect(a.embed(['x'])).rejects.toThrow(/closed/);
  });

  it('clear errors for a missing folder, missing files, a broken safetensors file and a table smaller than the vocabulary', async () => {
    await expect(StaticEmbedder.load({ modelDir: join(root, 'nope') })).rejects.toThrow(/does not exist/);
    const model = writeTinyStatic(join(root, 'broken'));
    rmSync(join(model.dir, 'model.safetensors'));
    await expect(StaticEmbedder.load({ modelDir: model.dir })).rejects.toThrow(/missing model\.safetensors/);
    writeFileSync(join(model.dir, 'model.safetensors'), Buffer.from([1, 2, 3]));
    await expect(StaticEmbedder.load({ modelDir: model.dir })).rejects.toThrow(/not a safetensors file/);
    writeFileSync(join(model.dir, 'model.safetensors'), encodeSafetensors([{ name: 'embeddings', dtype: 'F32', shape: [3, 8], values: new Float32Array(24) }]));
    await expect(StaticEmbedder.load({ modelDir: model.dir })).rejects.toThrow(/only 3 rows/);
    writeFileSync(join(model.dir, 'model.safetensors'), encodeSafetensors([{ name: 'a', dtype: 'F32', shape: [2, 2], values: [1, 2, 3, 4] }, { name: 'b', dtype: 'F32', shape: [2, 2], values: [1, 2, 3, 4] }]));
    await expect(StaticEmbedder.load({ modelDir: model.dir })).rejects.toThrow(/no "embeddings" tensor/);
  });
});

describe('the built-in WordPiece path', () => {
  const texts = [
    'parse config', 'Loading JSON', 'read file (user)', 'router.get("/users/:id", handler)', 'def parse_config(path):\n\treturn json.load(path)',
    'ÜBER café naïve résumé', 'ｆｕｌｌｗｉｄｔｈ', '配置 文件 parse', 'emoji 🎉 config 🎉🎉', 'tab\there\u0000nul\u200bzero\u00adsoft',
    'getUserName(); setUserName(name)', 'readers loading filer', '[CLS] parse [SEP] config [MASK]', 'x'.repeat(150), '   ', '', '¿¡«»—…',
    'a\r\nb\u2028c\u00a0d', 'lone \ud800 surrogate', 'Ǆ ǅ ǆ İ ß', 'ＡＰＩＲｏｕｔｅｒ',
  ];

  it('gives the same ids and vectors as transformers.js, added tokens, accents, CJK and control characters included', async () => {
    const model = writeTinyStatic(join(root, 'paths'), { extraWords: ['uber', 'cafe', 'naive', 'resume', '配', '置', '文', 'ss', 'i', 'api'] });
    const fast = await StaticEmbedder.load({ modelDir: model.dir });
    const slow = await StaticEmbedder.load({ modelDir: model.dir, fastTokenizer: false });
    expect(fast.usesFastTokenizer).toBe(true);
    expect(slow.usesFastTokenizer).toBe(false);
    expect(fast.id).toBe(slow.id);
    for (const t of texts) expect(await fast.tokenIds(t), JSON.stringify(t)).toEqual(await slow.tokenIds(t));
    const [a, b] = [await fast.embed(texts), await slow.embed(texts)];
    a.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(b[i]!)));
  });

  it('tokenizers it does not know (not WordPiece) go to transformers.js', async () => {
    const model = writeTinyStatic(join(root, 'bpe'));
    const json = JSON.parse(readFileSync(join(model.dir, 'tokenizer.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(model.dir, 'tokenizer.json'), JSON.stringify({ ...json, pre_tokenizer: { type: 'Whitespace' } }));
    const e = await StaticEmbedder.load({ modelDir: model.dir });
    expect(e.usesFastTokenizer).toBe(false);
    expectVector((await e.embed(['parse config']))[0]!, expected(model, ['parse', 'config']));
  });
});

describe('readSafetensors', () => {
  it('reads F32 and F16 tensors by name and checks offsets against shapes', () => {
    const file = join(root, 'two.safetensors');
    writeFileSync(file, encodeSafetensors([
      { name: 'a', dtype: 'F32', shape: [2, 3], values: [1, 2, 3, 4, 5, 6.5] },
      { name: 'b', dtype: 'F16', shape: [4], values: [0.5, -2, 65504, 0.000061035156] },
    ], { format: 'pt' }));
    const st = readSafetensors(file);
    expect(st.names).toEqual(['a', 'b']);
    expect(st.read('a')).toEqual({ dtype: 'F32', shape: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6.5]) });
    expect(Array.from(st.read('b').data)).toEqual([0.5, -2, 65504, Math.fround(0.000061035156)]);
    expect(() => st.read('c')).toThrow(/has no tensor c/);
    const bad = join(root, 'bad.safetensors');
    const good = encodeSafetensors([{ name: 'a', dtype: 'F32', shape: [4], values: [1, 2, 3, 4] }]);
    writeFileSync(bad, good.subarray(0, good.length - 4));
    expect(() => readSafetensors(bad).read('a')).toThrow(/does not fit/);
  });

  it('halfToFloat: normal, subnormal, zero, infinity', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0)).toBe(0);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
  });
});
