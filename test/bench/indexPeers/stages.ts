// Where an index run's CPU goes, stage by stage: the real per-file code (engine/prepareFile.ts and
// engine/analyze.ts, called step by step on one thread) and the real writer (IndexStore.writeBatch into
// a fresh clew.db), on a sample of the tree. The writer's parts are measured by leaving one part's rows
// out at a time (occurrences, word rows, chunk text, symbols): the difference is that part's cost.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint } from '../../../electron/base/hash.js';
import { languageOf } from '../../../electron/base/languages.js';
import { chunkLines, decodeSource, splitLines } from '../../../electron/base/source.js';
import type { FileAnalysis } from '../../../electron/base/fileAnalysis.js';
import { migrateDatabase, openWrite } from '../../../electron/db/connection.js';
import { type FileWrite, IndexStore } from '../../../electron/db/write/indexStore.js';
import { chunkRowData } from '../../../electron/engine/chunkRows.js';
import { detectEntryPoints, detectExternalCalls } from '../../../electron/engine/entrypoints/index.js';
import { extractOccurrences, occurrenceQuery } from '../../../electron/engine/parsers/occurrences.js';
import { extractSymbols } from '../../../electron/engine/parsers/symbols.js';
import { parse } from '../../../electron/engine/parsers/treeSitter.js';
import { symbolRowData } from '../../../electron/engine/symbolRows.js';
import { codeOrigin, textOnly } from '../../../electron/engine/codeOrigin.js';
import { wordRowData } from '../../../electron/engine/wordRows.js';
import type { WalkedFile } from '../../../electron/engine/walk/walker.js';

export type StageTimes = Array<[stage: string, ms: number]>;

// CPU time, not wall: a busy machine stretches wall time, not the work done.
const now = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs every `every`-th file through each stage on this thread; returns ms per stage, scaled to the whole tree. */
export async function stageBreakdown(files: readonly WalkedFile[], every: number, workDir: string): Promise<{ stages: StageTimes; sampled: number }> {
  const t = new Map<string, number>();
  const add = (stage: string, since: number): number => {
    const at = now();
    t.set(stage, (t.get(stage) ?? 0) + at - since);
    return at;
  };
  const sample = files.filter((_, i) => i % every === 0);
  const ctx = { repoKey: 'bench', embedderId: 'hash-v1' };
  const writes: FileWrite[] = [];
  // Grammars and queries load once per thread: not a per-file cost, so not scaled with the sample.
  for (const language of new Set(sample.map((f) => languageOf(f.relPath)))) {
    if (language) (await parse(language, '')).delete();
    if (language) await occurrenceQuery(language);
  }
  for (const file of sample) {
    let at = now();
    const bytes = readFileSync(file.absPath);
    at = add('read', at);
    const read = decodeSource(bytes);
    if (read.kind === 'binary') continue;
    at = add('decode', at);
    const hash = fingerprint(read.bytes);
    at = add('hash', at);
    const lines = splitLines(read.text);
    const language = languageOf(file.relPath);
    const origin = language ? codeOrigin(file.relPath, read.text, lines) : 'written';
    const generated = origin === 'generated';
    at = add('split lines, code origin check', at);
    let analysis: FileAnalysis | null = null;
    if (language && !textOnly(origin)) {
      const tree = await parse(language, read.text);
      at = add('tree-sitter parse', at);
      const query = await occurrenceQuery(language);
      const root = tree.rootNode;
      const symbols = extractSymbols(language, root, read.text, file.relPath);
      at = add('symbol extraction', at);
      const warnings: string[] = [];
      const entryPoints = generated ? [] : detectEntryPoints(language, root, read.text, file.relPath, symbols, warnings);
      const calls = generated ? [] : detectExternalCalls(language, root, read.text, symbols, warnings);
      at = add('entry points, external calls', at);
      const occurrences = extractOccurrences(language, query, root, read.text, symbols);
      at = add('occurrences pass', at);
      tree.delete();
      analysis = { language, symbols, entryPoints, calls, occurrences, warnings };
    }
    const req = { ...ctx, relPath: file.relPath };
    const symbolRows = symbolRowData(analysis?.symbols ?? [], req, lines, !generated);
    at = add('symbol rows (hashes, unit text)', at);
    const chunks = chunkLines(lines);
    const unitSymbols = generated ? [] : analysis?.symbols ?? [];
    const chunkRows = chunkRowData(unitSymbols, req, lines);
    at = add('chunking, chunk units', at);
    const wordRows = wordRowData(file.relPath, chunks, unitSymbols);
    at = add('word rows', at);
    const write: FileWrite = {
      relPath: file.relPath, language, size: file.size, mtimeMs: file.mtimeMs, hash, lineCount: lines.length, chunks, lossy: read.lossy, analysis,
      symbolRows, chunkRows, wordRows, packages: [], manifestMains: [],
    };
    // What a parse worker posts: the prepared file.
    structuredClone({ kind: 'text', hash, language, lineCount: lines.length, chunks, lossy: read.lossy, analysis, symbolRows, chunkRows, wordRows, packages: [], manifestMains: [], issues: [] });
    add('copy to the writer (structured clone)', at);
    writes.push(write);
  }

  // The writer: the whole batch, then without one part at a time (each into a fresh database).
  const writeAll = (name: string, shape: (w: FileWrite) => FileWrite): number => {
    const file = join(workDir, `stages-${name}.db`);
    rmSync(file, { force: true });
    migrateDatabase(file);
    const db = openWrite(file);
    try {
      const store = new IndexStore(db);
      const repo = store.ensureRepo('/bench', 'bench', 'bench');
      const shaped = writes.map(shape);
      const t0 = now();
      for (let i = 0; i < shaped.length; i += 200) store.writeBatch(repo, [], shaped.slice(i, i + 200));
      return now() - t0;
    } finally {
      db.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    }
  };
  const full = writeAll('full', (w) => w);
  const noOcc = writeAll('no-occ', (w) => ({ ...w, analysis: w.analysis && { ...w.analysis, occurrences: null } }));
  const noWords = writeAll('no-words', (w) => ({ ...w, wordRows: { path: '', chunks: w.wordRows.chunks.map(() => ''), symbols: w.wordRows.symbols.map(() => ({ names: '', signature: '', doc: '' })) } }));
  const noChunkText = writeAll('no-chunks', (w) => ({ ...w, chunks: w.chunks.map((c) => ({ ...c, text: '' })), chunkRows: [] }));
  const noSymbols = writeAll('no-symbols', (w) => ({ ...w, analysis: w.analysis && { ...w.analysis, symbols: [], entryPoints: [], calls: [] }, symbolRows: [], wordRows: { ...w.wordRows, symbols: [] } }));
  // Saved when that part is left out; the parts overlap (a smaller file makes every write cheaper), so they sum past the total.
  t.set('write: total', full);
  t.set('write, saved without: occurrences, imports', full - noOcc);
  t.set('write, saved without: words_fts (word index)', full - noWords);
  t.set('write, saved without: chunks, trigram FTS, chunk units', full - noChunkText);
  t.set('write, saved without: symbols, symbols_fts, units, entry points', full - noSymbols);
  const scale = files.length / Math.max(1, sample.length);
  return { stages: [...t.entries()].map(([stage, ms]) => [stage, ms * scale]), sampled: sample.length };
}
