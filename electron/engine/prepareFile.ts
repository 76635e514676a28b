// Everything CPU-bound about one file, before it is written: read, hash, decode, split, parse,
// read manifests. Runs inline or in a parse worker; the result is plain, cloneable data.
import type { IndexIssue } from '../../shared/types.js';
import { fsPathCandidates } from '../files/pathBytes.js';
import { NotRegularFile, readRegularFile } from '../files/regularFile.js';
import { fingerprint } from '../base/hash.js';
import { type SymbolRowData, symbolRowData } from './symbolRows.js';
import { type ChunkRowData, chunkRowData } from './chunkRows.js';
import { type WordRowData, wordRowData } from './wordRows.js';
import { isManifest, parseManifest } from './manifests/index.js';
import { analyzeFile } from './analyze.js';
import { sourceLanguage } from '../base/languages.js';
import { codeOrigin, textOnly } from './codeOrigin.js';
import type { DeclaredPackage, FileAnalysis, ParsedEntryPoint } from '../base/fileAnalysis.js';
import { type Chunk, chunkLines, decodeSource, splitLines } from '../base/source.js';

export interface PrepareRequest {
  absPath: string;
  relPath: string;
  repoKey: string;
  embedderId: string;
  /** The content hash already indexed, if any: equal content is reported as `same`, not re-parsed. */
  previousHash: string | null;
}

export interface PreparedText {
  kind: 'text';
  hash: string;
  language: string | null;
  /** Only the count crosses to the writer: copying every line between threads cost more than it gave. */
  lineCount: number;
  chunks: Chunk[];
  lossy: boolean;
  analysis: FileAnalysis | null;
  /** Per symbol (same order as analysis.symbols): what the writer stores, computed off the writer thread. */
  symbolRows: SymbolRowData[];
  /** The file's own text as chunk units: the lines no symbol covers, or the whole file when no grammar found any. */
  chunkRows: ChunkRowData[];
  /** The word index's rows (per chunk and per symbol), computed off the writer thread too. */
  wordRows: WordRowData;
  packages: DeclaredPackage[];
  manifestMains: ParsedEntryPoint[];
  issues: IndexIssue[];
}

export type Prepared =
  | PreparedText
  | { kind: 'same' }
  | { kind: 'binary' }
  /** No longer a regular file (swapped for a fifo, socket or device since the walk): never opened for reading. */
  | { kind: 'special'; what: string }
  | { kind: 'unreadable'; code: string };

function manifestEntries(relPath: string, text: string, issues: IndexIssue[]): { packages: DeclaredPackage[]; mains: ParsedEntryPoint[] } {
  const parsed = parseManifest(relPath, text);
  if (parsed.error) issues.push({ path: relPath, reason: 'unreadable', message: `manifest: ${parsed.error}` });
  const mains = parsed.mains.map((m): ParsedEntryPoint => ({
    kind: 'main', framework: 'manifest', method: null, path: null, schedule: null, queue: m.name, symbol: null, handler: m.path, line: 1,
  }));
  return { packages: parsed.packages, mains };
}

// Generous: hundreds of reads may queue on the thread pool during a full index; this only stops a stuck one.
const PREPARE_READ_TIMEOUT_MS = 60_000;

export async function prepareFile(request: PrepareRequest): Promise<Prepared> {
  let read;
  try {
    read = decodeSource((await readRegularFile(fsPathCandidates(request.absPath), Number.MAX_SAFE_INTEGER, PREPARE_READ_TIMEOUT_MS)).bytes);
  } catch (e) {
    if (e instanceof NotRegularFile) return { kind: 'special', what: e.kind };
    return { kind: 'unreadable', code: String((e as { code?: unknown }).code ?? 'error') };
  }
  if (read.kind === 'binary') return { kind: 'binary' };
  const hash = fingerprint(read.bytes);
  if (hash === request.previousHash) return { kind: 'same' };
  const issues: IndexIssue[] = [];
  if (read.lossy) issues.push({ path: request.relPath, reason: 'not-utf8', message: 'not valid UTF-8: indexed as latin1' });
  const lines = splitLines(read.text);
  const language = sourceLanguage(request.relPath, read.text);
  let analysis: FileAnalysis | null = null;
  const origin = language ? codeOrigin(request.relPath, read.text, lines) : 'written';
  const generated = origin === 'generated';
  if (language && !textOnly(origin)) {
    try {
      analysis = await analyzeFile(language, request.relPath, read.text, generated);
      for (const warning of analysis.warnings) issues.push({ path: request.relPath, reason: 'parse-error', message: warning });
    } catch (e) {
      issues.push({ path: request.relPath, reason: 'parse-error', message: `parse failed, indexed as text: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  const manifest = isManifest(request.relPath) ? manifestEntries(request.relPath, read.text, issues) : { packages: [], mains: [] };
  const chunks = chunkLines(lines);
  const symbols = analysis?.symbols ?? [];
  // Generated code's symbols get no units of their own: its text stays chunk units, as if no grammar had read it.
  const unitSymbols = generated ? [] : symbols;
  return {
    kind: 'text', hash, language, lineCount: lines.length, chunks, lossy: read.lossy, analysis,
    symbolRows: symbolRowData(symbols, request, lines, !generated),
    chunkRows: chunkRowData(unitSymbols, request, lines),
    wordRows: wordRowData(request.relPath, chunks, unitSymbols),
    packages: manifest.packages, manifestMains: manifest.mains, issues,
  };
}
