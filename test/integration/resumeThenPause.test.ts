// Found by the WebSocket fuzz: a pause right after a resume left the resume unanswered until the
// next resume (the watcher stopped before it was ready, and start waited for 'ready' forever).
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

describe('repo:resume followed at once by repo:pause', () => {
  const repo = tempDir('clew-resume-repo-');
  const data = tempDir('clew-resume-data-');
  let backend: Backend | undefined;
  afterAll(async () => {
    await backend?.close();
    [repo, data].forEach((d) => d.cleanup());
  });

  it('both answer, and the repo ends paused', async () => {
    writeTree(repo.path, SAMPLE_REPO);
    backend = openWriter(data.path, { watch: true });
    await call(backend, 'repo:index', { path: repo.path });
    await call(backend, 'repo:pause', { repo: '1' });
    for (let round = 0; round < 5; round++) {
      const resumed = backend.invoke('repo:resume', { repo: '1' });
      const paused = backend.invoke('repo:pause', { repo: '1' });
      const late = new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 5000));
      expect(await Promise.race([resumed, late])).toMatchObject({ ok: true });
      expect(await Promise.race([paused, late])).toMatchObject({ ok: true });
    }
    expect((await call(backend, 'repo:list', {}))[0]).toMatchObject({ paused: true });
  }, 60_000);
});
