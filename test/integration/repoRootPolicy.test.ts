// `repo:index` refuses folders that are not projects: the root, the home folder, Clew's data
// directory (or a folder inside or around it) and system folders, each with a clear BAD_REQUEST.
import { mkdirSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { refuseUnsafeRoot } from '../../electron/core/repoRootPolicy.js';
import { openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

describe('repo:index refuses folders that are not projects', () => {
  const outer = tempDir('clew-roots-');
  const data = join(outer.path, 'data');
  const repo = join(outer.path, 'project');
  let backend: Backend;

  beforeAll(() => {
    mkdirSync(data);
    writeTree(repo, SAMPLE_REPO);
    mkdirSync(join(data, 'inner'));
    symlinkSync('/', join(outer.path, 'root-alias'));
    backend = openWriter(data);
  });
  afterAll(async () => {
    await backend.close();
    outer.cleanup();
  });

  const refusal = async (path: string): Promise<{ code: string; message: string }> => {
    const result = await backend.invoke('repo:index', { path });
    if (result.ok) throw new Error(`${path} was indexed`);
    return result.error;
  };

  it.each([
    ['/', 'root of the file system'],
    [homedir(), 'home folder'],
    ['/etc', 'system folder'],
    ['/usr', 'system folder'],
    ['/var', 'system folder'],
    ['/proc/self', 'system folder'],
    ['/sys', 'system folder'],
  ])('%s → BAD_REQUEST (%s)', async (path, why) => {
    const error = await refusal(path);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(why);
  });

  it('the data directory, a folder inside it and a folder around it', async () => {
    expect(await refusal(data)).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining("is inside Clew's data directory") });
    expect(await refusal(join(data, 'inner'))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining("is inside Clew's data directory") });
    expect(await refusal(outer.path)).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining("contains Clew's data directory") });
  });

  it('a symlink to / is judged by where it leads', async () => {
    expect(await refusal(join(outer.path, 'root-alias'))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('root of the file system') });
  });

  it('an ordinary project folder is indexed', async () => {
    const result = await backend.invoke('repo:index', { path: repo });
    expect(result.ok).toBe(true);
  });

  it('Windows system folders and drive roots, case-insensitively', () => {
    expect(() => refuseUnsafeRoot('C:\\', 'D:\\data', 'win32')).toThrow('root of the file system');
    expect(() => refuseUnsafeRoot('c:\\windows\\System32', 'D:\\data', 'win32')).toThrow('system folder');
  });
});
