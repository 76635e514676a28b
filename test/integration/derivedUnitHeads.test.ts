// Migration 016 on an index written before it: units stored as their head (text_in_file = 1) keep only what their rows
// do not hold, every unit's text reads back exactly as before, notes stay, and search and note lookups by FQN work
// without the FQN index it drops.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitContentHash } from '../../electron/base/hash.js';
import { call, openWriter } from '../helpers/backend.js';
import { databaseFile } from '../../electron/core/dataDir.js';
import { LATEST_VERSION } from '../../electron/db/migrate.js';
import { MIGRATIONS } from '../../electron/db/migrations/index.js';
import { migrateDatabase } from '../../electron/db/connection.js';
import { UnitForm } from '../../electron/base/storedUnit.js';
import { SyncQueue } from '../../electron/db/write/syncQueue.js';
import { indexRepo } from '../../electron/engine/indexer.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';

const EMBEDDER = 'test';

const SERVICE = `class OrderService:
    """Places and cancels orders."""

    def place(self, order):
        total = sum(line.price for line in order.lines)
        return total

    def cancel(self, order_id):
        return order_id
`;

// A Markdown heading labels the chunks below it: such a chunk unit keeps its label.
const README = `# Shop

## Backups
${'The database is copied to the bucket every night, table by table.\n'.repeat(20)}
Restore with gunzip and sqlite3.
`;

describe('migration 016: unit heads derived from their rows', () => {
  const repo = tempDir('clew-heads-repo-');
  const data = tempDir('clew-heads-data-');
  const file = (): string => databaseFile(data.path);
  let before: Map<string, string>;

  /** Every unit's whole text as the sync claims it, by vector id, with whether it still hashes to its content hash. */
  const claimAll = (db: Database.Database): Map<string, string> => {
    const units = new SyncQueue(db as never).claim(10_000, 1e9);
    expect(units.filter((u) => unitContentHash(EMBEDDER, u.text) !== u.contentHash).map((u) => u.text)).toEqual([]);
    return new Map(units.map((u) => [u.vectorId, u.text]));
  };

  beforeAll(async () => {
    writeTree(repo.path, { 'shop/orders.py': SERVICE, 'docs/backups.md': README });
    const db = openMigrated(file());
    await indexRepo(db, repo.path, { embedderId: EMBEDDER, parseWorkers: 1 });
    before = claimAll(db);
    // Back to how the index was before 016: each unit stores its head (its text without the lines that follow from
    // the file, read here through the head form), the FQN index exists, the schema is the one before 016.
    db.prepare(`UPDATE text_units SET text = '', text_in_file = ${UnitForm.head} WHERE text_in_file = ${UnitForm.derived}`).run();
    const tails = new Map(new SyncQueue(db).claim(10_000, 2e9).map((u) => [u.vectorId, u.text]));
    const setHead = db.prepare<[string, string]>(`UPDATE text_units SET text = ? WHERE vector_id = ?`);
    for (const [vectorId, tail] of tails) setHead.run((before.get(vectorId) ?? '').slice(0, -tail.length), vectorId);
    db.exec('CREATE INDEX symbols_fqn ON symbols(fqn)');
    // Columns added since (019) go too: the migrations after 016 add them again.
    db.exec('ALTER TABLE repos DROP COLUMN run_files_done; ALTER TABLE repos DROP COLUMN run_files_total');
    // The version before 016: 016 and every later migration run again.
    db.pragma(`user_version = ${MIGRATIONS.findIndex((m) => m.name === 'derived unit heads')}`);
    db.close();
  });
  afterAll(() => {
    repo.cleanup();
    data.cleanup();
  });

  it('keeps only what the rows do not hold, and reads every text back as it was', async () => {
    const old = new Database(file());
    const stored = old.prepare<[], { kind: string; text: string }>(`SELECT kind, text FROM text_units WHERE text_in_file = ${UnitForm.head}`).all();
    expect(stored.map((u) => u.kind).sort()).toEqual(expect.arrayContaining(['chunk', 'symbol', 'symbol', 'symbol']));
    expect(stored.every((u) => u.text.length > 0)).toBe(true);
    old.close();

    expect(migrateDatabase(file())).toBe(LATEST_VERSION);
    const db = new Database(file());
    try {
      const units = db.prepare<[], { kind: string; form: number; text: string }>('SELECT kind, text_in_file AS form, text FROM text_units').all();
      expect(units.map((u) => u.form)).toEqual(units.map(() => UnitForm.derived));
      expect(units.filter((u) => u.kind === 'symbol').every((u) => u.text === '')).toBe(true);
      expect(units.every((u) => !u.text.includes('text in '))).toBe(true);
      // The chunk units keep their label (a heading of the Markdown file), and nothing else.
      expect(units.filter((u) => u.kind === 'chunk').map((u) => u.text)).toContain('Shop');
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'symbols_fqn'").get()).toEqual({ n: 0 });
      expect(claimAll(db)).toEqual(before);
    } finally {
      db.close();
    }
  });

  it('keeps search and notes by FQN working on the migrated index', async () => {
    const backend = openWriter(data.path);
    try {
      const hits = await call(backend, 'search:query', { query: 'OrderService', mode: 'keyword' });
      expect(hits.results.map((h) => h.path)).toContain('shop/orders.py');
      const read = new Database(file(), { readonly: true });
      const fqn = read.prepare<[], string>("SELECT fqn FROM symbols WHERE name = 'cancel'").pluck().get();
      read.close();
      expect(fqn).toMatch(/cancel/);
      const note = await call(backend, 'note:add', { fqn: fqn as string, text: 'refunds too' });
      expect(note).toMatchObject({ fqn, state: 'current' });
    } finally {
      await backend.close();
    }
  });
});
