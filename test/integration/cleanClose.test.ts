// A writer that closed cleanly stamps clew.db, and the next writer's start skips reading every page when the file is as
// stamped. Damage the stamp cannot see (bytes overwritten before the close that stamped them) is found by the first request
// that meets it, in a writer or a reader, and the next start then reads every page and moves the file aside.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/core/backend.js';
import { closedCleanly, markDamageSeen, stampCleanClose } from '../../electron/core/cleanClose.js';
import { databaseFile } from '../../electron/core/dataDir.js';
import type { Result } from '../../shared/result.js';
import { call, openWriter } from '../helpers/backend.js';
import { cleanupAfterEach, tempPath } from '../helpers/cleanups.js';
import { clobberTable, recoverySettled } from '../helpers/damage.js';
import { SAMPLE_REPO, writeTree } from '../helpers/fixtures.js';

const GET = 'com.acme.web.UserController.get(long)';

describe('start-up check after a clean close', () => {
  const cleanups = cleanupAfterEach();
  const dir = (prefix: string): string => tempPath(cleanups, prefix);
  const stampOf = (dataDir: string): string => join(dataDir, 'clean-close.json');
  const open = (dataDir: string): Backend => {
    const backend = openWriter(dataDir);
    cleanups.push(() => backend.close());
    return backend;
  };

  /** A repo indexed and a note added by a writer that then closed. */
  async function seed(): Promise<string> {
    const dataDir = dir('clew-clean-data-');
    const repo = dir('clew-clean-repo-');
    writeTree(repo, SAMPLE_REPO);
    const backend = openWriter(dataDir);
    await call(backend, 'repo:index', { path: repo });
    await call(backend, 'note:add', { fqn: GET, text: 'hot path' });
    await backend.close();
    return dataDir;
  }

  /** Damage the stamp cannot see: the file text's pages overwritten before the clean close that stamped the file (as a
   * failing disk can, during a session no request of which read those pages). */
  function hiddenDamage(dataDir: string): void {
    const file = databaseFile(dataDir);
    expect(existsSync(stampOf(dataDir))).toBe(true);
    clobberTable(file, 'chunks');
    stampCleanClose(dataDir);
    expect(closedCleanlyPeek(dataDir)).toBe(true);
  }

  /** What the stamp says, without taking it away. */
  function closedCleanlyPeek(dataDir: string): boolean {
    const stamp = readFileSync(stampOf(dataDir), 'utf8');
    const clean = closedCleanly(dataDir);
    writeFileSync(stampOf(dataDir), stamp);
    return clean;
  }

  const failure = <T>(result: Result<T>): string | null => (result.ok ? null : result.error.code);

  it('a clean close stamps the file, and the next start takes the stamp away and does not check the pages', async () => {
    const dataDir = await seed();
    const stamp = JSON.parse(readFileSync(stampOf(dataDir), 'utf8')) as { size: number; mtimeMs: number; ino: number };
    expect(stamp).toEqual({ size: statSync(databaseFile(dataDir)).size, mtimeMs: statSync(databaseFile(dataDir)).mtimeMs, ino: statSync(databaseFile(dataDir)).ino });
    hiddenDamage(dataDir);

    // Skipped: the damage is not seen at start (the check would have moved the file aside and rebuilt).
    const writer = open(dataDir);
    expect(existsSync(stampOf(dataDir))).toBe(false);
    expect(writer.recoveryNotice).toBeNull();
    // The first request that reads the damaged pages says so, and marks the data directory for the next start.
    expect(failure(await writer.invoke('search:query', { query: 'parse config', mode: 'keyword' }))).toBe('CORRUPT');
    expect(existsSync(join(dataDir, 'damage-seen'))).toBe(true);
    await writer.close();
    expect(existsSync(stampOf(dataDir))).toBe(false);

    // The next start reads every page, moves the file aside, rebuilds, and brings the note back.
    const next = open(dataDir);
    expect(next.recoveryNotice).toMatchObject({ reason: 'corrupt', state: 'rebuilding' });
    expect(await recoverySettled(next)).toMatchObject({ state: 'done', reindexed: 1, notesRestored: 1, error: null });
    expect(existsSync(join(dataDir, 'damage-seen'))).toBe(false);
    expect((await call(next, 'search:query', { query: 'parse config', mode: 'keyword' })).results.length).toBeGreaterThan(0);
  });

  it('a reader that meets the damage makes the next writer check', async () => {
    const dataDir = await seed();
    hiddenDamage(dataDir);
    const reader = Backend.open({ dataDir, write: false });
    expect(failure(await reader.invoke('search:query', { query: 'parse config', mode: 'keyword' }))).toBe('CORRUPT');
    await reader.close();
    expect(existsSync(stampOf(dataDir))).toBe(false);

    const writer = open(dataDir);
    expect(writer.recoveryNotice).toMatchObject({ reason: 'corrupt' });
    expect(await recoverySettled(writer)).toMatchObject({ state: 'done', notesRestored: 1 });
  });

  it('a start after a kill (no stamp) or after the file changed reads every page', async () => {
    const killed = await seed();
    hiddenDamage(killed);
    writeFileSync(stampOf(killed), 'half a stamp');
    expect(open(killed).recoveryNotice).toMatchObject({ reason: 'corrupt' });

    const changed = await seed();
    const file = databaseFile(changed);
    clobberTable(file, 'chunks');
    expect(open(changed).recoveryNotice).toMatchObject({ reason: 'corrupt' });
  });

  it('stamps nothing while a WAL is left or once damage was seen, and a stamp matches only the same size, time and inode', () => {
    const dataDir = dir('clew-clean-unit-');
    const file = databaseFile(dataDir);
    writeFileSync(file, 'x'.repeat(4096));
    writeFileSync(`${file}-wal`, 'frames');
    stampCleanClose(dataDir);
    expect(existsSync(stampOf(dataDir))).toBe(false);

    writeFileSync(`${file}-wal`, '');
    stampCleanClose(dataDir);
    expect(closedCleanly(dataDir)).toBe(true);
    // Taken away by the start that used it.
    expect(closedCleanly(dataDir)).toBe(false);

    stampCleanClose(dataDir);
    writeFileSync(file, 'y'.repeat(4096));
    expect(closedCleanly(dataDir)).toBe(false);

    markDamageSeen(dataDir);
    stampCleanClose(dataDir);
    expect(existsSync(stampOf(dataDir))).toBe(false);
  });
});
