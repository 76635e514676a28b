// With vectors off (--no-sync) a write command exits as soon as its work is done: at close the
// Backend used to wait out the 5 s sync drain although no server could ever take a vector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

describe('a --no-sync write', () => {
  const repo = tempDir('clew-nosync-repo-');
  const data = tempDir('clew-nosync-data-');
  const { json } = cliFor(data.path);
  beforeAll(() => {
    ensureBuiltCli();
    writeTree(repo.path, SAMPLE_REPO);
    json('--no-sync', 'index', repo.path);
  });
  afterAll(() => [repo, data].forEach((d) => d.cleanup()));

  it('does not wait for a sync that cannot happen', () => {
    const started = Date.now();
    const note = json<{ state: string }>('--no-sync', 'note', 'add', 'py.app.hello', 'quick');
    const ms = Date.now() - started;
    expect(note.state).toBe('current');
    // Rows are pending (vectors off): the old close waited its whole 5 s drain for them.
    expect(json<{ sync: { pending: number } }>('status').sync.pending).toBeGreaterThan(0);
    console.log(`clew --no-sync note add: ${ms} ms`);
    expect(ms).toBeLessThan(5000);
  }, 60_000);
});
