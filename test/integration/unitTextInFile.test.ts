// A symbol or chunk unit stores only what its rows do not hold: its head comes from its symbol and file rows, the lines it
// goes on with are its file's, read back from the chunks. What the vector sync claims (and every other reader of unit text) is exactly the text the indexer derived:
// its content hash, computed from that text when it was written, still matches, also after the symbols move.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitContentHash } from '../../electron/base/hash.js';
import type { WriteDb } from '../../electron/db/connection.js';
import { UnitForm } from '../../electron/base/storedUnit.js';
import { unitHits, unitPage } from '../../electron/db/read/vectorUnits.js';
import { SyncQueue } from '../../electron/db/write/syncQueue.js';
import { indexRepo } from '../../electron/engine/indexer.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';

const EMBEDDER = 'test';

const SERVICE = `"""Orders."""


class OrderService:
    """Places and cancels orders."""

    def place(self, order):
        """Places an order: ünïcödé 🚀 in the body too."""
        total = sum(line.price for line in order.lines)
        return total

    def cancel(self, order_id):
        return order_id
`;

const BACKUP = `#!/bin/sh
set -eu
# Copy the database to the backup bucket every night.
${'# Keep the old build around, just in case.\n'.repeat(45)}
stamp=$(date +%Y%m%d)
sqlite3 shop.db ".backup /tmp/shop-$stamp.db"
gzip /tmp/shop-$stamp.db
aws s3 cp /tmp/shop-$stamp.db.gz s3://shop-backups/nightly/
`;

describe('unit text kept once, in the file', () => {
  const repo = tempDir('clew-units-repo-');
  const data = tempDir('clew-units-data-');
  let db: WriteDb;

  beforeAll(async () => {
    writeTree(repo.path, { 'shop/orders.py': SERVICE, 'scripts/backup.sh': BACKUP });
    db = openMigrated(join(data.path, 'clew.db'));
    await indexRepo(db, repo.path, { embedderId: EMBEDDER, parseWorkers: 1 });
  });
  afterAll(() => {
    db.close();
    repo.cleanup();
    data.cleanup();
  });

  /** Every unit the sync would claim, with whether its whole text still hashes to its content hash. */
  const claimed = (): Array<{ vectorId: string; text: string; matches: boolean }> =>
    new SyncQueue(db).claim(10_000, 1e9).map((u) => ({ vectorId: u.vectorId, text: u.text, matches: unitContentHash(EMBEDDER, u.text) === u.contentHash }));

  it('stores nothing of a symbol unit and only a chunk unit\'s label, and gives the sync their whole text', () => {
    const stored = db.prepare<[], { kind: string; inFile: number; text: string }>('SELECT kind, text_in_file AS inFile, text FROM text_units').all();
    expect(stored.filter((u) => u.inFile === UnitForm.derived).map((u) => u.kind).sort()).toEqual(expect.arrayContaining(['chunk', 'symbol', 'symbol', 'symbol']));
    expect(stored.every((u) => !u.text.includes('sum(line.price') && !u.text.includes('Places and cancels orders') && !u.text.includes(' in '))).toBe(true);
    expect(stored.filter((u) => u.kind === 'symbol').map((u) => u.text)).toEqual(stored.filter((u) => u.kind === 'symbol').map(() => ''));

    const units = claimed();
    expect(units.length).toBe(stored.length);
    expect(units.every((u) => u.matches)).toBe(true);
    expect(units.some((u) => u.text.includes('ünïcödé 🚀') && u.text.includes('return total'))).toBe(true);
    // A rebuild's pages and semantic search's chunk hits read the same whole text.
    const page = unitPage(db)(0, 10_000);
    expect(page.every((u) => unitContentHash(EMBEDDER, u.text) === u.content_hash)).toBe(true);
    const chunks = unitHits(db, units.map((u) => u.vectorId)).filter((h) => h.kind === 'chunk');
    expect(chunks.length).toBeGreaterThan(0);
    for (const hit of chunks) expect(hit.chunk).toBe(units.find((u) => u.vectorId === hit.vector_id)?.text);
    expect(chunks.some((h) => h.chunk?.includes('Keep the old build around, just in case.'))).toBe(true);
  });

  it('still gives the whole text after the symbols move down the file without changing', async () => {
    writeFileSync(join(repo.path, 'shop/orders.py'), `import os\nimport sys\n\n${SERVICE}`);
    await indexRepo(db, repo.path, { embedderId: EMBEDDER, parseWorkers: 1 });
    const units = claimed();
    expect(units.length).toBeGreaterThan(3);
    expect(units.filter((u) => !u.matches).map((u) => u.text)).toEqual([]);
  });

  it('stores less of a unit written whole before when its file is written again, keeping its sync state', async () => {
    const symbolUnits = (): Array<{ id: number; inFile: number; text: string; attempts: number }> =>
      db.prepare<[], { id: number; inFile: number; text: string; attempts: number }>("SELECT id, text_in_file AS inFile, text, attempts FROM text_units WHERE kind = 'symbol' ORDER BY id").all();
    const whole = new Map(claimed().map((u) => [u.vectorId, u.text]));
    // As an older Clew wrote them: the whole text, with a failed attempt to keep.
    db.prepare("UPDATE text_units SET text_in_file = 0, attempts = 2, text = (SELECT t.value FROM json_each(?) t WHERE t.key = text_units.vector_id) WHERE kind = 'symbol'")
      .run(JSON.stringify(Object.fromEntries(whole)));
    expect(symbolUnits().every((u) => u.inFile === UnitForm.whole && u.text.length > 0)).toBe(true);
    writeFileSync(join(repo.path, 'shop/orders.py'), `import os\n\n${SERVICE}`);
    await indexRepo(db, repo.path, { embedderId: EMBEDDER, parseWorkers: 1 });
    expect(symbolUnits().map((u) => [u.inFile, u.text, u.attempts])).toEqual(symbolUnits().map(() => [UnitForm.derived, '', 2]));
    const units = claimed();
    expect(units.filter((u) => !u.matches).map((u) => u.text)).toEqual([]);
    for (const u of units) if (whole.has(u.vectorId)) expect(u.text).toBe(whole.get(u.vectorId));
  });
});
