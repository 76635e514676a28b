// Static-embedder throughput: a realistically sized model2vec folder with random weights (vocabulary × dimension),
// and code-like texts the size of Clew's units. Target (issue 11): re-embedding 100k units in under a minute here.
// Run: node --import tsx test/bench/embed-bench.ts [-- --units 100000 --vocab 30000 --dim 256 --dtype F32]
//      npm run bench:embed -- --model potion-code-16m   (a catalogue model's size: 62,500 × 256 float16, as minishlab/potion-code-16M-v2)
// Prints figures; asserts nothing.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { StaticEmbedder } from '../../electron/vectors/embedders/staticEmbedder.js';
import { MODEL_CATALOGUE } from '../../shared/models.js';
import { writeTinyStatic } from '../helpers/tinyModel/staticModel.js';

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '100000' },
    vocab: { type: 'string', default: '30000' },
    dim: { type: 'string', default: '256' },
    dtype: { type: 'string', default: 'F32' },
    batch: { type: 'string', default: '256' },
    model: { type: 'string' },
  },
});
// A catalogue model fixes the shape; the weights are random (speed does not depend on them).
const CATALOGUE_SHAPES: Record<string, { vocab: number; dtype: 'F16' | 'F32' }> = { 'potion-code-16m': { vocab: 62_500, dtype: 'F16' } };
const chosen = values.model ? MODEL_CATALOGUE.find((m) => m.id === values.model) : undefined;
if (values.model && !chosen) throw new Error(`no model ${values.model} in the catalogue (${MODEL_CATALOGUE.map((m) => m.id).join(', ')})`);
if (chosen && chosen.kind !== 'static') {
  console.log(`${chosen.id}: not measured — a BERT-sized ONNX transformer with random weights is not built offline here yet (only the tiny test graph is)`);
  process.exit(0);
}
if (chosen) {
  values.vocab = String(CATALOGUE_SHAPES[chosen.id]?.vocab ?? values.vocab);
  values.dim = String(chosen.dimension);
  values.dtype = CATALOGUE_SHAPES[chosen.id]?.dtype ?? values.dtype;
  console.log(`catalogue model ${chosen.id} (${chosen.repo}): ${values.vocab} × ${values.dim} ${values.dtype}, random weights`);
}
const UNITS = Number(values.units);
const VOCAB = Number(values.vocab);
const DIM = Number(values.dim);
const DTYPE = values.dtype === 'F16' ? 'F16' : 'F32';
const BATCH = Number(values.batch);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const WORDS = [
  'user', 'order', 'invoice', 'payment', 'cart', 'product', 'session', 'token', 'config', 'router', 'request', 'response',
  'handler', 'error', 'context', 'value', 'result', 'list', 'map', 'string', 'file', 'path', 'read', 'write', 'parse', 'load',
  'save', 'update', 'remove', 'find', 'get', 'set', 'new', 'create', 'delete', 'validate', 'render', 'cookie', 'header', 'body',
  'json', 'http', 'server', 'client', 'cache', 'key', 'index', 'count', 'total', 'item', 'name', 'id', 'type', 'data', 'query',
  'return', 'public', 'private', 'static', 'class', 'def', 'func', 'function', 'const', 'let', 'var', 'if', 'else', 'for', 'while',
  'self', 'this', 'null', 'none', 'true', 'false', 'import', 'from', 'package', 'int', 'long', 'bool', 'void', 'async', 'await',
];

/** A WordPiece vocabulary of VOCAB entries: characters, code words and their continuations, then syllable pieces. */
function vocabulary(): string[] {
  const out = new Set<string>();
  for (let c = 33; c < 127; c++) out.add(String.fromCharCode(c));
  for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') out.add(`##${c}`);
  for (const w of WORDS) out.add(w).add(`##${w}`);
  const consonants = 'bcdfghjklmnprstvwxz';
  const vowels = 'aeiou';
  const next = rng(7);
  while (out.size < VOCAB - 5) {
    const len = 1 + Math.floor(next() * 3);
    let piece = '';
    for (let i = 0; i < len; i++) piece += consonants[Math.floor(next() * consonants.length)]! + vowels[Math.floor(next() * vowels.length)]!;
    if (next() < 0.5) piece += consonants[Math.floor(next() * consonants.length)]!;
    out.add(next() < 0.6 ? `##${piece}` : piece);
  }
  return [...out];
}

/** A code-like unit of 200–900 characters: a signature, a doc line and a body of statements. */
function unitText(i: number, next: () => number): string {
  const pick = (): string => WORDS[Math.floor(next() * WORDS.length)]!;
  const ident = (): string => `${pick()}${pick()[0]!.toUpperCase()}${pick().slice(1)}${next() < 0.3 ? Math.floor(next() * 100) : ''}`;
  const lines = [`src/${pick()}/${ident()}.ts`, `/** ${pick()} the ${pick()} of a ${pick()} and ${pick()} it. */`, `export function ${ident()}(${ident()}: ${pick()}, ${ident()}) {`];
  const statements = 3 + Math.floor(next() * 12);
  for (let s = 0; s < statements; s++) lines.push(`  const ${ident()} = ${ident()}.${ident()}(${ident()}, "${pick()}-${i % 97}");`);
  lines.push(`  return ${ident()};`, '}');
  return lines.join('\n');
}

const root = mkdtempSync(join(tmpdir(), 'clew-embed-bench-'));
try {
  const vocab = vocabulary();
  const t0 = performance.now();
  const model = writeTinyStatic(join(root, 'static-bench'), { dim: DIM, dtype: DTYPE, extraWords: vocab.filter((w) => !['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].includes(w)) });
  const sizeMb = statSync(join(model.dir, 'model.safetensors')).size / 1e6;
  const tLoad = performance.now();
  const embedder = await StaticEmbedder.load({ modelDir: model.dir });
  const loadMs = performance.now() - tLoad;
  const next = rng(42);
  const texts = Array.from({ length: UNITS }, (_, i) => unitText(i, next));
  const chars = texts.reduce((s, t) => s + t.length, 0);
  console.log(`model: ${model.vocab.length} tokens × ${DIM} dims ${DTYPE} (${sizeMb.toFixed(1)} MB, written in ${((tLoad - t0) / 1000).toFixed(1)} s), loaded in ${loadMs.toFixed(0)} ms, ${embedder.usesFastTokenizer ? 'built-in WordPiece' : 'transformers.js'} tokenizer`);
  console.log(`texts: ${UNITS} code-like units, mean ${(chars / UNITS).toFixed(0)} characters`);

  // Tokenising alone, on a sample: where the time goes.
  const sample = texts.slice(0, Math.min(5000, UNITS));
  const tTok = performance.now();
  let tokens = 0;
  for (const t of sample) tokens += (await embedder.tokenIds(t)).length;
  const tokMs = performance.now() - tTok;
  console.log(`tokenising: ${(sample.length / (tokMs / 1000)).toFixed(0)} units/s, ${(tokens / sample.length).toFixed(0)} tokens per unit (sample of ${sample.length})`);

  const tEmbed = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < texts.length; i += BATCH) await embedder.embed(texts.slice(i, i + BATCH));
  const seconds = (performance.now() - tEmbed) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`embedding: ${UNITS} units in ${seconds.toFixed(1)} s wall = ${(UNITS / seconds).toFixed(0)} units/s (batches of ${BATCH}); 100k units would take ${(100_000 / (UNITS / seconds)).toFixed(1)} s`);
  // The machine may be shared: CPU time is what one free core would take.
  console.log(`cpu: ${cpuSeconds.toFixed(1)} s = ${(UNITS / cpuSeconds).toFixed(0)} units per CPU-second; 100k units on one free core ≈ ${(100_000 / (UNITS / cpuSeconds)).toFixed(1)} s; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
  await embedder.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}
