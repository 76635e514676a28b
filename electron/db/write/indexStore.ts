// Every statement the indexer runs, prepared once on the engine worker's write connection.
// Upserts keep row ids stable (INSERT … ON CONFLICT DO UPDATE), so nothing cascades by accident.
import type { DeclaredPackage, FileAnalysis, ParsedEntryPoint } from '../../base/fileAnalysis.js';
import type { Chunk } from '../../base/source.js';
import type { WriteDb } from '../connection.js';
import { OccurrenceRows } from './occurrenceRows.js';
import { StoredSymbols, symbolChange, unitKept } from './storedSymbols.js';
import { symbolOfNote } from '../read/symbolKeys.js';
import { symbolWordRow } from '../read/wordRowIds.js';
import { BatchFullText } from './batchFullText.js';
import { BatchDeletes } from './batchDeletes.js';
import { FileChunks } from './fileChunks.js';
import { handlerName, isCommandName, pickHandler } from './handlerMatch.js';
import { WalBound } from '../walBound.js';

export interface RepoRow {
  id: number;
  key: string;
  path: string;
}

export interface KnownFile {
  id: number;
  size: number;
  mtimeMs: number;
  hash: string;
}

/** The derived columns of one symbol row, computed off the writer thread (engine/symbolRows.ts). */
export interface SymbolRowData {
  bodyHash: string;
  words: string;
  modifiersJson: string;
  /** fqn_key(fqn) (db/fqnKey.ts), hashed where the file is parsed. */
  fqnKey: bigint;
  /** The symbol's text unit; null in generated code, whose text stays chunk units (engine/codeOrigin.ts). */
  unit: SymbolUnitData | null;
}

/** A symbol's text unit: what is embedded and ranked for it. */
export interface SymbolUnitData {
  /** The unit's text as stored, and how much of it that is (base/storedUnit.ts): mostly nothing, the rows hold it. */
  storedText: string;
  textForm: number;
  vectorId: string;
  contentHash: string;
}

/** One chunk unit of a file's own text (engine/chunkRows.ts). */
export interface ChunkRowData {
  startLine: number;
  endLine: number;
  storedText: string;
  textForm: number;
  vectorId: string;
  contentHash: string;
}

/** A file's word-index rows: its path's words, each chunk's body words, each symbol's fields (same orders as chunks and symbols). */
export interface WordRowData {
  path: string;
  chunks: readonly string[];
  symbols: ReadonlyArray<{ names: string; signature: string; doc: string }>;
}

/** What a finished run counted for its report. */
export type RunCounts = Record<'files' | 'symbols' | 'entryPoints' | 'dependencies' | 'packages' | 'units', number>;

export interface FileWrite {
  relPath: string;
  language: string | null;
  size: number;
  mtimeMs: number;
  hash: string;
  lineCount: number;
  chunks: readonly Chunk[];
  lossy: boolean;
  analysis: FileAnalysis | null;
  symbolRows: readonly SymbolRowData[];
  chunkRows: readonly ChunkRowData[];
  wordRows: WordRowData;
  packages: readonly DeclaredPackage[];
  manifestMains: readonly ParsedEntryPoint[];
}

const COMMITTED_NAMES_LIMIT = 200_000;

/** The SET terms of a unit upsert that keep its sync state (attempts, error, back-off) when `same` holds, else reset it. */
const syncStateKeptWhen = (same: string): string =>
  `attempts = CASE WHEN ${same} THEN text_units.attempts ELSE 0 END, last_error = CASE WHEN ${same} THEN text_units.last_error END,
   next_attempt_at = CASE WHEN ${same} THEN text_units.next_attempt_at END, failed_at = CASE WHEN ${same} THEN text_units.failed_at END`;

export class IndexStore {
  private readonly s;

  private readonly occurrenceRows: OccurrenceRows;
  private readonly fullText: BatchFullText;
  private readonly deletes: BatchDeletes;
  private readonly chunks: FileChunks;
  private readonly storedSymbols: StoredSymbols;
  private readonly walBound: WalBound;

  /** `walBoundBytes`: the WAL size past which a batch ends with a checkpoint (walBound.ts). */
  constructor(private readonly db: WriteDb, walBoundBytes?: number) {
    this.occurrenceRows = new OccurrenceRows(db);
    this.fullText = new BatchFullText(db);
    this.deletes = new BatchDeletes(db);
    this.chunks = new FileChunks(db, this.fullText, this.deletes);
    this.storedSymbols = new StoredSymbols(db);
    this.walBound = new WalBound(db, walBoundBytes);
    this.s = {
      repoByPath: db.prepare<[string], RepoRow>('SELECT id, key, path FROM repos WHERE path = ?'),
      insertRepo: db.prepare<[string, string, string, number], RepoRow>(
        'INSERT INTO repos(key, path, name, added_at) VALUES (?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET name = excluded.name RETURNING id, key, path'),
      files: db.prepare<[number], { id: number; path: string; size: number; mtime_ms: number; content_hash: string }>(
        'SELECT id, path, size, mtime_ms, content_hash FROM files WHERE repo_id = ?'),
      touchFile: db.prepare<[number, number, number]>('UPDATE files SET size = ?, mtime_ms = ? WHERE id = ?'),
      fileAt: db.prepare<[number, string], { id: number; path: string; size: number; mtime_ms: number; content_hash: string }>(
        'SELECT id, path, size, mtime_ms, content_hash FROM files WHERE repo_id = ? AND path = ?'),
      // A range on the (repo_id, path) key: every path below a folder, without a scan.
      filesUnder: db.prepare<[number, string, string], { id: number; path: string; size: number; mtime_ms: number; content_hash: string }>(
        'SELECT id, path, size, mtime_ms, content_hash FROM files WHERE repo_id = ? AND path >= ? AND path < ?'),
      touchRepo: db.prepare<[number, number]>('UPDATE repos SET indexed_at = ? WHERE id = ?'),
      recordCounts: db.prepare<[{ id: number }]>(
        `UPDATE repos SET file_count = (SELECT count(*) FROM files WHERE repo_id = @id), symbol_count = (SELECT count(*) FROM symbols WHERE repo_id = @id),
           entry_point_count = (SELECT count(*) FROM entry_points WHERE repo_id = @id), run_files_done = NULL, run_files_total = NULL WHERE id = @id`),
      upsertFile: db.prepare<[number, string, string | null, number, number, string, number, number], { id: number }>(
        `INSERT INTO files(repo_id, path, language, size, mtime_ms, content_hash, line_count, lossy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(repo_id, path) DO UPDATE SET language = excluded.language, size = excluded.size, mtime_ms = excluded.mtime_ms,
           content_hash = excluded.content_hash, line_count = excluded.line_count, lossy = excluded.lossy
         RETURNING id`),
      // No unique (file_id, fqn) index to upsert on (migration 017): writeFile knows the file's symbols and picks insert or update.
      insertSymbol: db.prepare<[number, number, number | null, string, string, string, number, number, string, string | null, string, string, bigint], { id: number }>(
        `INSERT INTO symbols(repo_id, file_id, parent_id, fqn, kind, name, start_line, end_line, signature, doc, modifiers, body_hash, fqn_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
      updateSymbol: db.prepare<[number | null, string, string, number, number, string, string | null, string, string, number]>(
        `UPDATE symbols SET parent_id = ?, kind = ?, name = ?, start_line = ?, end_line = ?, signature = ?, doc = ?, modifiers = ?, body_hash = ?
         WHERE id = ?`),
      // Only the lines: the one index that holds them is updated, not the symbol's other three.
      moveSymbol: db.prepare<[number, number, number]>('UPDATE symbols SET start_line = ?, end_line = ? WHERE id = ?'),
      upsertUnit: db.prepare<[number, number, string, string, number, string]>(
        `INSERT INTO text_units(repo_id, kind, symbol_id, vector_id, text, text_in_file, content_hash) VALUES (?, 'symbol', ?, ?, ?, ?, ?)
         ON CONFLICT(vector_id) DO UPDATE SET symbol_id = excluded.symbol_id, text = excluded.text, text_in_file = excluded.text_in_file, content_hash = excluded.content_hash,
           ${syncStateKeptWhen('text_units.content_hash IS excluded.content_hash AND text_units.symbol_id IS excluded.symbol_id')}
         -- An unchanged unit is rewritten only to store less of its text (a unit written whole before), keeping its sync state.
         WHERE text_units.content_hash IS NOT excluded.content_hash OR text_units.symbol_id IS NOT excluded.symbol_id
           OR text_units.text_in_file < excluded.text_in_file`),
      fileChunkUnits: db.prepare<[number], string>("SELECT vector_id FROM text_units WHERE file_id = ? AND kind = 'chunk'").pluck(),
      // A chunk whose text is unchanged keeps its vector (and its sync state); only its lines move.
      upsertChunkUnit: db.prepare<[number, number, string, number, number, string, number, string]>(
        `INSERT INTO text_units(repo_id, kind, file_id, vector_id, start_line, end_line, text, text_in_file, content_hash) VALUES (?, 'chunk', ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(vector_id) DO UPDATE SET file_id = excluded.file_id, start_line = excluded.start_line, end_line = excluded.end_line,
           text = excluded.text, text_in_file = excluded.text_in_file, content_hash = excluded.content_hash,
           ${syncStateKeptWhen('text_units.content_hash IS excluded.content_hash')}`),
      deleteUnit: db.prepare<[string]>('DELETE FROM text_units WHERE vector_id = ?'),
      deleteSymbolUnit: db.prepare<[number]>('DELETE FROM text_units WHERE symbol_id = ?'),
      deleteEntryPoints: db.prepare<[number]>('DELETE FROM entry_points WHERE file_id = ?'),
      insertEntryPoint: db.prepare<[number, number, number | null, string, string, string | null, string | null, string | null, string | null, string | null, number]>(
        `INSERT INTO entry_points(repo_id, file_id, symbol_id, kind, framework, method, path, schedule, queue, handler, line)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      deleteCalls: db.prepare<[number]>('DELETE FROM external_calls WHERE file_id = ?'),
      insertCall: db.prepare<[number, number, number | null, string, string, string | null, number]>(
        'INSERT INTO external_calls(repo_id, file_id, symbol_id, kind, client, target, line) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      nameId: db.prepare<[string], number>('SELECT id FROM names WHERE name = ?').pluck(),
      insertName: db.prepare<[string], number>('INSERT INTO names(name) VALUES (?) RETURNING id').pluck(),
      // Returns nothing for a name already stored.
      insertNewName: db.prepare<[string], number>('INSERT INTO names(name) VALUES (?) ON CONFLICT(name) DO NOTHING RETURNING id').pluck(),
      deletePackages: db.prepare<[number]>('DELETE FROM packages WHERE file_id = ?'),
      insertPackage: db.prepare<[number, number, string, string, string | null, string]>(
        'INSERT INTO packages(repo_id, file_id, ecosystem, name, version, scope) VALUES (?, ?, ?, ?, ?, ?)'),
      // One statement for all of them: the triggers of their chunks then write one segment of deletes per full-text index.
      deleteFiles: db.prepare<[string]>('DELETE FROM files WHERE id IN (SELECT value FROM json_each(?))'),
      markStale: db.prepare<[string, number, string]>(
        "UPDATE notes SET state = 'stale', stale_reason = ? WHERE repo_id = ? AND fqn = ? AND state = 'current'"),
      detachNotes: db.prepare<[number]>(
        `UPDATE notes SET state = 'detached', stale_reason = 'its symbol no longer exists in the repo'
         WHERE repo_id = ? AND state != 'detached' AND NOT EXISTS (SELECT 1 FROM symbols s WHERE ${symbolOfNote('s', 'notes')})`),
      reattachNotes: db.prepare<[number]>(
        `UPDATE notes SET
           state = CASE WHEN anchor_hash = (SELECT s.body_hash FROM symbols s WHERE ${symbolOfNote('s', 'notes')} LIMIT 1) THEN 'current' ELSE 'stale' END,
           stale_reason = CASE WHEN anchor_hash = (SELECT s.body_hash FROM symbols s WHERE ${symbolOfNote('s', 'notes')} LIMIT 1)
             THEN NULL ELSE 'its symbol came back with different code' END
         WHERE repo_id = ? AND state = 'detached' AND EXISTS (SELECT 1 FROM symbols s WHERE ${symbolOfNote('s', 'notes')})`),
      unresolvedHandlers: db.prepare<[number], { id: number; kind: string; handler: string; path: string }>(
        `SELECT e.id, e.kind, e.handler, f.path FROM entry_points e JOIN files f ON f.id = e.file_id
         WHERE e.repo_id = ? AND e.symbol_id IS NULL AND e.handler IS NOT NULL`),
      commandByName: db.prepare<[number, string], { symbolId: number | null }>(
        "SELECT symbol_id AS symbolId FROM entry_points WHERE repo_id = ? AND kind = 'main' AND queue = ? ORDER BY symbol_id IS NULL LIMIT 1"),
      // An action name (`index`, `show`) is defined in every controller: the right one must be among those read.
      symbolsByName: db.prepare<[number, string], { id: number; fqn: string }>(
        "SELECT id, fqn FROM symbols WHERE repo_id = ? AND name = ? AND kind IN ('function', 'method', 'class') ORDER BY length(fqn) LIMIT 500"),
      setHandler: db.prepare<[number, number]>('UPDATE entry_points SET symbol_id = ? WHERE id = ?'),
      deleteAllAliases: db.prepare<[number]>('DELETE FROM path_aliases WHERE repo_id = ?'),
      deleteAliasesIn: db.prepare<[number, string, string, string]>('DELETE FROM path_aliases WHERE repo_id = ? AND (alias = ? OR (alias >= ? AND alias < ?))'),
      upsertAlias: db.prepare<[number, string, string]>(
        'INSERT INTO path_aliases(repo_id, alias, target) VALUES (?, ?, ?) ON CONFLICT(repo_id, alias) DO UPDATE SET target = excluded.target'),
      finishRepo: db.prepare<[number, number, string, string, number]>(
        'UPDATE repos SET indexed_at = ?, last_index_ms = ?, skipped_json = ?, issues_json = ? WHERE id = ?'),
      indexedAt: db.prepare<[number], number | null>('SELECT indexed_at FROM repos WHERE id = ?').pluck(),
      analysisVersion: db.prepare<[number], number>('SELECT analysis_version FROM repos WHERE id = ?').pluck(),
      forgetFileStats: db.prepare<[number]>("UPDATE files SET mtime_ms = -1, content_hash = '' WHERE repo_id = ?"),
      setAnalysisVersion: db.prepare<[number, number]>('UPDATE repos SET analysis_version = ? WHERE id = ?'),
      // Files, symbols and entry points are counted into the repo row (recordCounts): read back from there.
      runCounts: db.prepare<[{ id: number }], RunCounts>(
        `SELECT file_count AS files, symbol_count AS symbols, entry_point_count AS entryPoints,
                (SELECT count(*) FROM external_calls WHERE repo_id = @id) AS dependencies,
                (SELECT count(*) FROM packages WHERE repo_id = @id) AS packages, (SELECT count(*) FROM text_units INDEXED BY text_units_repo WHERE repo_id = @id) AS units
         FROM repos WHERE id = @id`),
    };
  }

  /**
   * The repo's row, added on first sight. IMMEDIATE: a deferred transaction that read first cannot wait
   * for the write lock when it then inserts (SQLite fails the upgrade at once with SQLITE_BUSY).
   */
  ensureRepo(path: string, key: string, name: string): RepoRow {
    return this.db.transaction(() => this.s.repoByPath.get(path) ?? (this.s.insertRepo.get(key, path, name, Date.now()) as RepoRow)).immediate();
  }

  /**
   * A repo whose rows an older analysis wrote forgets its files' stats and hashes, so this run re-reads
   * every file (a cancelled run leaves the rest to the next); true when it did.
   */
  forgetOlderAnalysis(repoId: number, version: number): boolean {
    if (this.s.analysisVersion.get(repoId) === version) return false;
    this.db.transaction(() => {
      this.s.forgetFileStats.run(repoId);
      this.s.setAnalysisVersion.run(version, repoId);
    }).immediate();
    return true;
  }

  /** When the last full run finished; null before the first (undefined for an unknown repo). */
  indexedAt(repoId: number): number | null | undefined {
    return this.s.indexedAt.get(repoId);
  }

  runCounts(repoId: number): RunCounts | undefined {
    return this.s.runCounts.get({ id: repoId });
  }

  /**
   * Name ids already committed, kept across this store's batches (a store lives one run; names are never
   * deleted): each batch of a big run looked up the same common names again.
   */
  private readonly committedNames = new Map<string, number>();

  /** One write batch: stat-only touches and changed files, in one IMMEDIATE transaction. */
  writeBatch(repo: RepoRow, touches: ReadonlyArray<{ id: number; size: number; mtimeMs: number }>, files: readonly FileWrite[]): void {
    // New name ids join the run's cache only once their batch commits: a rolled-back batch must not leave ids that were never stored.
    const names = new Map<string, number>();
    const { fullText, deletes } = this;
    // The rows the batch replaces go first: their full-text rows leave with the new ones in one segment per index.
    const writeHeld = (): void => {
      deletes.run();
      fullText.write();
    };
    try {
      this.db.transaction(() => {
        for (const t of touches) this.touchFile(t.id, t.size, t.mtimeMs);
        const paths = new Set<string>();
        for (const file of files) {
          // A file written twice in one batch replaces its first write's rows: they must all be stored by then.
          if (paths.has(file.relPath)) writeHeld();
          paths.add(file.relPath);
          this.writeFile(repo, file, names);
        }
        writeHeld();
      }).immediate();
    } finally {
      // A batch that rolled back leaves nothing held for the next.
      deletes.clear();
      fullText.clear();
    }
    this.walBound.afterCommit();
    // Bounded, so a huge tree's long tail of names does not grow the writer's memory without end.
    if (this.committedNames.size + names.size > COMMITTED_NAMES_LIMIT) this.committedNames.clear();
    for (const [name, id] of names) this.committedNames.set(name, id);
  }

  /** Whether the last name looked up in the table was there: the next one likely is too (a re-index) or is not (a first index). */
  private lastNameStored = true;

  private nameId(name: string, names: Map<string, number>): number {
    let id = names.get(name) ?? this.committedNames.get(name);
    if (id === undefined) {
      id = this.storedNameId(name);
      names.set(name, id);
    }
    return id;
  }

  /**
   * The name's row id, added if new. Each way round costs one statement when it guesses right: on the Go tree's 149,212
   * names, insert-first took 0.73 s on a first index (select-first 0.81 s) but 0.29 s on a re-index (select-first 0.09 s).
   */
  private storedNameId(name: string): number {
    const s = this.s;
    let id = this.lastNameStored ? s.nameId.get(name) : s.insertNewName.get(name);
    if (id === undefined) {
      this.lastNameStored = !this.lastNameStored;
      id = this.lastNameStored ? s.nameId.get(name) : s.insertName.get(name);
    }
    return id as number;
  }

  /** A changed file's occurrences and imports replace its old ones; enclosing symbols map to this write's row ids. */
  private writeOccurrences(fileId: number, analysis: FileAnalysis | null, symbolIds: readonly number[], names: Map<string, number>): void {
    this.occurrenceRows.replace(fileId, analysis?.occurrences, symbolIds, (name) => this.nameId(name, names));
  }

  knownFiles(repoId: number): Map<string, KnownFile> {
    const known = new Map<string, KnownFile>();
    for (const row of this.s.files.iterate(repoId)) known.set(row.path, { id: row.id, size: row.size, mtimeMs: row.mtime_ms, hash: row.content_hash });
    return known;
  }

  /** The indexed files at or below the given paths ('' is the whole repo). */
  knownIn(repoId: number, scopes: readonly string[]): Map<string, KnownFile> {
    if (scopes.includes('')) return this.knownFiles(repoId);
    const known = new Map<string, KnownFile>();
    const add = (row: { id: number; path: string; size: number; mtime_ms: number; content_hash: string } | undefined): void => {
      if (row) known.set(row.path, { id: row.id, size: row.size, mtimeMs: row.mtime_ms, hash: row.content_hash });
    };
    for (const scope of scopes) {
      add(this.s.fileAt.get(repoId, scope));
      // '0' sorts right after '/': the range holds exactly the paths that start with `scope/`.
      for (const row of this.s.filesUnder.iterate(repoId, `${scope}/`, `${scope}0`)) add(row);
    }
    return known;
  }

  /** A watched pass changed something: the repo's index time moves, its last full report stays. */
  touchRepo(repoId: number): void {
    this.s.touchRepo.run(Date.now(), repoId);
  }

  /** Stores the repo's counts, so listing repos never scans its symbols; the run is over, so its progress is cleared. */
  recordCounts(repoId: number): void {
    this.s.recordCounts.run({ id: repoId });
  }

  touchFile(id: number, size: number, mtimeMs: number): void {
    this.s.touchFile.run(size, mtimeMs, id);
  }

  /**
   * Writes one changed file: its row, chunks, symbols (upserted, stale ones removed), units, entry points, calls, occurrences.
   * Its old chunks and gone symbols wait in `deletes`, its new full-text rows in `fullText`, for the end of the batch.
   */
  private writeFile(repo: RepoRow, file: FileWrite, names: Map<string, number>): void {
    const s = this.s;
    const { fullText, deletes } = this;
    // Read before the file's row takes its new hash (fileChunks.ts).
    const storedChunks = this.chunks.storedChunks(repo.id, file.relPath);
    const previous = this.storedSymbols.byFqn(repo.id, file.relPath);
    // Only a file that had symbols may have units to keep.
    const storedUnits = this.storedSymbols.units(previous.size > 0 ? file.symbolRows.flatMap((r) => (r.unit ? [r.unit.vectorId] : [])) : []);
    const fileId = (s.upsertFile.get(repo.id, file.relPath, file.language, file.size, file.mtimeMs, file.hash, file.lineCount, file.lossy ? 1 : 0) as { id: number }).id;
    const words = file.wordRows;
    this.chunks.replace(fileId, storedChunks, file.chunks, words.path, words.chunks);

    const analysis = file.analysis;
    const ids: number[] = [];
    const written = new Map<string, number>();
    const staleFqns = new Set<string>();
    for (const [index, symbol] of (analysis?.symbols ?? []).entries()) {
      const row = file.symbolRows[index];
      if (!row) throw new Error(`missing derived row for ${symbol.fqn}`);
      const bodyHash = row.bodyHash;
      const parentId = symbol.parent === null ? null : (ids[symbol.parent] ?? null);
      // A second symbol with an FQN already written in this file updates that row, as the old upsert on (file_id, fqn) did.
      const old = previous.get(symbol.fqn);
      let id = written.get(symbol.fqn) ?? old?.id;
      const change = old ? symbolChange(old, { ...symbol, parentId, modifiersJson: row.modifiersJson, bodyHash }) : 'changed';
      if (id === undefined) {
        id = (s.insertSymbol.get(repo.id, fileId, parentId, symbol.fqn, symbol.kind, symbol.name, symbol.startLine, symbol.endLine,
          symbol.signature, symbol.doc, row.modifiersJson, bodyHash, row.fqnKey) as { id: number }).id;
      } else if (change === 'moved') s.moveSymbol.run(symbol.startLine, symbol.endLine, id);
      else if (change === 'changed') {
        s.updateSymbol.run(parentId, symbol.kind, symbol.name, symbol.startLine, symbol.endLine, symbol.signature, symbol.doc, row.modifiersJson, bodyHash, id);
        if (!fullText.dropSymbolFields(id)) deletes.wordRow(symbolWordRow(id));
      }
      written.set(symbol.fqn, id);
      ids.push(id);
      if (!old) fullText.symbolNames(id, row.words);
      else {
        previous.delete(symbol.fqn);
        // A changed symbol makes its notes stale, and the notes of everything that encloses it.
        if (old.body_hash !== bodyHash) {
          for (let p: number | null = ids.length - 1; p !== null; p = analysis?.symbols[p]?.parent ?? null) {
            const fqn = analysis?.symbols[p]?.fqn;
            if (fqn) staleFqns.add(fqn);
          }
        }
      }
      const unit = row.unit;
      // A file that became generated code keeps its symbols, not their units.
      if (!unit) {
        if (old) s.deleteSymbolUnit.run(id);
      } else if (!unitKept(storedUnits.get(unit.vectorId), id, unit)) {
        s.upsertUnit.run(repo.id, id, unit.vectorId, unit.storedText, unit.textForm, unit.contentHash);
        storedUnits.delete(unit.vectorId);
      }
      const fields = words.symbols[index];
      // A kept row keeps its word row: its names, signature, doc and path are the same.
      if (fields && change === 'changed') fullText.symbolFields(id, fields.names, fields.signature, fields.doc, words.path);
    }
    for (const gone of previous.values()) deletes.symbol(gone.id);
    this.writeChunkUnits(repo, fileId, file.chunkRows);
    for (const fqn of staleFqns) s.markStale.run(`the code of ${fqn} changed`, repo.id, fqn);

    s.deleteEntryPoints.run(fileId);
    const entryPoints = [...(analysis?.entryPoints ?? []), ...file.manifestMains];
    for (const ep of entryPoints) {
      const symbolId = ep.symbol === null ? null : (ids[ep.symbol] ?? null);
      s.insertEntryPoint.run(repo.id, fileId, symbolId, ep.kind, ep.framework, ep.method, ep.path, ep.schedule, ep.queue, ep.handler, ep.line);
    }
    s.deleteCalls.run(fileId);
    for (const call of analysis?.calls ?? []) {
      s.insertCall.run(repo.id, fileId, call.symbol === null ? null : (ids[call.symbol] ?? null), call.kind, call.client, call.target, call.line);
    }
    this.writeOccurrences(fileId, analysis, ids, names);
    s.deletePackages.run(fileId);
    for (const pkg of file.packages) s.insertPackage.run(repo.id, fileId, pkg.ecosystem, pkg.name, pkg.version, pkg.scope);
  }

  /** Replaces the file's chunk units: unchanged ones stay, the rest are upserted, the gone ones deleted (leaving tombstones). */
  private writeChunkUnits(repo: RepoRow, fileId: number, rows: readonly ChunkRowData[]): void {
    const s = this.s;
    const gone = new Set(s.fileChunkUnits.all(fileId));
    for (const row of rows) {
      gone.delete(row.vectorId);
      s.upsertChunkUnit.run(repo.id, fileId, row.vectorId, row.startLine, row.endLine, row.storedText, row.textForm, row.contentHash);
    }
    for (const vectorId of gone) s.deleteUnit.run(vectorId);
  }

  /** Removes files and, by cascade, their rows (a file deleted one statement at a time cost a full-text segment each). */
  deleteFiles(ids: readonly number[]): void {
    if (ids.length > 0) this.s.deleteFiles.run(JSON.stringify([...ids].sort((a, b) => a - b)));
  }

  /** Notes follow their symbol by FQN: detached when it is gone, re-attached when it returns. */
  reconcileNotes(repoId: number): void {
    this.s.detachNotes.run(repoId);
    this.s.reattachNotes.run(repoId);
  }

  /** Entry points whose handler lives in another file (Django urls.py → views.py) are linked by name. */
  resolveHandlers(repoId: number): void {
    for (const row of this.s.unresolvedHandlers.all(repoId)) {
      // A scheduled `emails:send` or `db:backup` runs the command of that name: its symbol, never a `send` found by name.
      if (row.kind === 'schedule' && isCommandName(row.handler)) {
        const command = this.s.commandByName.get(repoId, row.handler);
        if (command?.symbolId) this.s.setHandler.run(command.symbolId, row.id);
        continue;
      }
      const name = handlerName(row.handler);
      if (!name) continue;
      const best = pickHandler(row.handler, this.s.symbolsByName.all(repoId, name));
      if (best) this.s.setHandler.run(best.id, row.id);
    }
  }

  /** The folder symlinks a walk found at or below `scopes` ('' is the whole repo) replace those recorded there. */
  replaceAliases(repoId: number, scopes: readonly string[], aliases: ReadonlyArray<{ alias: string; target: string }>): void {
    if (scopes.includes('')) this.s.deleteAllAliases.run(repoId);
    // '0' sorts right after '/': the range holds exactly the paths that start with `scope/`.
    else for (const scope of scopes) this.s.deleteAliasesIn.run(repoId, scope, `${scope}/`, `${scope}0`);
    for (const { alias, target } of aliases) this.s.upsertAlias.run(repoId, alias, target);
  }

  finishRepo(repoId: number, durationMs: number, skipped: object, issues: object): void {
    this.s.finishRepo.run(Date.now(), durationMs, JSON.stringify(skipped), JSON.stringify(issues), repoId);
  }
}
