// A write connection's page cache is 16 MiB, a read connection's 32 MB (readers map the file instead): the writer's
// cache and the sync thread's stay filled for the life of their threads, and at 64 MiB each a full index of the Go
// tree peaked 20-100 MiB higher (malloc arenas 228 vs 138-191 MiB).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openRead, openWrite } from '../../../electron/db/connection.js';
import { tempDir } from '../../helpers/fixtures.js';

const cacheKiB = (db: { pragma(sql: string, options: { simple: true }): unknown }): number => Number(db.pragma('cache_size', { simple: true }));

describe('page cache sizes', () => {
  const dir = tempDir();
  const file = join(dir.path, 'clew.db');
  migrateDatabase(file);
  const writer = openWrite(file, { manualCheckpoints: true });
  const reader = openRead(file);
  afterAll(() => {
    reader.close();
    writer.close();
    dir.cleanup();
  });

  it('a write connection caches at most 16 MiB of pages', () => {
    expect(cacheKiB(writer)).toBe(-16 * 1024);
  });

  it('a read connection keeps its 32 MB', () => {
    expect(cacheKiB(reader)).toBe(-32000);
  });
});
