// ReadDb and WriteDb: a read connection handed to a writer is a compile error (checked by `tsc -p
// tsconfig.json`, which covers test/), and would fail at run time too; a write connection reads fine.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openRead, openWrite, type ReadDb, type WriteDb } from '../../../electron/db/connection.js';
import { syncPaused } from '../../../electron/db/read/repoControl.js';
import { setSyncPaused } from '../../../electron/db/write/repoControl.js';
import { tempDir } from '../../helpers/fixtures.js';

describe('connection kinds', () => {
  const dir = tempDir();
  const file = join(dir.path, 'clew.db');
  migrateDatabase(file);
  const writer: WriteDb = openWrite(file);
  const reader: ReadDb = openRead(file);
  afterAll(() => {
    reader.close();
    writer.close();
    dir.cleanup();
  });

  it('a ReadDb is not a WriteDb: passing one to a writer does not compile, and SQLite refuses it', () => {
    // @ts-expect-error a read-only connection cannot be handed to a db/write function
    expect(() => setSyncPaused(reader, true)).toThrow(/readonly/i);
    // @ts-expect-error nor assigned to a WriteDb
    const notWriter: WriteDb = reader;
    expect(notWriter.readonly).toBe(true);
  });

  it('a WriteDb is also a ReadDb: writers read through the same functions', () => {
    setSyncPaused(writer, true);
    const asReader: ReadDb = writer;
    expect(syncPaused(asReader)).toBe(true);
    expect(syncPaused(reader)).toBe(true);
    expect(writer.readonly).toBe(false);
  });

  it('a raw better-sqlite3 connection is neither: connections come from openRead and openWrite', async () => {
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(file);
    try {
      // @ts-expect-error only openRead makes a ReadDb
      expect(syncPaused(raw)).toBe(true);
    } finally {
      raw.close();
    }
  });
});
