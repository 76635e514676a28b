// CommonJS modules through the occurrence pass, the real Backend and a real SQLite file: `require('./route')` of a
// module whose `module.exports = Route` is that function (as the TypeScript service answers), and
// `require('./utils').compileETag` binds one export, so a call of either reaches its definition in the other file.
import { describe, expect, it } from 'vitest';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { navAsk } from '../helpers/navAsk.js';
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

describe('CommonJS navigation', () => {
  const index = useIndexedTrees('clew-nav-commonjs', [TREE]);
  const { def, refs } = navAsk(index);

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
