// A sentence-embedding model run by transformers.js (onnxruntime-node) from a local folder only: never the network.
import { basename, resolve } from 'node:path';
import type * as TransformersLib from '@huggingface/transformers';
import type { PreTrainedModel, PreTrainedTokenizer } from '@huggingface/transformers';
import { checkModelFolder, modelFingerprint, readModelConfig } from './modelFolder.js';
import { poolTokenStates, type Pooling } from './pooling.js';
import type { Embedder } from './types.js';

type Transformers = typeof TransformersLib;

export interface TransformersEmbedderOptions {
  modelDir: string;
  pooling?: Pooling;
  /** Texts per model run: padding is to the longest text of a batch, so this bounds memory. */
  batchSize?: number;
}

// Bump when the code below changes the vectors a given model folder produces (tokenising, pooling, normalising).
const ALGORITHM_VERSION = 'v1';

// Outputs in the order transformers.js' feature-extraction pipeline looks for them.
const OUTPUT_NAMES = ['last_hidden_state', 'logits', 'token_embeddings'] as const;

function smallestLimit(...limits: Array<unknown>): number | undefined {
  const finite = limits.filter((n): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0);
  return finite.length > 0 ? Math.min(...finite) : undefined;
}

/** Local files only: no remote lookups, and no file cache that could serve other bytes than the folder's. */
function configureOffline(env: Transformers['env']): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useFSCache = false;
  env.useBrowserCache = false;
}

interface Runner {
  lib: Transformers;
  tokenizer: PreTrainedTokenizer;
  model: PreTrainedModel;
  pooling: Pooling;
  maxLength: number | undefined;
}

/** One model run: tokenise (pad to the longest, truncate to the limit), forward, pool, normalise. */
async function runBatch(r: Runner, batch: readonly string[]): Promise<Float32Array[]> {
  const { Tensor } = r.lib;
  const inputs: unknown = r.tokenizer([...batch], { padding: true, truncation: true, ...(r.maxLength ? { max_length: r.maxLength } : {}) });
  const mask = (inputs as { attention_mask?: unknown }).attention_mask;
  if (!(mask instanceof Tensor)) throw new Error('the tokenizer returned no attention mask');
  const outputs = (await r.model(inputs)) as Record<string, unknown>;
  const states = OUTPUT_NAMES.map((name) => outputs[name]).find((t) => t instanceof Tensor);
  if (!(states instanceof Tensor)) throw new Error(`the model has none of the outputs ${OUTPUT_NAMES.join(', ')} (it has ${Object.keys(outputs).join(', ')})`);
  if (!(states.data instanceof Float32Array)) throw new Error(`the model output is ${states.type}, expected float32`);
  return poolTokenStates({ data: states.data, dims: states.dims }, mask.data, r.pooling);
}

export class TransformersEmbedder implements Embedder {
  private closed = false;

  private constructor(readonly id: string, readonly dimension: number, private readonly runner: Runner, private readonly batchSize: number) {}

  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const dir = resolve(options.modelDir);
    const pooling = options.pooling ?? 'mean';
    const batchSize = options.batchSize ?? 32;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batch size must be a positive integer, got ${batchSize}`);
    checkModelFolder(dir);
    const config = readModelConfig(dir);

    // Loaded on demand: onnxruntime is heavy and the hash embedder never needs it.
    const lib = await import('@huggingface/transformers');
    configureOffline(lib.env);
    // An absolute path is never taken for a hub model id, so transformers.js reads the files from this folder.
    const tokenizer = await lib.AutoTokenizer.from_pretrained(dir, { local_files_only: true });
    const model = await lib.AutoModel.from_pretrained(dir, { local_files_only: true, dtype: 'fp32', device: 'cpu' });
    try {
      const maxLength = smallestLimit(config.maxSeqLength, tokenizer.model_max_length, config.maxPositions);
      const runner: Runner = { lib, tokenizer, model, pooling, maxLength };
      // No hidden size in the config: the width of a real output is the dimension.
      const dimension = config.hiddenSize ?? (await runBatch(runner, ['dimension probe']))[0]?.length ?? 0;
      const fingerprint = await modelFingerprint(dir, `${ALGORITHM_VERSION}\u0000${pooling}\u0000${maxLength ?? 'none'}`);
      return new TransformersEmbedder(`transformers:${basename(dir)}:${pooling}:${fingerprint}`, dimension, runner, batchSize);
    } catch (e) {
      // The session holds native memory; a half-built embedder must not leak it.
      await model.dispose();
      throw e;
    }
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.closed) throw new Error(`embedder ${this.id} is closed`);
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      for (const v of await runBatch(this.runner, texts.slice(i, i + this.batchSize))) {
        if (v.length !== this.dimension) throw new Error(`the model output has width ${v.length}, expected ${this.dimension}`);
        out.push(v);
      }
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.runner.model.dispose();
  }
}
