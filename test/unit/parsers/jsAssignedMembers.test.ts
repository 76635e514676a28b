import { describe, expect, it } from 'vitest';
import { get, parentOf, symbolsOf } from './helpers.js';

// Written in the style of Express 4's lib/response.js and lib/request.js (not copied from it).
const RESPONSE = `'use strict';
var http = require('http');
var deprecate = require('depd')('express');

var res = Object.create(http.ServerResponse.prototype);
module.exports = res;

/**
 * Set the HTTP status code.
 */
res.status = function status(code) {
  this.statusCode = code;
  return this;
};

res.links = function(links){
  var link = this.get('Link') || '';
  return this.set('Link', link);
};

res.send = function send(body) {
  return this.end(body);
};

res.sendfile = deprecate.function(res.sendFile, 'res.sendfile: Use res.sendFile instead');

res.json = function json(obj) {
  return this.send(JSON.stringify(obj));
};

/** Clear cookie \`name\`. */
res.clearCookie = function clearCookie(name, options) {
  return this.cookie(name, '', options);
};

res.contentType =
res.type = function contentType(type) {
  return this.set('Content-Type', type);
};

res.locals = Object.create(null);
`;

const REQUEST = `var req = Object.create(http.IncomingMessage.prototype);
module.exports = req;

req.get =
req.header = function header(name) {
  return this.headers[name.toLowerCase()];
};

/** Return the remote address. */
defineGetter(req, 'ip', function ip(){
  return this.connection.remoteAddress;
});

defineGetter(req, 'xhr', function(){
  return this.get('X-Requested-With') === 'XMLHttpRequest';
});

Object.defineProperty(req, 'secure', {
  configurable: true,
  get() { return this.protocol === 'https'; },
});

function defineGetter(obj, name, getter) {
  Object.defineProperty(obj, name, { configurable: true, enumerable: true, get: getter });
}
`;

describe('JavaScript members defined by assignment', () => {
  it('makes every method set on an exported object a method named object.member', async () => {
    const symbols = await symbolsOf('javascript', 'lib/response.js', RESPONSE);
    const methods = symbols.filter((s) => s.kind === 'method').map((s) => s.fqn);
    expect(methods).toEqual([
      'lib/response:res.status', 'lib/response:res.links', 'lib/response:res.send', 'lib/response:res.sendfile', 'lib/response:res.json',
      'lib/response:res.clearCookie', 'lib/response:res.contentType', 'lib/response:res.type',
    ]);
    const clear = get(symbols, 'lib/response:res.clearCookie');
    expect(clear).toMatchObject({ name: 'clearCookie', signature: 'res.clearCookie = function clearCookie(name, options)', doc: 'Clear cookie `name`.', startLine: 32, endLine: 34 });
    expect(parentOf(symbols, 'lib/response:res.clearCookie')).toBe('lib/response:res');
    expect(get(symbols, 'lib/response:res.status').doc).toBe('Set the HTTP status code.');
    // A plain value on the object is not a method.
    expect(symbols.some((s) => s.fqn === 'lib/response:res.locals')).toBe(false);
  });

  it('makes defineGetter and Object.defineProperty properties of their object', async () => {
    const symbols = await symbolsOf('javascript', 'lib/request.js', REQUEST);
    expect(symbols.filter((s) => s.kind === 'method').map((s) => s.fqn)).toEqual(['lib/request:req.get', 'lib/request:req.header']);
    expect(symbols.filter((s) => s.kind === 'property').map((s) => s.fqn)).toEqual(['lib/request:req.ip', 'lib/request:req.xhr', 'lib/request:req.secure']);
    expect(get(symbols, 'lib/request:req.ip')).toMatchObject({ doc: 'Return the remote address.', signature: "defineGetter(req, 'ip', function ip()" });
    expect(parentOf(symbols, 'lib/request:req.ip')).toBe('lib/request:req');
    // The helper's own defineProperty call takes its name from a variable: not a property.
    expect(get(symbols, 'lib/request:defineGetter').kind).toBe('function');
  });

  it('names a function assigned to module.exports by its own name, and nothing for other values', async () => {
    const symbols = await symbolsOf('javascript', 'lib/middleware/query.js', "module.exports = function query(options) {\n  return options;\n};\n");
    expect(symbols.map((s) => [s.fqn, s.kind])).toEqual([['lib/middleware/query:query', 'function']]);
    expect(await symbolsOf('javascript', 'lib/index.js', "module.exports = require('./lib/express');\n")).toEqual([]);
  });

  it('names CommonJS exports of any value', async () => {
    const symbols = await symbolsOf('javascript', 'lib/utils.js', "exports.etag = createETagGenerator({ weak: false });\nexports.MAX_AGE = 3600;\nexports.compile = function compile(val) {\n  return val;\n};\n");
    expect(symbols.map((s) => [s.fqn, s.kind])).toEqual([['lib/utils:etag', 'property'], ['lib/utils:MAX_AGE', 'constant'], ['lib/utils:compile', 'function']]);
  });
});
