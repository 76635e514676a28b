// settings.json: validated with clear errors, a bad file never stops the Backend, saving repairs it,
// embedder.json is folded in, and the indexer honours the size cap, extra ignores and languages.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { settingsFile } from '../../electron/core/dataDir.js';
import { DEFAULT_SETTINGS } from '../../electron/core/settingsFile.js';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { cleanupAfterEach, tempPath } from '../helpers/cleanups.js';

describe('settings', () => {
  const cleanups = cleanupAfterEach();
  const dataDir = (): string => tempPath(cleanups, 'clew-settings-');
  const open = (dir: string): Backend => {
    const backend = openWriter(dir);
    cleanups.push(() => backend.close());
    return backend;
  };

  it('starts from defaults, saves a change to settings.json and says which changes wait for a restart', async () => {
    const dir = dataDir();
    const backend = open(dir);
    const first = await call(backend, 'settings:get', {});
    expect(first).toMatchObject({ file: settingsFile(dir), saved: DEFAULT_SETTINGS, error: null, restartNeeded: [] });
    const saved = await call(backend, 'settings:set', { watch: false, chromaUrl: 'http://127.0.0.1:8123/', extraIgnores: ['*.gen.ts'] });
    expect(saved.saved).toMatchObject({ watch: false, chromaUrl: 'http://127.0.0.1:8123', extraIgnores: ['*.gen.ts'], maxFileBytes: DEFAULT_SETTINGS.maxFileBytes });
    expect(saved.restartNeeded).toEqual(['chromaUrl']);
    expect(JSON.parse(readFileSync(settingsFile(dir), 'utf8'))).toMatchObject({ watch: false, chromaUrl: 'http://127.0.0.1:8123' });
    expect((await call(backend, 'status:get', {})).settingsError).toBeNull();
  });

  it('refuses invalid values with a message naming the field, and writes nothing', async () => {
    const dir = dataDir();
    const backend = open(dir);
    for (const bad of [{ maxFileBytes: 0 }, { chromaUrl: 'not a url' }, { languages: ['cobol'] }, { embedder: { kind: 'transformers', modelDir: 'relative/dir' } }, { colour: 'red' }]) {
      const result = await backend.invoke('settings:set', bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/settings:set: .+/) });
    }
    expect(existsSync(settingsFile(dir))).toBe(false);
  });

  it('a file that is not JSON never stops the Backend: defaults, the problem in status, and saving repairs it', async () => {
    const dir = dataDir();
    writeFileSync(settingsFile(dir), '{ "maxFileBytes": 12,, }');
    const backend = open(dir);
    const status = await call(backend, 'status:get', {});
    expect(status.settingsError).toMatch(/settings\.json is not valid JSON .*using defaults/);
    expect((await call(backend, 'settings:get', {})).saved).toEqual(DEFAULT_SETTINGS);
    const fixed = await call(backend, 'settings:set', { maxFileBytes: 4096 });
    expect(fixed.error).toBeNull();
    expect(JSON.parse(readFileSync(settingsFile(dir), 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, maxFileBytes: 4096 });
    expect((await call(backend, 'status:get', {})).settingsError).toBeNull();
  });

  it('one bad field costs only that field; unknown keys are named', async () => {
    const dir = dataDir();
    writeFileSync(settingsFile(dir), JSON.stringify({ maxFileBytes: -5, languages: ['python'], colour: 'red' }));
    const backend = open(dir);
    const info = await call(backend, 'settings:get', {});
    expect(info.saved).toEqual({ ...DEFAULT_SETTINGS, languages: ['python'] });
    expect(info.error).toMatch(/maxFileBytes: must be at least 1 byte/);
    expect(info.error).toMatch(/unknown setting "colour"/);
  });

  it('folds the old embedder.json into settings.json', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'embedder.json'), JSON.stringify({ kind: 'hash', dimension: 64 }));
    const backend = open(dir);
    expect((await call(backend, 'settings:get', {})).saved.embedder).toEqual({ kind: 'hash', dimension: 64 });
    await call(backend, 'settings:set', { watch: false });
    expect(existsSync(join(dir, 'embedder.json'))).toBe(false);
    expect(JSON.parse(readFileSync(settingsFile(dir), 'utf8'))).toMatchObject({ embedder: { kind: 'hash', dimension: 64 }, watch: false });
  });

  it('the indexer honours the size cap, extra ignore patterns and languages; a per-run cap still wins', async () => {
    const dir = dataDir();
    const repo = tempDir('clew-settings-repo-');
    cleanups.push(repo.cleanup);
    writeTree(repo.path, { ...SAMPLE_REPO, 'py/big.py': `# ${'x'.repeat(5000)}\n`, 'gen/out.py': 'def generated():\n    pass\n' });
    const backend = open(dir);
    await call(backend, 'settings:set', { maxFileBytes: 4000, extraIgnores: ['gen/'], languages: ['python'] });
    const report = await call(backend, 'repo:index', { path: repo.path });
    const files = (await call(backend, 'quickopen:query', { query: '.', limit: 200 })).filter((i) => i.kind === 'file').map((i) => i.path).sort();
    expect(files).toEqual(['README.md', 'package.json', 'py/app.py', 'shop/urls.py', 'shop/views.py']);
    expect(report.skipped).toMatchObject({ 'too-large': 1, language: 3 });
    expect(report.skipped.ignored).toBeGreaterThanOrEqual(1);
    const again = await call(backend, 'repo:index', { path: repo.path, maxFileBytes: 10_000 });
    expect(again.changed).toBe(1);
  });
});
