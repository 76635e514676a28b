// A first index into a database that holds little else loads its rows the way bulk loads do: the secondary indexes no
// write of the run reads are built once after the rows (each row kept them up to date, in random key order: the
// occurrences' name index and the symbols' FQN key above all), and FTS5 does not merge its segments while the rows
// arrive (its crisis merge still bounds them; a large run ends with one merge, write/fullTextMerge.ts). Any other run
// keeps today's path. Nothing is lost by a kill meanwhile: the rows are committed batch by batch as always, and the
// next start builds what is missing (settleBulkLoad is idempotent), as the next run does after a run whose settle
// failed. Readers never name these indexes (no INDEXED BY), so a search during the run is answered by a scan, slower
// but the same.
import Database from 'better-sqlite3';
import { FULL_TEXT_TABLES } from './fullTextTables.js';

/**
 * The indexes built after the rows, exactly as the schema holds them (test/unit/db/bulkLoad.test.ts checks that).
 * Kept during the run: those its writes seek (a file's chunks, units, symbols by name, calls, entry points and
 * packages by file; names; the unique keys), and the two cheap ones status and counts read (pending units, units by repo).
 * A migration that changes one of these must say IF EXISTS / IF NOT EXISTS: after a kill it may find it missing.
 */
export const DEFERRED_INDEXES: Readonly<Record<string, string>> = {
  files_language: 'CREATE INDEX files_language ON files(language)',
  entry_points_repo: 'CREATE INDEX entry_points_repo ON entry_points(repo_id, kind)',
  external_calls_repo: 'CREATE INDEX external_calls_repo ON external_calls(repo_id, kind)',
  external_calls_symbol: 'CREATE INDEX external_calls_symbol ON external_calls(symbol_id)',
  packages_repo: 'CREATE INDEX packages_repo ON packages(repo_id)',
  text_units_symbol: 'CREATE INDEX text_units_symbol ON text_units(symbol_id) WHERE symbol_id IS NOT NULL',
  occurrences_name_file: 'CREATE INDEX occurrences_name_file ON occurrences(name_id, file_id)',
  symbols_repo_fqn_key: 'CREATE INDEX symbols_repo_fqn_key ON symbols(repo_id, fqn_key)',
  symbols_name: 'CREATE INDEX symbols_name ON symbols(name)',
  symbols_file_lines: 'CREATE INDEX symbols_file_lines ON symbols(file_id, start_line)',
  symbols_parent: 'CREATE INDEX symbols_parent ON symbols(parent_id)',
};

/** FTS5's default: merge once this many segments share a level. */
const AUTOMERGE_DEFAULT = 4;

type Db = Database.Database;

// The value as a literal: FTS5 answers a bound one with SQLITE_ERROR.
const setAutomerge = (db: Db, table: string, value: number): void => {
  db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('automerge', ${value})`).run();
};

const automergeOff = (db: Db, table: string): boolean =>
  db.prepare<[], number>(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).pluck().get() === 0;

/** The deferred indexes missing from the schema. */
export function missingIndexes(db: Db): string[] {
  const present = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all());
  return Object.keys(DEFERRED_INDEXES).filter((name) => !present.has(name));
}

/** Other repos' files up to which a first index still bulk-loads: their reads and writes meanwhile are served by scans. */
export const BULK_MAX_OTHER_FILES = 1000;

/**
 * Starts a bulk load when the repo has no file indexed yet and the database holds fewer than BULK_MAX_OTHER_FILES (a
 * first repo, or one after a small one): drops the deferred indexes and turns FTS5's automerge off. True when it did;
 * the caller must settle it when the run ends.
 */
export function startBulkLoad(db: Db, repoId: number): boolean {
  return db.transaction(() => {
    if (db.prepare<[number], number>('SELECT 1 FROM files WHERE repo_id = ? LIMIT 1').pluck().get(repoId) !== undefined) return false;
    const others = db.prepare<[number], number>('SELECT count(*) FROM (SELECT 1 FROM files LIMIT ?)').pluck().get(BULK_MAX_OTHER_FILES) ?? 0;
    if (others >= BULK_MAX_OTHER_FILES) return false;
    for (const name of Object.keys(DEFERRED_INDEXES)) db.exec(`DROP INDEX IF EXISTS ${name}`);
    for (const table of FULL_TEXT_TABLES) setAutomerge(db, table, 0);
    return true;
  }).immediate();
}

/** Builds the deferred indexes that are missing and turns automerge back on; does nothing when nothing is left to do. */
export function settleBulkLoad(db: Db): void {
  const missing = missingIndexes(db);
  const off = FULL_TEXT_TABLES.filter((table) => automergeOff(db, table));
  if (missing.length === 0 && off.length === 0) return;
  // Building an index sorts its keys, spilling past the page cache to temporary files, which Clew's connections keep in
  // memory (connection.ts): the end of a 100,000-file index held ~100 MiB more for it. So the indexes are built on a
  // connection of their own whose temporary files are on disk; changing the setting on `db` itself would delete its
  // TEMP triggers (SQLite drops every temporary object then), which copy each note to notes.db.
  const builder = db.memory ? db : new Database(db.name);
  try {
    if (builder !== db) {
      builder.pragma('busy_timeout = 5000');
      builder.pragma('temp_store = FILE');
    }
    builder.transaction(() => {
      for (const name of missing) builder.exec((DEFERRED_INDEXES[name] ?? '').replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));
      for (const table of off) setAutomerge(builder, table, AUTOMERGE_DEFAULT);
    }).immediate();
  } finally {
    if (builder !== db) builder.close();
  }
}
