// The checks that fail the build: INSERT OR REPLACE anywhere in code, the layering rules, and SQL only in electron/db.
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

  const layerErrors = async (filePath: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths' || m.ruleId === 'import-x/no-unresolved').map((m) => m.message);
  };

  it('a layer imports only the layers below it (scripts/layers.mjs)', async () => {
    expect(await layerErrors('electron/db/x.ts', "import { indexRepo } from '../engine/indexer.js';\nexport const a = indexRepo;\n")).toHaveLength(1);
    expect(await layerErrors('electron/base/x.ts', "import { Backend } from '../core/backend.js';\nexport const a = Backend;\n")).toHaveLength(1);
    expect(await layerErrors('electron/vectors/x.ts', "import { SyncLoop } from '../engine/sync/syncLoop.js';\nexport const a = SyncLoop;\n")).toHaveLength(1);
    expect(await layerErrors('electron/core/x.ts', "import { loadSite } from '../transport/staticSite.js';\nexport const a = loadSite;\n")).toHaveLength(1);
    // Downward imports are fine.
    expect(await layerErrors('electron/engine/x.ts', "import { ClewFailure } from '../base/failure.js';\nexport const a = ClewFailure;\n")).toHaveLength(0);
    expect(await layerErrors('electron/vectors/x.ts', "import { openDatabase } from '../db/connection.js';\nexport const a = openDatabase;\n")).toHaveLength(0);
    // Ranking sits above vectors and below the engine.
    expect(await layerErrors('electron/search/x.ts', "import { createEmbedder } from '../vectors/embedders/index.js';\nexport const a = createEmbedder;\n")).toHaveLength(0);
    expect(await layerErrors('electron/vectors/x.ts', "import { rank } from '../search/rank.js';\nexport const a = rank;\n")).toHaveLength(1);
    expect(await layerErrors('electron/search/x.ts', "import { indexRepo } from '../engine/indexer.js';\nexport const a = indexRepo;\n")).toHaveLength(1);
  });

  it('folders of one layer do not import each other: the engine and the sidecar', async () => {
    expect(await layerErrors('electron/engine/x.ts', "import { freePort } from '../sidecar/freePort.js';\nexport const a = freePort;\n")).toHaveLength(1);
    expect(await layerErrors('electron/sidecar/x.ts', "import { indexRepo } from '../engine/indexer.js';\nexport const a = indexRepo;\n")).toHaveLength(1);
  });

  it('an import the rule cannot resolve fails instead of slipping past it', async () => {
    expect(await layerErrors('electron/db/x.ts', "import { nope } from '../engine/doesNotExist.js';\nexport const a = nope;\n")).toHaveLength(1);
  });

  it('the repository passes its own layer rules', async () => {
    const results = await eslint.lintFiles(['electron', 'shared']);
    const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('import-x/')).map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(broken).toEqual([]);
  });
});

describe('SQL only in electron/db', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const sqlErrors = async (filePath: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };
  const withDb = "import type { WriteDb } from '../db/connection.js';\nexport const f = (db: WriteDb) => ";

  it('a statement, pragma, transaction or connection outside db/ fails the lint', async () => {
    expect(await sqlErrors('electron/engine/x.ts', `${withDb}db.prepare('SELECT 1').get();\n`)).not.toHaveLength(0);
    expect(await sqlErrors('electron/engine/x.ts', `${withDb}db.pragma('user_version');\n`)).not.toHaveLength(0);
    expect(await sqlErrors('electron/engine/x.ts', `${withDb}db.transaction(() => 1)();\n`)).not.toHaveLength(0);
    expect(await sqlErrors('electron/core/x.ts', "import type { ReadDb } from '../db/connection.js';\nexport class A { constructor(private readonly db: ReadDb) {}\n  n() { return this.db.exec(QUERY); } }\nconst QUERY = 'x';\n")).not.toHaveLength(0);
    expect(await sqlErrors('electron/vectors/x.ts', "export const f = (conn: { prepare(s: string): unknown }) => conn.prepare(`SELECT ${1}`);\n")).not.toHaveLength(0);
    expect(await sqlErrors('electron/core/x.ts', "import Database from 'better-sqlite3';\nexport const d = new Database(':memory:');\n")).not.toHaveLength(0);
  });

  it('the same code inside db/ passes, and regex exec or other prepare methods elsewhere are not SQL', async () => {
    expect(await sqlErrors('electron/db/read/x.ts', "import type { ReadDb } from '../connection.js';\nexport const f = (db: ReadDb) => db.prepare('SELECT 1').get();\n")).toHaveLength(0);
    expect(await sqlErrors('electron/db/x.ts', "import Database from 'better-sqlite3';\nexport const d = new Database(':memory:');\n")).toHaveLength(0);
    expect(await sqlErrors('electron/engine/x.ts', 'const PATTERN = /a(b)/;\nexport const f = (text: string) => PATTERN.exec(text) ?? /c/.exec(text);\n')).toHaveLength(0);
    expect(await sqlErrors('electron/engine/x.ts', 'export const f = (pool: { prepare(r: object): Promise<void> }, request: object) => pool.prepare(request);\n')).toHaveLength(0);
  });

  it('the repository keeps its SQL in db/', { timeout: 120_000 }, async () => {
    const results = await eslint.lintFiles(['electron']);
    const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(broken).toEqual([]);
  });
});

describe('folder import cycles', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('fails when two folders import each other, naming the circle', () => {
    writeTree(dir.path, {
      'electron/a/one.ts': "import { two } from '../b/two.js';\nexport const one = two;\n",
      'electron/b/two.ts': "import { three } from '../a/three.js';\nexport const two = three;\n",
      'electron/a/three.ts': 'export const three = 3;\n',
    });
    const run = spawnSync(process.execPath, ['scripts/check-folder-cycles.mjs', dir.path], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('electron/a -> electron/b -> electron/a');
  });

  it('ignores type-only imports, which vanish at run time', () => {
    writeTree(dir.path, { 'electron/b/two.ts': "import type { Three } from '../a/three.js';\nexport type Two = Three;\n" });
    expect(spawnSync(process.execPath, ['scripts/check-folder-cycles.mjs', dir.path], { encoding: 'utf8' }).status).toBe(0);
  });
});
