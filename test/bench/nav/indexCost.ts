// A full index with and without the occurrence pass, as issue 13 words its cost: every file read, decoded,
// hashed, parsed and analysed as engine/prepareFile.ts does (the same calls, on this one thread), then the
// real writer (IndexStore.writeBatch, batches of 200, full-text merge) into two fresh clew.db files, one
// with the file's occurrences and one without. Both indexes are built in the same pass, batch by batch,
// so a busy machine slows both alike: "without" is the shared work plus its writes, "with" adds the
// occurrence extraction and its own writes. A switch of this bench, not of the app.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint } from '../../../electron/base/hash.js';
import { languageOf } from '../../../electron/base/languages.js';
import { chunkLines, decodeSource, splitLines } from '../../../electron/base/source.js';
import type { FileAnalysis, FileOccurrences } from '../../../electron/base/fileAnalysis.js';
import { migrateDatabase, openWrite } from '../../../electron/db/connection.js';
import { mergeFullTextIndexes } from '../../../electron/db/write/fullTextMerge.js';
import { type FileWrite, IndexStore } from '../../../electron/db/write/indexStore.js';
import { chunkRowData } from '../../../electron/engine/chunkRows.js';
import { detectEntryPoints, detectExternalCalls } from '../../../electron/engine/entrypoints/index.js';
import { extractOccurrences, occurrenceQuery } from '../../../electron/engine/parsers/occurrences.js';
import { extractSymbols } from '../../../electron/engine/parsers/symbols.js';
import { parse } from '../../../electron/engine/parsers/treeSitter.js';
import { symbolRowData } from '../../../electron/engine/symbolRows.js';
import { codeOrigin, textOnly } from '../../../electron/engine/codeOrigin.js';
import { wordRowData } from '../../../electron/engine/wordRows.js';

export interface IndexCost {
  without: { cpuMs: number; dbBytes: number };
  with: { cpuMs: number; dbBytes: number };
  /** Of the difference: the extraction, and the extra writing (occurrence and import rows, names). */
  extractMs: number;
  writeMs: number;
}

// CPU time of this thread's process, not wall: a shared machine stretches wall time, not the work done.
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One file as the writer gets it, without occurrences, and the CPU ms its occurrence extraction took. */
async function prepare(absPath: string, relPath: string): Promise<{ write: FileWrite; occurrences: FileOccurrences | null; extractMs: number } | null> {
  const read = decodeSource(readFileSync(absPath));
  if (read.kind === 'binary') return null;
  const hash = fingerprint(read.bytes);
  const lines = splitLines(read.text);
  const language = languageOf(relPath);
  let analysis: FileAnalysis | null = null;
  let occurrences: FileOccurrences | null = null;
  let extractMs = 0;
  const origin = language ? codeOrigin(relPath, read.text, lines) : 'written';
  const generated = origin === 'generated';
  if (language && !textOnly(origin)) {
    const tree = await parse(language, read.text);
    const query = await occurrenceQuery(language);
    try {
      const root = tree.rootNode;
      const symbols = extractSymbols(language, root, read.text, relPath);
      const warnings: string[] = [];
      const entryPoints = generated ? [] : detectEntryPoints(language, root, read.text, relPath, symbols, warnings);
      const calls = generated ? [] : detectExternalCalls(language, root, read.text, symbols, warnings);
      const t0 = cpu();
      occurrences = extractOccurrences(language, query, root, read.text, symbols);
      extractMs = cpu() - t0;
      analysis = { language, symbols, entryPoints, calls, occurrences: null, warnings };
    } finally {
      tree.delete();
    }
  }
  const req = { repoKey: 'bench', embedderId: 'hash-v1', relPath };
  const chunks = chunkLines(lines);
  const symbols = analysis?.symbols ?? [];
  const unitSymbols = generated ? [] : symbols;
  const write: FileWrite = {
    relPath, language, size: read.bytes.length, mtimeMs: 0, hash, lineCount: lines.length, chunks, lossy: read.lossy, analysis,
    symbolRows: symbolRowData(symbols, req, lines, !generated), chunkRows: chunkRowData(unitSymbols, req, lines), wordRows: wordRowData(relPath, chunks, unitSymbols),
    packages: [], manifestMains: [],
  };
  return { write, occurrences, extractMs };
}

/** A fresh clew.db and its store; `close` merges the full-text indexes (as a big run does), closes and gives the size. */
function openIndex(file: string, root: string): { write: (batch: FileWrite[]) => number; close: () => { cpuMs: number; bytes: number } } {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  migrateDatabase(file);
  const db = openWrite(file);
  const store = new IndexStore(db);
  const repo = store.ensureRepo(root, 'bench', 'bench');
  return {
    write: (batch) => {
      const t0 = cpu();
      store.writeBatch(repo, [], batch);
      return cpu() - t0;
    },
    close: () => {
      const t0 = cpu();
      try {
        mergeFullTextIndexes(db);
      } finally {
        db.close();
      }
      const cpuMs = cpu() - t0;
      const bytes = statSync(file).size;
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      return { cpuMs, bytes };
    },
  };
}

/** Indexes `files` (repo-relative, under `root`) into two clew.db files under `workDir`, removed after; grammars load before timing. */
export async function fullIndexCost(root: string, files: readonly string[], workDir: string): Promise<IndexCost> {
  for (const language of new Set(files.map(languageOf))) {
    if (!language) continue;
    (await parse(language, '')).delete();
    await occurrenceQuery(language);
  }
  const without = openIndex(join(workDir, 'index-cost-without.db'), root);
  const withOcc = openIndex(join(workDir, 'index-cost-with.db'), root);
  let shared = 0;
  let extract = 0;
  let writeWithout = 0;
  let writeWith = 0;
  let batch: Array<{ write: FileWrite; occurrences: FileOccurrences | null }> = [];
  let flushes = 0;
  const flush = (): void => {
    const plain = batch.map((b) => b.write);
    const full = batch.map((b) => ({ ...b.write, analysis: b.write.analysis && { ...b.write.analysis, occurrences: b.occurrences } }));
    // Alternate which index is written first: neither always gets the warmer cache.
    if (flushes++ % 2 === 0) {
      writeWithout += without.write(plain);
      writeWith += withOcc.write(full);
    } else {
      writeWith += withOcc.write(full);
      writeWithout += without.write(plain);
    }
    batch = [];
  };
  for (const relPath of files) {
    const t0 = cpu();
    const prepared = await prepare(join(root, relPath), relPath);
    shared += cpu() - t0;
    if (!prepared) continue;
    shared -= prepared.extractMs;
    extract += prepared.extractMs;
    batch.push(prepared);
    if (batch.length === 200) flush();
  }
  flush();
  const a = without.close();
  const b = withOcc.close();
  return {
    without: { cpuMs: shared + writeWithout + a.cpuMs, dbBytes: a.bytes },
    with: { cpuMs: shared + extract + writeWith + b.cpuMs, dbBytes: b.bytes },
    extractMs: extract,
    writeMs: writeWith + b.cpuMs - writeWithout - a.cpuMs,
  };
}
