// A Python package folder opened as the repo (site-packages/django, a library's own source): its code imports itself
// by the folder's name (`from shop.models.order import Order` inside shop/), which names the repo's own files.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { call, openWriter } from '../helpers/backend.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { placeOf as at } from '../helpers/sourcePlace.js';

const ORDER = 'class Order:\n    def total(self):\n        return 0\n';
const VIEWS = 'from shop.models.order import Order\nimport shop.models\n\n\ndef show():\n    order = Order()\n    return order.total()\n';

describe('a Python package opened as the repo', () => {
  const parent = tempDir('clew-own-package-');
  const data = tempDir('clew-own-package-data-');
  const repo = join(parent.path, 'shop');
  let backend: Backend;

  beforeAll(async () => {
    writeTree(repo, { '__init__.py': '', 'models/__init__.py': '', 'models/order.py': ORDER, 'views.py': VIEWS });
    backend = openWriter(data.path);
    await call(backend, 'repo:index', { path: repo });
  });
  afterAll(async () => {
    await backend.close();
    [parent, data].forEach((d) => d.cleanup());
  });

  const def = async (path: string, [line, column]: [number, number]): Promise<string[]> =>
    (await call(backend, 'nav:def', { repo, path, line, column })).map((h) => `${h.file}:${h.line}:${h.column} ${h.confidence}`);

  it('reads `shop.models.order` inside shop/ as models/order.py', async () => {
    const order = `models/order.py:${at(ORDER, 1, 'Order').join(':')} exact`;
    expect(await def('views.py', at(VIEWS, 1, 'Order'))).toEqual([order]);
    expect(await def('views.py', at(VIEWS, 6, 'Order'))).toEqual([order]);
    // Through the variable's type, as in a repo that holds the package folder.
    expect(await def('views.py', at(VIEWS, 7, 'total'))).toEqual([`models/order.py:${at(ORDER, 2, 'total').join(':')} exact`]);
  });
});
