// CommonJS modules through the occurrence pass, the real Backend and a real SQLite file: `require('./route')` of a
// module whose `module.exports = Route` is that function (as the TypeScript service answers), and
// `require('./utils').compileETag` binds one export, so a call of either reaches its definition in the other file.
import { describe, expect, it } from 'vitest';
import type { DefinitionHit } from '../../shared/nav.js';
import { call } from '../helpers/backend.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { placeOf as at } from '../helpers/sourcePlace.js';

const ROUTE = `'use strict';

module.exports = Route;

function Route(path) {
  this.path = path;
}
`;

const UTILS = `exports.compileETag = function(val) {
  return val;
};
`;

const APP = `var Route = require('./route');
var compileETag = require('./utils').compileETag;

function make(path) {
  return new Route(compileETag(path));
}
`;

const TREE: Record<string, string> = { 'package.json': '{"name":"demo"}\n', 'lib/route.js': ROUTE, 'lib/utils.js': UTILS, 'lib/app.js': APP };

const where = (hits: DefinitionHit[]): string[] => hits.map((h) => `${h.file}:${h.line}:${h.column} ${h.confidence}`);

describe('CommonJS navigation', () => {
  const index = useIndexedTrees('clew-nav-commonjs', [TREE]);
  const { repo } = index;
  const def = async (path: string, [line, column]: [number, number]): Promise<string[]> => where(await call(index.backend, 'nav:def', { repo: repo.path, path, line, column }));
  const refs = async (path: string, [line, column]: [number, number]): Promise<string[]> =>
    (await call(index.backend, 'nav:refs', { repo: repo.path, position: { repo: repo.path, path, line, column } })).refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.role}`);

  it('a module required whole is what its `module.exports =` names: the binding and its uses go to that function', async () => {
    expect(await def('lib/app.js', at(APP, 1, 'Route'))).toEqual(['lib/route.js:5:10 exact']);
    expect(await def('lib/app.js', at(APP, 5, 'Route'))).toEqual(['lib/route.js:5:10 exact']);
    expect(await refs('lib/route.js', at(ROUTE, 5, 'Route'))).toEqual(['lib/app.js:1:5 import', 'lib/app.js:5:14 call', 'lib/route.js:3:18 reference', 'lib/route.js:5:10 definition']);
  });

  it('`require(…).name` binds that export: the binding and its calls go to its definition', async () => {
    expect(await def('lib/app.js', at(APP, 2, 'compileETag'))).toEqual(['lib/utils.js:1:9 exact']);
    expect(await def('lib/app.js', at(APP, 5, 'compileETag'))).toEqual(['lib/utils.js:1:9 exact']);
  });
});
