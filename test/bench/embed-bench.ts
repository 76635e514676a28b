// Embedding throughput on this machine's CPU with realistically sized models built with random weights (speed does
// not depend on the weights), on code-like texts the size of Clew's units. Prints figures; asserts nothing.
// Static (model2vec): target (issue 11) re-embedding 100k units in under a minute here.
//   node --import tsx test/bench/embed-bench.ts [-- --units 100000 --vocab 30000 --dim 256 --dtype F32]
//   npm run bench:embed -- --model potion-code-16m   (62,500 × 256 float16, as minishlab/potion-code-16M-v2)
// Transformers: a BERT encoder of the catalogue model's shape, int8 like the catalogue's graphs (or --weights fp32),
// through Clew's real embedder; then a real Backend re-embeds a generated repo with it in the background while
// keyword/semantic searches, note saves and re-indexing are timed against idle, and the re-embed is cancelled.
//   npm run bench:embed -- --model bge-small-en [--units 200] [--weights int8|fp32] [--files 120] [--skip-impact]
//   npm run bench:embed -- --model jina-code-v2 [--units 100]   (also accepted: bge-small, jina-v2-base-code)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { StaticEmbedder } from '../../electron/vectors/embedders/staticEmbedder.js';
import { MODEL_CATALOGUE, type CatalogueModel } from '../../shared/models.js';
import { writeTinyStatic } from '../helpers/tinyModel/staticModel.js';
import { codeVocabulary, unitTexts } from './embed/codeTexts.js';
import { catalogueId, writeStandIn } from './embed/transformerModel.js';
import { transformerThroughput } from './embed/transformerThroughput.js';

const { values } = parseArgs({
  options: {
    // Default: 100,000 for a static model, 200 for bge-small, 100 for jina (a few minutes each here).
    units: { type: 'string' },
    vocab: { type: 'string', default: '30000' },
    dim: { type: 'string', default: '256' },
    dtype: { type: 'string', default: 'F32' },
    batch: { type: 'string', default: '256' },
    model: { type: 'string' },
    weights: { type: 'string', default: 'int8' },
    files: { type: 'string', default: '120' },
    'skip-impact': { type: 'boolean', default: false },
  },
});
// A catalogue model fixes the shape; the weights are random (speed does not depend on them).
const CATALOGUE_SHAPES: Record<string, { vocab: number; dtype: 'F16' | 'F32' }> = { 'potion-code-16m': { vocab: 62_500, dtype: 'F16' } };
const chosen = values.model ? MODEL_CATALOGUE.find((m) => m.id === catalogueId(values.model!)) : undefined;
if (values.model && !chosen) throw new Error(`no model ${values.model} in the catalogue (${MODEL_CATALOGUE.map((m) => m.id).join(', ')})`);
if (chosen && chosen.kind === 'transformers') {
  await transformerBench(chosen);
  process.exit(0);
}
if (chosen) {
  values.vocab = String(CATALOGUE_SHAPES[chosen.id]?.vocab ?? values.vocab);
  values.dim = String(chosen.dimension);
  values.dtype = CATALOGUE_SHAPES[chosen.id]?.dtype ?? values.dtype;
  console.log(`catalogue model ${chosen.id} (${chosen.repo}): ${values.vocab} × ${values.dim} ${values.dtype}, random weights`);
}
const UNITS = Number(values.units ?? 100_000);
const VOCAB = Number(values.vocab);
const DIM = Number(values.dim);
const DTYPE = values.dtype === 'F16' ? 'F16' : 'F32';
const BATCH = Number(values.batch);

async function transformerBench(model: CatalogueModel): Promise<void> {
  const weights = values.weights === 'fp32' ? 'fp32' : 'int8';
  const root = mkdtempSync(join(tmpdir(), 'clew-embed-bench-'));
  const log = (line: string): void => console.log(line);
  try {
    const t0 = performance.now();
    const standIn = writeStandIn(root, model, weights);
    log(`catalogue model ${model.id} (${model.repo}), stand-in with random weights: ${standIn.caveat}`);
    log(`graph: ${weights}, ${(standIn.parameters / 1e6).toFixed(1)}M parameters, ${(standIn.bytes / 1e6).toFixed(0)} MB (the hub's file: ${(model.files.find((f) => f.path.endsWith('.onnx'))?.bytes ?? 0) / 1e6} MB), written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const units = values.units ? Number(values.units) : model.id === 'jina-code-v2' ? 100 : 200;
    await transformerThroughput({ model, modelDir: standIn.dir, units, maxPositions: standIn.shape.maxPositions, log });
    if (values['skip-impact']) return;
    log('');
    log('while it re-embeds in the background (real Backend, Chroma sidecar, sync thread):');
    // A child process: this one ran onnxruntime on its main thread, and 1.21 cannot also run it on the sync thread.
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./embed/impactMain.ts', import.meta.url)), standIn.dir, String(Number(values.files))], { stdio: 'inherit' });
    if (child.status !== 0) log(`the background measurement FAILED (exit ${child.status ?? child.signal})`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const root = mkdtempSync(join(tmpdir(), 'clew-embed-bench-'));
try {
  const vocab = codeVocabulary(VOCAB - 5);
  const t0 = performance.now();
  const model = writeTinyStatic(join(root, 'static-bench'), { dim: DIM, dtype: DTYPE, extraWords: vocab.filter((w) => !['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].includes(w)) });
  const sizeMb = statSync(join(model.dir, 'model.safetensors')).size / 1e6;
  const tLoad = performance.now();
  const embedder = await StaticEmbedder.load({ modelDir: model.dir });
  const loadMs = performance.now() - tLoad;
  const texts = unitTexts(UNITS);
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
