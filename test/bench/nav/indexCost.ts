// A full index with and without the occurrence pass, as issue 13 words its cost: every file read, decoded,
// hashed, parsed and analysed as engine/prepareFile.ts does (the same calls, on this one thread), then the
// real writer (IndexStore.writeBatch, batches of 200, full-text merge) into a fresh clew.db. "Without"
// leaves out only extractOccurrences: a switch of this bench, not of the app. Returns CPU ms and bytes.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint } from '../../../electron/base/hash.js';
import { languageOf } from '../../../electron/base/languages.js';
import { chunkLines, decodeSource, splitLines } from '../../../electron/base/source.js';
import type { FileAnalysis } from '../../../electron/base/fileAnalysis.js';
import { migrateDatabase, openWrite } from '../../../electron/db/connection.js';
import { mergeFullTextIndexes } from '../../../electron/db/write/fullTextMerge.js';
import { type FileWrite, IndexStore } from '../../../electron/db/write/indexStore.js';
import { chunkRowData } from '../../../electron/engine/chunkRows.js';
import { detectEntryPoints, detectExternalCalls } from '../../../electron/engine/entrypoints/index.js';
import { extractOccurrences, occurrenceQuery } from '../../../electron/engine/parsers/occurrences.js';
import { extractSymbols } from '../../../electron/engine/parsers/symbols.js';
import { parse } from '../../../electron/engine/parsers/treeSitter.js';
import { symbolRowData } from '../../../electron/engine/symbolRows.js';
import { textOnlyReason } from '../../../electron/engine/textOnly.js';
import { wordRowData } from '../../../electron/engine/wordRows.js';

export interface IndexCost {
  cpuMs: number;
  dbBytes: number;
}

// CPU time of this thread's process, not wall: a shared machine stretches wall time, not the work done.
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function prepare(absPath: string, relPath: string, occurrences: boolean): Promise<FileWrite | null> {
  const read = decodeSource(readFileSync(absPath));
  if (read.kind === 'binary') return null;
  const hash = fingerprint(read.bytes);
  const lines = splitLines(read.text);
  const language = languageOf(relPath);
  let analysis: FileAnalysis | null = null;
  if (language && !textOnlyReason(relPath, read.text, lines)) {
    const tree = await parse(language, read.text);
    const query = await occurrenceQuery(language);
    try {
      const root = tree.rootNode;
      const symbols = extractSymbols(language, root, read.text, relPath);
      const warnings: string[] = [];
      const entryPoints = detectEntryPoints(language, root, read.text, relPath, symbols, warnings);
      const calls = detectExternalCalls(language, root, read.text, symbols, warnings);
      const occ = occurrences ? extractOccurrences(language, query, root, read.text, symbols) : null;
      analysis = { language, symbols, entryPoints, calls, occurrences: occ, warnings };
    } finally {
      tree.delete();
    }
  }
  const req = { repoKey: 'bench', embedderId: 'hash-v1', relPath };
  const chunks = chunkLines(lines);
  const symbols = analysis?.symbols ?? [];
  return {
    relPath, language, size: read.bytes.length, mtimeMs: 0, hash, lineCount: lines.length, chunks, lossy: read.lossy, analysis,
    symbolRows: symbolRowData(symbols, req, lines), chunkRows: chunkRowData(symbols, req, lines), wordRows: wordRowData(relPath, chunks, symbols),
    packages: [], manifestMains: [],
  };
}

/** Indexes `files` (repo-relative, under `root`) into `workDir/clew.db` and removes it; the grammars are loaded before timing. */
export async function fullIndexCost(root: string, files: readonly string[], workDir: string, occurrences: boolean): Promise<IndexCost> {
  for (const language of new Set(files.map(languageOf))) {
    if (!language) continue;
    (await parse(language, '')).delete();
    await occurrenceQuery(language);
  }
  const file = join(workDir, `index-cost-${occurrences ? 'with' : 'without'}.db`);
  const remove = (): void => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  };
  remove();
  migrateDatabase(file);
  const t0 = cpu();
  const db = openWrite(file);
  try {
    const store = new IndexStore(db);
    const repo = store.ensureRepo(root, 'bench', 'bench');
    let batch: FileWrite[] = [];
    for (const relPath of files) {
      const write = await prepare(join(root, relPath), relPath, occurrences);
      if (write) batch.push(write);
      if (batch.length === 200) {
        store.writeBatch(repo, [], batch);
        batch = [];
      }
    }
    store.writeBatch(repo, [], batch);
    mergeFullTextIndexes(db);
  } finally {
    db.close();
  }
  const cpuMs = cpu() - t0;
  const dbBytes = statSync(file).size;
  remove();
  return { cpuMs, dbBytes };
}
