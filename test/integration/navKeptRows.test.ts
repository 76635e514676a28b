// A NavService keeps the rows it reads (symbols, import bindings, definitions, line text) across requests while the
// index is unchanged; once the writer has re-indexed a file, the next answer on the same connection is read afresh:
// a file that now imports the other module's `thing` is a use of that one, with its new line as the snippet.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NavService } from '../../electron/core/nav/navService.js';
import { openRead } from '../../electron/db/connection.js';
import { call } from '../helpers/backend.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';

const user = (module: string, tail: string): string => `from ${module} import thing


def go():
    return thing()${tail}
`;

describe('navigation rows kept across requests', () => {
  const index = useIndexedTrees('clew-nav-kept', [{
    'py/a.py': 'def thing():\n    return 1\n',
    'py/b.py': 'def thing():\n    return 2\n',
    'py/user.py': user('a', ''),
  }]);

  it('are dropped when the index changes: the same connection answers from the re-indexed file', async () => {
    const repo = index.repo.path;
    const nav = new NavService(openRead(join(index.data.path, 'clew.db')));
    const refsOf = (path: string): string[] => nav.references({ repo, position: { repo, path, line: 1, column: 5 } }).refs
      .map((r) => `${r.file}:${r.line}:${r.column} ${r.role} ${r.snippet}`);
    expect(refsOf('py/a.py')).toEqual(['py/a.py:1:5 definition def thing():', 'py/user.py:1:15 import from a import thing', 'py/user.py:5:12 call return thing()']);
    expect(refsOf('py/b.py')).toEqual(['py/b.py:1:5 definition def thing():']);
    // Asked again with nothing changed: the same answer (now from the kept rows).
    expect(refsOf('py/a.py')).toEqual(['py/a.py:1:5 definition def thing():', 'py/user.py:1:15 import from a import thing', 'py/user.py:5:12 call return thing()']);

    writeFileSync(join(repo, 'py/user.py'), user('b', ' + 1'));
    await call(index.backend, 'repo:index', { path: repo });
    expect(refsOf('py/a.py')).toEqual(['py/a.py:1:5 definition def thing():']);
    expect(refsOf('py/b.py')).toEqual(['py/b.py:1:5 definition def thing():', 'py/user.py:1:15 import from b import thing', 'py/user.py:5:12 call return thing() + 1']);
  });
});
