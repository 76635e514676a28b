// Transformer throughput through Clew's real embedder path (createEmbedder with the catalogue model's setting:
// tokenizing, padding to the batch's longest, the ONNX run, pooling, normalising) on code-like units, in the
// slices of 32 the sync loop embeds in; wall time and CPU time (every thread of this process, onnxruntime's included).
import { cpus, loadavg } from 'node:os';
import { settingFor } from '../../../electron/core/models.js';
import { createEmbedder } from '../../../electron/vectors/embedders/index.js';
import type { CatalogueModel } from '../../../shared/models.js';
import { unitTexts } from './codeTexts.js';

// The sync loop's slice (electron/engine/sync/syncLoop.ts EMBED_SLICE).
const SLICE = 32;

export interface ThroughputOptions {
  model: CatalogueModel;
  modelDir: string;
  units: number;
  maxPositions: number;
  log: (line: string) => void;
}

/** Tokens per unit as the model sees them (after truncation), from the folder's own tokenizer. */
async function tokensPerUnit(modelDir: string, texts: readonly string[], maxPositions: number): Promise<{ mean: number; truncated: number }> {
  const lib = await import('@huggingface/transformers');
  lib.env.allowRemoteModels = false;
  const tokenizer = await lib.AutoTokenizer.from_pretrained(modelDir, { local_files_only: true });
  const lengths = texts.map((t) => tokenizer.encode(t).length);
  return { mean: lengths.reduce((s, n) => s + Math.min(n, maxPositions), 0) / lengths.length, truncated: lengths.filter((n) => n > maxPositions).length };
}

export async function transformerThroughput(options: ThroughputOptions): Promise<{ unitsPerSecond: number; unitsPerCpuSecond: number }> {
  const { log } = options;
  const setting = settingFor(options.model, options.modelDir);
  const tLoad = performance.now();
  const embedder = await createEmbedder(setting);
  log(`loaded through createEmbedder (${setting.kind}, pooling ${setting.kind === 'transformers' ? setting.pooling : '-'}) in ${((performance.now() - tLoad) / 1000).toFixed(1)} s: ${embedder.dimension} dimensions`);
  try {
    const texts = unitTexts(options.units);
    const tokens = await tokensPerUnit(options.modelDir, texts, options.maxPositions);
    const chars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
    log(`texts: ${texts.length} code-like units, mean ${chars.toFixed(0)} characters = ${tokens.mean.toFixed(0)} tokens (${tokens.truncated} cut at ${options.maxPositions})`);
    // One slice first: onnxruntime plans its memory on the first runs.
    await embedder.embed(texts.slice(0, SLICE));
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < texts.length; i += SLICE) await embedder.embed(texts.slice(i, i + SLICE));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const unitsPerSecond = texts.length / seconds;
    const unitsPerCpuSecond = texts.length / cpuSeconds;
    log(`embedding: ${texts.length} units in ${seconds.toFixed(1)} s wall = ${unitsPerSecond.toFixed(1)} units/s (${(unitsPerSecond * tokens.mean).toFixed(0)} tokens/s); 10k units ≈ ${(10_000 / unitsPerSecond / 60).toFixed(0)} min`);
    log(`cpu: ${cpuSeconds.toFixed(1)} s = ${unitsPerCpuSecond.toFixed(1)} units per CPU-second; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`);
    return { unitsPerSecond, unitsPerCpuSecond };
  } finally {
    await embedder.close();
  }
}
