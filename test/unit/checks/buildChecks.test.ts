// The checks that fail the build: INSERT OR REPLACE anywhere in code, and the layering rules.
// clew-allow-replace-fixture: this file holds forbidden SQL on purpose, as test input.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../../helpers/fixtures.js';

describe('INSERT OR REPLACE guard', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  const check = (files: Record<string, string>) => {
    writeTree(dir.path, files);
    return spawnSync(process.execPath, ['scripts/check-no-insert-or-replace.mjs', dir.path], { encoding: 'utf8' });
  };

  it('passes clean code and fails on INSERT OR REPLACE or REPLACE INTO, naming the place', () => {
    expect(check({ 'electron/ok.ts': "db.prepare('INSERT INTO t(a) VALUES (1) ON CONFLICT(a) DO UPDATE SET a = 1');\n" }).status).toBe(0);
    const bad = check({ 'electron/db/bad.ts': "const x = 1;\ndb.exec(`insert  or\n replace into files VALUES (1)`);\n" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(join('electron', 'db', 'bad.ts'));
    const replaceInto = check({ 'electron/db/bad.ts': '', 'shared/q.ts': "export const q = 'REPLACE INTO notes VALUES (1)';\n" });
    expect(replaceInto.status).toBe(1);
  });

  it('passes on this repository', () => {
    expect(spawnSync(process.execPath, ['scripts/check-no-insert-or-replace.mjs'], { encoding: 'utf8' }).status).toBe(0);
  });
});

describe('layering rules', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const errors = async (filePath: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it('shared/ imports nothing outside shared/', async () => {
    expect(await errors('shared/x.ts', "import { a } from '../electron/core/backend.js';\nexport const b = a;\n")).toHaveLength(1);
    expect(await errors('shared/x.ts', "import { z } from 'zod';\nexport const b = z;\n")).toHaveLength(1);
    expect(await errors('shared/x.ts', "import type { Result } from './result.js';\nexport type B = Result<number>;\n")).toHaveLength(0);
  });

  it('the engine and the Backend never import electron', async () => {
    expect(await errors('electron/engine/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await errors('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
  });

  it('the renderer never imports electron or node', async () => {
    expect(await errors('renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await errors('renderer/x.ts', "import { join } from 'path';\nexport const a = join;\n")).toHaveLength(1);
    expect(await errors('renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toHaveLength(1);
    expect(await errors('renderer/x.ts', "import { Backend } from '../electron/core/backend.js';\nexport const a = Backend;\n")).toHaveLength(1);
  });
});
