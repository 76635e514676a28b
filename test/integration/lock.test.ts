// One writer per data directory; a second one is told who holds it; a dead holder's lock is taken over.
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/core/backend.js';
import { lockFile } from '../../electron/core/dataDir.js';
import { tempDir } from '../helpers/fixtures.js';

describe('data directory lock', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => { for (const c of cleanups.splice(0)) await c(); });

  it('refuses a second writer with a message naming the first', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const first = Backend.open({ dataDir: dir.path, write: true, command: 'clew serve' });
    cleanups.unshift(() => first.close());
    expect(() => Backend.open({ dataDir: dir.path, write: true, command: 'clew index' }))
      .toThrow(new RegExp(`in use by pid ${process.pid} on .*clew serve`));
    // Readers do not need the lock.
    const reader = Backend.open({ dataDir: dir.path, write: false });
    const status = await reader.invoke('status:get', {});
    expect(status.ok).toBe(true);
    await reader.close();
    await first.close();
    const second = Backend.open({ dataDir: dir.path, write: true });
    await second.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    writeFileSync(lockFile(dir.path), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), command: 'crashed', since: 'then' }));
    const backend = Backend.open({ dataDir: dir.path, write: true });
    await backend.close();
  });
});
