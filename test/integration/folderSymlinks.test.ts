// A folder symlink inside the repo (ripgrep's HomebrewFormula → pkg/brew): each real file is indexed
// once, under its real path, whatever the readdir order, in a full walk and in watch mode; the link is
// recorded as an alias, so a search path, a note's FQN and file:read through it reach the same file.
import { symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { walkRepo } from '../../electron/engine/walk/walker.js';
import { call, openWriter } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { indexedPaths, readIndex } from '../helpers/indexReads.js';
import { writeTree } from '../helpers/fixtures.js';
import { cleanupAfterEach, tempPath } from '../helpers/cleanups.js';

const TOOL = 'def brew_it(name):\n    return "brewed " + name\n';
const REAL_FILES = { 'pkg/brew/tool.py': TOOL, 'pkg/brew/formula.rb': 'class Formula\n  def install\n  end\nend\n', 'src/main.py': 'import os\n' };
// 'A…' sorts before 'pkg', 'zz…' after it: both orders of meeting the alias and the real folder.
const ALIASES = ['AHomebrewFormula', 'zzHomebrewFormula'];

const aliasRows = (dataDir: string): Array<{ alias: string; target: string }> =>
  readIndex(dataDir, (db) => db.prepare<[], { alias: string; target: string }>('SELECT alias, target FROM path_aliases ORDER BY alias').all());

describe('folder symlinks inside the repo', () => {
  const cleanups = cleanupAfterEach();
  const dir = (prefix: string): string => tempPath(cleanups, prefix);

  for (const alias of ALIASES) {
    it(`walks each real file once, under its real path, with ${alias} recorded as an alias`, () => {
      const root = dir('clew-alias-walk-');
      writeTree(root, REAL_FILES);
      symlinkSync('pkg/brew', join(root, alias));
      const result = walkRepo(root);
      expect(result.files.map((f) => f.relPath)).toEqual(['pkg/brew/formula.rb', 'pkg/brew/tool.py', 'src/main.py']);
      expect(result.aliases).toEqual([{ alias, target: 'pkg/brew' }]);
      expect(result.skipped['symlink-loop']).toBeUndefined();
    });
  }

  it('answers the same through both aliases and the real path: search, note, file:read, outline', async () => {
    const root = dir('clew-alias-');
    const data = dir('clew-data-');
    writeTree(root, REAL_FILES);
    for (const alias of ALIASES) symlinkSync(join(root, 'pkg/brew'), join(root, alias));
    const backend = openWriter(data);
    cleanups.push(() => backend.close());
    const report = await call(backend, 'repo:index', { path: root });
    expect(report.files).toBe(3);
    expect(aliasRows(data)).toEqual(ALIASES.map((alias) => ({ alias, target: 'pkg/brew' })));

    for (const alias of ALIASES) {
      const hits = await call(backend, 'search:query', { query: 'brewed', path: `${alias}/**`, repo: root });
      expect(hits.results.map((h) => h.path), alias).toEqual(['pkg/brew/tool.py']);
      const file = await call(backend, 'file:read', { repo: root, path: `${alias}/tool.py` });
      expect(file).toMatchObject({ text: TOOL, language: 'python', changedSinceIndex: false });
      const outline = await call(backend, 'file:outline', { repo: root, path: `${alias}/tool.py` });
      expect(outline.map((s) => s.fqn)).toEqual(['pkg.brew.tool.brew_it']);
    }
    // A note written through the alias lands on the real symbol, and stays current across re-indexes.
    const note = await call(backend, 'note:add', { repo: root, fqn: 'AHomebrewFormula.tool.brew_it', text: 'the brewing step' });
    expect(note).toMatchObject({ fqn: 'pkg.brew.tool.brew_it', state: 'current' });
    await call(backend, 'repo:index', { path: root });
    expect((await call(backend, 'note:list', { repo: root })).map((n) => n.state)).toEqual(['current']);
  });

  it('keeps one copy under the real path in watch mode, as links come and go', async () => {
    const root = dir('clew-alias-watch-');
    const data = dir('clew-data-');
    writeTree(root, REAL_FILES);
    const backend: Backend = openWriter(data, { watch: true });
    cleanups.push(() => backend.close());
    await call(backend, 'repo:index', { path: root });
    await call(backend, 'note:add', { repo: root, fqn: 'pkg.brew.tool.brew_it', text: 'watched note' });

    for (const alias of ALIASES) symlinkSync('pkg/brew', join(root, alias));
    writeFileSync(join(root, 'pkg/brew/extra.py'), 'def extra():\n    return 1\n');
    const want = ALIASES.map((alias) => ({ alias, target: 'pkg/brew' }));
    await waitFor('both aliases and the new file', () =>
      JSON.stringify(aliasRows(data)) === JSON.stringify(want) && indexedPaths(data).includes('pkg/brew/extra.py'), 60_000, 100);
    // Let any later pass land too, then check nothing is indexed under an alias.
    await new Promise((r) => setTimeout(r, 1000));
    expect(indexedPaths(data)).toEqual(['pkg/brew/extra.py', 'pkg/brew/formula.rb', 'pkg/brew/tool.py', 'src/main.py']);
    expect((await call(backend, 'note:list', { repo: root })).map((n) => n.state)).toEqual(['current']);
    // An edit through the alias is seen as the real file's edit.
    writeFileSync(join(root, 'AHomebrewFormula/extra.py'), 'def extra():\n    return 2\n');
    await waitFor('the edit through the alias', async () =>
      (await call(backend, 'search:query', { query: 'return 2', repo: root })).results.some((h) => h.path === 'pkg/brew/extra.py'), 60_000, 100);
    expect(indexedPaths(data)).toEqual(['pkg/brew/extra.py', 'pkg/brew/formula.rb', 'pkg/brew/tool.py', 'src/main.py']);

    unlinkSync(join(root, ALIASES[0] as string));
    await waitFor('the removed alias to be forgotten', () => aliasRows(data).length === 1, 60_000, 100);
    expect(aliasRows(data)).toEqual([{ alias: ALIASES[1], target: 'pkg/brew' }]);
    expect((await call(backend, 'note:list', { repo: root })).map((n) => n.state)).toEqual(['current']);
  }, 120_000);
});
