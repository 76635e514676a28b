// A static (model2vec-format) embedder: tokenise, look up each token's row in the embedding table, average, normalise.
// No neural network runs; with the WordPiece fast path it embeds thousands of code units per second on one core.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { modelFingerprint } from './modelFolder.js';
import { readSafetensors } from './safetensors.js';
import type { Embedder } from './types.js';
import { fallbackUnitVector, l2Normalize } from './vectorMath.js';
import { addedTokenContents, fastWordPiece, type WordPieceTokenizer } from './wordPiece.js';

export const STATIC_MODEL_FILES = ['config.json', 'tokenizer.json', 'model.safetensors'] as const;
// Files that change the vectors when they change; tokenizer_config.json is optional.
const FINGERPRINT_FILES = [...STATIC_MODEL_FILES, 'tokenizer_config.json'];
// Bump when the code below changes the vectors a given folder produces.
const ALGORITHM_VERSION = 'v1';
// model2vec's default: at most this many tokens per text.
const DEFAULT_MAX_TOKENS = 512;
// Embedding runs in the engine's event loop: give other work a turn at least this often (ms).
const YIELD_EVERY_MS = 20;

/** Why a folder cannot be a static model (missing, or missing its files), or null when it looks loadable. */
export function staticModelProblem(dir: string): string | null {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return `static model folder ${dir} does not exist`;
  const missing = STATIC_MODEL_FILES.filter((f) => !existsSync(join(dir, f)));
  return missing.length > 0 ? `static model folder ${dir} is missing ${missing.join(', ')} (a static model needs ${STATIC_MODEL_FILES.join(', ')})` : null;
}

export interface StaticEmbedderOptions {
  modelDir: string;
  /** Tokens per text after which the rest is ignored. */
  maxTokens?: number;
  /** false: always tokenise with transformers.js (tests compare the two paths). */
  fastTokenizer?: boolean;
}

function readJsonObject(dir: string, file: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch (e) {
    throw new Error(`static model folder ${dir}: ${file} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  throw new Error(`static model folder ${dir}: ${file} is not a JSON object`);
}

/** The embedding table: the tensor named `embeddings` (model2vec's name), or else the file's only 2-D tensor. */
function readTable(dir: string): { rows: number; dim: number; data: Float32Array } {
  const file = readSafetensors(join(dir, 'model.safetensors'));
  const twoD = file.names.filter((n) => file.shapeOf(n).length === 2);
  const name = file.names.includes('embeddings') ? 'embeddings' : twoD.length === 1 ? twoD[0]! : null;
  if (!name) throw new Error(`static model folder ${dir}: model.safetensors has no "embeddings" tensor and not exactly one 2-D tensor (it has ${file.names.join(', ') || 'none'})`);
  // model2vec's vocabulary-quantised folders remap and weigh rows; read wrongly they would give wrong vectors silently.
  const unsupported = ['mapping', 'weights'].filter((n) => file.names.includes(n));
  if (unsupported.length > 0) throw new Error(`static model folder ${dir}: model.safetensors has ${unsupported.join(' and ')} tensors (a vocabulary-quantised model2vec model), which Clew does not read yet`);
  const t = file.read(name);
  if (t.shape.length !== 2) throw new Error(`static model folder ${dir}: tensor ${name} has shape ${JSON.stringify(t.shape)}, expected [vocab, dim]`);
  return { rows: t.shape[0]!, dim: t.shape[1]!, data: t.data };
}

function vocabOf(json: Record<string, unknown>): Record<string, unknown> {
  const model = json.model;
  const vocab = model && typeof model === 'object' ? (model as Record<string, unknown>).vocab : null;
  if (vocab && typeof vocab === 'object' && !Array.isArray(vocab)) return vocab as Record<string, unknown>;
  // Unigram vocabularies are [token, score] pairs.
  if (Array.isArray(vocab)) return Object.fromEntries(vocab.map((e: unknown, i) => [Array.isArray(e) ? String(e[0]) : String(e), i]));
  return {};
}

/** Tokenises one text into ids without special tokens. */
type Encode = (text: string) => number[];

/** Median vocabulary entry length in code points: model2vec cuts a text at maxTokens × this many characters first. */
export function medianTokenLength(tokens: Iterable<string>): number {
  const lengths = [...tokens].map((t) => [...t].length).sort((a, b) => a - b);
  if (lengths.length === 0) return 1;
  const mid = lengths.length >> 1;
  // numpy's median averages the two middle values; int() truncates it.
  return Math.max(1, Math.trunc(lengths.length % 2 ? lengths[mid]! : (lengths[mid - 1]! + lengths[mid]!) / 2));
}

async function transformersEncoder(tokenizerJson: Record<string, unknown>, tokenizerConfig: Record<string, unknown>): Promise<{ encode: Encode; vocabSize: number; unkId: number | null }> {
  // Loaded on demand, as for the transformers embedder; only the tokenizer classes are used.
  const lib = await import('@huggingface/transformers');
  const tokenizer: PreTrainedTokenizer = new lib.PreTrainedTokenizer(tokenizerJson, tokenizerConfig);
  const unk = tokenizer.model.unk_token_id;
  return { encode: (text) => tokenizer.encode(text, { add_special_tokens: false }), vocabSize: tokenizer.model.vocab.length, unkId: typeof unk === 'number' ? unk : null };
}

export class StaticEmbedder implements Embedder {
  private closed = false;
  private slow: Promise<Encode> | null = null;

  private constructor(
    readonly id: string,
    readonly dimension: number,
    private readonly table: Float32Array,
    private readonly rows: number,
    private readonly normalize: boolean,
    private readonly maxTokens: number,
    private readonly fast: WordPieceTokenizer | null,
    private readonly addedTokens: readonly string[],
    private readonly unkId: number | null,
    private readonly tokenizerFiles: { json: Record<string, unknown>; config: Record<string, unknown> },
    slow: Encode | null,
    private readonly maxChars: number,
  ) {
    if (slow) this.slow = Promise.resolve(slow);
  }

  static async load(options: StaticEmbedderOptions): Promise<StaticEmbedder> {
    const dir = resolve(options.modelDir);
    const problem = staticModelProblem(dir);
    if (problem) throw new Error(problem);
    const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
    if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new Error(`max tokens must be a positive integer, got ${maxTokens}`);

    const config = readJsonObject(dir, 'config.json');
    // model2vec writes `normalize`; its vectors are unit length unless the folder says otherwise.
    const normalize = config.normalize !== false;
    const table = readTable(dir);
    const json = readJsonObject(dir, 'tokenizer.json');
    // model2vec folders often ship no tokenizer_config.json; the tokenizer itself lives in tokenizer.json.
    const tokenizerConfig = existsSync(join(dir, 'tokenizer_config.json')) ? readJsonObject(dir, 'tokenizer_config.json') : {};

    // BERT-style WordPiece (most static models) is tokenised here; anything else by transformers.js.
    const fast = options.fastTokenizer === false ? null : fastWordPiece(json);
    const slow = fast ? null : await transformersEncoder(json, tokenizerConfig);
    const vocabSize = fast ? fast.vocabSize : slow!.vocabSize;
    if (vocabSize > table.rows) throw new Error(`static model folder ${dir}: the tokenizer has ${vocabSize} tokens but the embedding table only ${table.rows} rows`);
    const unkId = fast ? fast.unkId : slow!.unkId;
    const fingerprint = await modelFingerprint(dir, `${ALGORITHM_VERSION}\u0000${normalize}\u0000${maxTokens}`, FINGERPRINT_FILES);
    return new StaticEmbedder(
      `static:${basename(dir)}:${fingerprint}`, table.dim, table.data, table.rows, normalize, maxTokens,
      fast, addedTokenContents(json), unkId, { json, config: tokenizerConfig }, slow ? slow.encode : null,
      maxTokens * medianTokenLength(Object.keys(vocabOf(json))),
    );
  }

  /** Whether texts are tokenised by the built-in WordPiece path rather than transformers.js. */
  get usesFastTokenizer(): boolean {
    return this.fast !== null;
  }

  private encoder(text: string): Encode | Promise<Encode> {
    // A literal added token ([CLS], <mask>…) is split out by transformers.js; only it gives those exact ids.
    if (this.fast && !this.addedTokens.some((t) => text.includes(t))) return this.fast.encode;
    this.slow ??= transformersEncoder(this.tokenizerFiles.json, this.tokenizerFiles.config).then((s) => s.encode);
    return this.slow;
  }

  /** Token ids of one text as model2vec takes them: no special tokens, no unknown tokens, at most maxTokens. */
  async tokenIds(text: string): Promise<number[]> {
    const clipped = text.slice(0, this.maxChars);
    const ids = (await this.encoder(clipped))(clipped);
    const kept: number[] = [];
    for (const id of ids) {
      if (id === this.unkId || id < 0 || id >= this.rows) continue;
      kept.push(id);
      if (kept.length === this.maxTokens) break;
    }
    return kept;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.closed) throw new Error(`embedder ${this.id} is closed`);
    const dim = this.dimension;
    const sum = new Float64Array(dim);
    const out: Float32Array[] = [];
    let lastYield = performance.now();
    for (const text of texts) {
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await new Promise((r) => setImmediate(r));
        lastYield = performance.now();
      }
      const ids = await this.tokenIds(text);
      if (ids.length === 0) {
        out.push(fallbackUnitVector(dim));
        continue;
      }
      sum.fill(0);
      const table = this.table;
      for (let t = 0; t < ids.length; t++) {
        let k = ids[t]! * dim;
        for (let j = 0; j < dim; j++) sum[j]! += table[k++]!;
      }
      const n = ids.length;
      for (let j = 0; j < dim; j++) sum[j]! /= n;
      out.push(this.normalize ? l2Normalize(sum) : Float32Array.from(sum));
    }
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
