// Where an import specifier points, over a path list: suffix lookups at folder boundaries (shortest first),
// Python absolute and relative modules, Go packages by their import path's tail.
import { describe, expect, it } from 'vitest';
import { RepoPaths, moduleFiles } from '../../../electron/core/nav/modules.js';

const FILES = ['pkg/core/base.py', 'vendor/pkg/core/base.py', 'pkg/core/__init__.py', 'other/xbase.py', 'src/a/b/util.go', 'src/a/b/more.go', 'lib/b/util.go', 'app.py']
  .map((path, i) => ({ id: i + 1, path }));

describe('RepoPaths', () => {
  const paths = new RepoPaths(FILES, null);

  it('finds files by a suffix at a folder boundary, shortest path first, never a longer segment', () => {
    expect(paths.endingWith('core/base.py')).toEqual([1, 2]);
    expect(paths.endingWith('base.py')).toEqual([1, 2]);
    expect(paths.endingWith('app.py')).toEqual([8]);
    expect(paths.endingWith('ore/base.py')).toEqual([]);
  });

  it('finds the shortest folder ending with a suffix', () => {
    expect(paths.folderEndingWith('b')).toEqual([7]);
    expect(paths.folderEndingWith('a/b')).toEqual([5, 6]);
    expect(paths.folderEndingWith('c')).toEqual([]);
  });

  it('resolves Python and Go imports through them', () => {
    expect(moduleFiles(paths, 'python', 'app.py', 'pkg.core.base')).toEqual([1]);
    expect(moduleFiles(paths, 'python', 'pkg/core/base.py', '.')).toEqual([3]);
    expect(moduleFiles(paths, 'python', 'app.py', 'pkg.core')).toEqual([3]);
    expect(moduleFiles(paths, 'go', 'main.go', 'example.com/src/a/b')).toEqual([5, 6]);
  });

  it('reads a package folder opened as the repo by its own name: `django.db.models.query` inside django/ is db/models/query.py', () => {
    const own = new RepoPaths(['__init__.py', 'db/models/query.py', 'db/models/__init__.py', 'contrib/db/models/query.py', 'shortcuts.py'].map((path, i) => ({ id: i + 1, path })), null, 'django');
    expect(moduleFiles(own, 'python', 'shortcuts.py', 'django.db.models.query')).toEqual([2]);
    expect(moduleFiles(own, 'python', 'shortcuts.py', 'django.db.models')).toEqual([3]);
    expect(moduleFiles(own, 'python', 'shortcuts.py', 'django')).toEqual([1]);
    // Another package's module is still looked up by its tail, and the repo's own name means nothing without the flag.
    expect(moduleFiles(own, 'python', 'shortcuts.py', 'contrib.db.models.query')).toEqual([4]);
    expect(moduleFiles(new RepoPaths([...own.byPath].map(([path, id]) => ({ id, path })), null), 'python', 'shortcuts.py', 'django.db.models.query')).toEqual([]);
  });
});
