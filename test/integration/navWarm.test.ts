// A search worker builds the repos' path lists and lookup indexes when it opens (NavService.warm), so its first
// references answer does not: a resolver then finds them built, and answers as it would have.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NavService } from '../../electron/core/nav/navService.js';
import { openRead } from '../../electron/db/connection.js';
import { findRepo } from '../../electron/db/read/repos.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';

const TREE: Record<string, string> = {
  'pkg/util.py': `def helper():
    return 1
`,
  'pkg/main.py': `from pkg.util import helper


def run():
    return helper()
`,
};

describe('navigation: path indexes built ahead of the first answer', () => {
  const index = useIndexedTrees('clew-nav-warm', [TREE, { 'a.py': 'x = 1\n' }]);

  it('warm() builds every repo\'s path indexes; a cold service builds them only when an answer needs them; the answers are the same', () => {
    const dbFile = join(index.data.path, 'clew.db');
    const cold = new NavService(openRead(dbFile));
    const warm = new NavService(openRead(dbFile));
    const repo = findRepo(warm.db, index.repo.path);
    expect(cold.resolver(repo.id).paths().indexed).toBe(false);
    expect(warm.warm()).toBe(2);
    expect(warm.resolver(repo.id).paths().indexed).toBe(true);
    expect(warm.resolver(findRepo(warm.db, index.repos[1]!.path).id).paths().indexed).toBe(true);
    const position = { repo: index.repo.path, path: 'pkg/util.py', line: 1, column: 5 };
    const refs = (nav: NavService): string[] => nav.references({ repo: index.repo.path, position }).refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.confidence}`);
    expect(refs(warm)).toEqual(['pkg/main.py:1:22 exact', 'pkg/main.py:5:12 exact', 'pkg/util.py:1:5 exact']);
    expect(refs(cold)).toEqual(refs(warm));
  });
});
