// A tiny model2vec-format static model folder: WordPiece tokenizer.json, model.safetensors with the embedding table, config.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededFloats } from './seeded.js';
import { SPECIAL_TOKENS, tokenizerJson } from './tokenizerFiles.js';

export interface SafetensorSpec {
  name: string;
  dtype: 'F32' | 'F16';
  shape: number[];
  values: ArrayLike<number>;
}

/** Float → IEEE half bits (round to nearest even), for values the tests pick to be exact in float16. */
function floatToHalf(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent <= 0) return sign | Math.round((mantissa | 0x800000) / 2 ** (14 - exponent));
  if (exponent >= 0x1f) return sign | 0x7c00;
  return sign | (exponent << 10) | Math.round(mantissa / 0x2000);
}

/** The safetensors layout: u64 LE header length, JSON header (space-padded to 8 bytes), then the tensors' bytes. */
export function encodeSafetensors(tensors: readonly SafetensorSpec[], metadata: Record<string, string> = {}): Buffer {
  const header: Record<string, unknown> = { __metadata__: metadata };
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const t of tensors) {
    const width = t.dtype === 'F32' ? 4 : 2;
    const data = Buffer.alloc(t.values.length * width);
    for (let i = 0; i < t.values.length; i++) {
      if (t.dtype === 'F32') data.writeFloatLE(t.values[i]!, i * 4);
      else data.writeUInt16LE(floatToHalf(t.values[i]!), i * 2);
    }
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + data.length] };
    chunks.push(data);
    offset += data.length;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  return Buffer.concat([length, Buffer.from(json), ...chunks]);
}

export const STATIC_WORDS = ['parse', 'config', 'file', 'load', 'read', 'json', 'user', 'name', 'get', 'router', '##ing', '##s', '##er', '(', ')', '.', '_'];

export interface TinyStatic {
  dir: string;
  vocab: readonly string[];
  dim: number;
  idOf(token: string): number;
  /** One row of the table as stored (after float16 rounding when written as F16). */
  rowOf(token: string): number[];
}

export interface TinyStaticOptions {
  dim?: number;
  seed?: number;
  dtype?: 'F32' | 'F16';
  normalize?: boolean;
  /** Name of the table tensor; model2vec calls it `embeddings`. */
  tensorName?: string;
  /** Extra vocabulary (for realistic sizes in the benchmark). */
  extraWords?: readonly string[];
  withTokenizerConfig?: boolean;
}

export function writeTinyStatic(dir: string, options: TinyStaticOptions = {}): TinyStatic {
  const dim = options.dim ?? 8;
  const dtype = options.dtype ?? 'F32';
  const vocab = [...SPECIAL_TOKENS, ...STATIC_WORDS, ...(options.extraWords ?? [])];
  const raw = seededFloats(options.seed ?? 99, vocab.length * dim, 1);
  // Float16 tables use multiples of 1/64, exact in half precision, so expected means are exact too.
  const values = dtype === 'F16' ? raw.map((v) => Math.round(v * 64) / 64) : raw;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  if (options.withTokenizerConfig) writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'BertTokenizer', do_lower_case: true }));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'model2vec', architectures: ['StaticModel'], hidden_dim: dim, normalize: options.normalize ?? true }));
  writeFileSync(join(dir, 'model.safetensors'), encodeSafetensors([{ name: options.tensorName ?? 'embeddings', dtype, shape: [vocab.length, dim], values }]));
  const ids = new Map(vocab.map((t, i) => [t, i]));
  const idOf = (token: string): number => {
    const id = ids.get(token);
    if (id === undefined) throw new Error(`no token ${token}`);
    return id;
  };
  return { dir, vocab, dim, idOf, rowOf: (token) => Array.from(values.subarray(idOf(token) * dim, (idOf(token) + 1) * dim)) };
}
