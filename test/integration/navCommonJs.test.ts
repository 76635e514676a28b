// CommonJS modules through the occurrence pass, the real Backend and a real SQLite file: `require('./route')` of a
// module whose `module.exports = Route` is that function (as the TypeScript service answers), and
// `require('./utils').compileETag` binds one export, so a call of either reaches its definition in the other file; a
// guessed member (`this.req`) is no reference of a module's variable.
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

// Express's shape: a module's object, and properties set on another object at run time (no class declares them).
const REQUEST = `var req = Object.create(null);

module.exports = req;
`;

const RESPONSE = `var res = {};

res.send = function send() {
  return this.req;
};
`;

const TREE: Record<string, string> = {
  'package.json': '{"name":"demo"}\n', 'lib/route.js': ROUTE, 'lib/utils.js': UTILS, 'lib/app.js': APP, 'lib/request.js': REQUEST, 'lib/response.js': RESPONSE,
};

describe('CommonJS navigation', () => {
  const index = useIndexedTrees('clew-nav-commonjs', [TREE]);
  const { def, refs } = navAsk(index);

  it('a module required whole is what its `module.exports =` names: the binding and its uses go to that function', async () => {
    expect(await def('lib/app.js', at(APP, 1, 'Route'))).toEqual(['lib/route.js:5:10 exact']);
    expect(await def('lib/app.js', at(APP, 5, 'Route'))).toEqual(['lib/route.js:5:10 exact']);
    expect(await refs('lib/route.js', at(ROUTE, 5, 'Route'))).toEqual(['lib/app.js:1:5 import', 'lib/app.js:5:14 call', 'lib/route.js:3:18 reference', 'lib/route.js:5:10 definition']);
  });

  it('a member no class declares (`this.req`) is a guess, and a guess at a member is no reference of a module\'s variable', async () => {
    expect(await def('lib/response.js', at(RESPONSE, 4, 'req'))).toEqual(['lib/request.js:1:5 candidate']);
    expect(await refs('lib/request.js', at(REQUEST, 1, 'req'))).toEqual(['lib/request.js:1:5 definition', 'lib/request.js:3:18 reference']);
  });

  it('`require(…).name` binds that export: the binding and its calls go to its definition', async () => {
    expect(await def('lib/app.js', at(APP, 2, 'compileETag'))).toEqual(['lib/utils.js:1:9 exact']);
    expect(await def('lib/app.js', at(APP, 5, 'compileETag'))).toEqual(['lib/utils.js:1:9 exact']);
  });
});
