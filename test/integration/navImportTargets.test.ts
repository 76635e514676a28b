// A references scan works out what an import brings in once per request for every file that writes it: an absolute
// specifier (`from app.models import Item`) names the same module from any folder, a relative one (`from .models
// import Item`) the module beside each importing file. Two folders writing the same relative import must each get their own,
// and two files binding one alias (`m`) to two modules each their own module's member.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/backend.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';

const MODELS = `class Item:
    pass
`;
const RELATIVE = `from .models import Item


def show():
    return Item()
`;
const ABSOLUTE = `from app.models import Item


def make():
    return Item()
`;

describe('references: import targets shared across the files of one answer', () => {
  const index = useIndexedTrees('clew-nav-imports', [{
    'app/models.py': MODELS,
    'app/views.py': RELATIVE,
    'shop/models.py': MODELS,
    'shop/views.py': RELATIVE,
    'jobs/run.py': ABSOLUTE,
    'tools/run.py': ABSOLUTE,
    // The same receiver name bound to two modules: `m.Item` is each file's own module's.
    'alias/one.py': 'import app.models as m\n\n\ndef f():\n    return m.Item()\n',
    'alias/two.py': 'import shop.models as m\n\n\ndef g():\n    return m.Item()\n',
  }]);

  const refsOf = async (path: string): Promise<string[]> => {
    const repo = index.repo.path;
    const answer = await call(index.backend, 'nav:refs', { repo, position: { repo, path, line: 1, column: 7 } });
    return answer.refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.role} ${r.confidence}`);
  };

  it('a relative import reaches the module beside each importing file, an absolute one the same module from every folder, a module alias its own file\'s module', async () => {
    expect(await refsOf('app/models.py')).toEqual([
      'alias/one.py:5:14 call exact', 'app/models.py:1:7 definition exact', 'app/views.py:1:21 import exact', 'app/views.py:5:12 call exact',
      'jobs/run.py:1:24 import exact', 'jobs/run.py:5:12 call exact', 'tools/run.py:1:24 import exact', 'tools/run.py:5:12 call exact',
    ]);
    expect(await refsOf('shop/models.py')).toEqual([
      'alias/two.py:5:14 call exact', 'shop/models.py:1:7 definition exact', 'shop/views.py:1:21 import exact', 'shop/views.py:5:12 call exact',
    ]);
  });
});
