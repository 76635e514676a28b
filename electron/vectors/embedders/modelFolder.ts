// A local transformers.js model folder: the files it must hold, the numbers read from its config, and its fingerprint.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What transformers.js v3 reads for an fp32 encoder: AutoModel needs config.json and onnx/model.onnx, AutoTokenizer both tokenizer files. */
export const REQUIRED_MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'] as const;

// Files that change the vectors when they change; optional ones are hashed only when present.
const FINGERPRINT_FILES = [...REQUIRED_MODEL_FILES, 'sentence_bert_config.json'];

export interface ModelFolderConfig {
  hiddenSize: number | null;
  maxPositions: number | null;
  /** sentence-transformers' max_seq_length, when the folder carries sentence_bert_config.json. */
  maxSeqLength: number | null;
}

export function checkModelFolder(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`model folder ${dir} does not exist`);
  const missing = REQUIRED_MODEL_FILES.filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) {
    throw new Error(`model folder ${dir} is missing ${missing.join(', ')} (a local model needs ${REQUIRED_MODEL_FILES.join(', ')})`);
  }
}

function positiveInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function readJson(dir: string, file: string): Record<string, unknown> {
  const path = join(dir, file);
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch (e) {
    throw new Error(`model folder ${dir}: ${file} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  throw new Error(`model folder ${dir}: ${file} is not a JSON object`);
}

export function readModelConfig(dir: string): ModelFolderConfig {
  const config = readJson(dir, 'config.json');
  const sentence = existsSync(join(dir, 'sentence_bert_config.json')) ? readJson(dir, 'sentence_bert_config.json') : {};
  return {
    hiddenSize: positiveInteger(config.hidden_size) ?? positiveInteger(config.d_model) ?? positiveInteger(config.dim),
    maxPositions: positiveInteger(config.max_position_embeddings),
    maxSeqLength: positiveInteger(sentence.max_seq_length),
  };
}

/** 12 hex of sha256 over the vector-shaping files (streamed: model.onnx can be hundreds of MB) and `salt`. */
export async function modelFingerprint(dir: string, salt: string, files: readonly string[] = FINGERPRINT_FILES): Promise<string> {
  const hash = createHash('sha256').update(`${salt}\u0000`);
  for (const file of files) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    hash.update(`${file}\u0000${statSync(path).size}\u0000`);
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex').slice(0, 12);
}
