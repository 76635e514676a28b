// What status and errors show never carries a secret: settings.json parse errors name the line and
// column (the file may be a symlink to anything), and a Chroma URL's user:password is masked.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settingsFile } from '../../electron/core/dataDir.js';
import { Backend } from '../../electron/core/backend.js';
import { readSettings } from '../../electron/core/settingsFile.js';
import { call } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { tempDir } from '../helpers/fixtures.js';

describe('secrets stay out of status and errors', () => {
  const dirs: Array<{ path: string; cleanup: () => void }> = [];
  const dataDir = (): string => {
    const dir = tempDir('clew-secret-');
    dirs.push(dir);
    return dir.path;
  };
  afterAll(() => dirs.forEach((d) => d.cleanup()));

  it('a settings.json that is not JSON is named by line and column, never quoted', async () => {
    const dir = dataDir();
    const elsewhere = join(dir, 'private.txt');
    writeFileSync(elsewhere, 'root:TOPSECRETHASH:19000:0:99999:7:::\nsecond line\n');
    symlinkSync(elsewhere, settingsFile(dir));
    const backend = Backend.open({ dataDir: dir, write: true, command: 'test', vectors: { mode: 'off' } });
    try {
      const status = await call(backend, 'status:get', {});
      expect(status.settingsError).toContain('is not valid JSON (line 1, column 1); using defaults');
      expect(status.settingsError).not.toContain('TOPSECRET');
      expect(status.settingsError).not.toContain('root');
    } finally {
      await backend.close();
    }
  });

  it('the line and column point at the error inside a multi-line file', () => {
    const dir = dataDir();
    writeFileSync(settingsFile(dir), '{\n  "maxFileBytes": 12,\n  "chromaUrl": hunter2\n}\n');
    const { error } = readSettings(dir);
    expect(error).toContain('is not valid JSON (line 3, column 16)');
    expect(error).not.toContain('hunter2');
  });

  it('a Chroma URL with user:password is masked in status, its errors and the Settings view', async () => {
    const dir = dataDir();
    writeFileSync(settingsFile(dir), JSON.stringify({ chromaUrl: 'http://clewuser:hunter2@127.0.0.1:9' }));
    const backend = Backend.open({ dataDir: dir, write: true, command: 'test' });
    try {
      const status = await waitFor('the external server to be found down', async () => {
        const s = await call(backend, 'status:get', {});
        return s.vectorStore.state === 'down' ? s : null;
      }, 15_000);
      expect(status.vectorStore.url).toBe('http://***@127.0.0.1:9');
      expect(JSON.stringify(status)).not.toContain('hunter2');
      // The Settings view shows it masked; saving the form back keeps the real password in the file.
      const shown = await call(backend, 'settings:get', {});
      expect(shown.saved.chromaUrl).toBe('http://***@127.0.0.1:9');
      const saved = await call(backend, 'settings:set', { chromaUrl: shown.saved.chromaUrl, maxFileBytes: 4096 });
      expect(JSON.stringify(saved)).not.toContain('hunter2');
      expect(saved.restartNeeded).toEqual([]);
      expect(JSON.parse(readFileSync(settingsFile(dir), 'utf8'))).toMatchObject({ chromaUrl: 'http://clewuser:hunter2@127.0.0.1:9', maxFileBytes: 4096 });
      await call(backend, 'settings:set', { chromaUrl: 'http://other:pw2@127.0.0.1:10' });
      expect(JSON.parse(readFileSync(settingsFile(dir), 'utf8'))).toMatchObject({ chromaUrl: 'http://other:pw2@127.0.0.1:10' });
    } finally {
      await backend.close();
    }
  });
});
