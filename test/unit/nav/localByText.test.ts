import { describe, expect, it } from 'vitest';
import { localDeclaration, localUses, type EnclosingFunction } from '../../../electron/core/nav/localByText.js';

/** A function from its source lines, numbered from `start`. */
const fn = (start: number, lines: string[]): { fn: EnclosingFunction; text: (line: number) => string | null } => ({
  fn: { startLine: start, endLine: start + lines.length - 1, signature: (lines[0] ?? '').trim() },
  text: (line) => lines[line - start] ?? null,
});

describe('localDeclaration', () => {
  it('finds parameters in the signature, lower-case names only', () => {
    const go = fn(10, ['func (engine *Engine) handle(c *Context, path string) {', '\tt := engine.trees', '\treturn path', '}']);
    expect(localDeclaration(go.fn, 'path', 12, go.text)).toEqual({ line: 10, col: 42 });
    expect(localDeclaration(go.fn, 'engine', 11, go.text)).toEqual({ line: 10, col: 7 });
    expect(localDeclaration(go.fn, 'Context', 10, go.text)).toBeNull();
  });

  it('finds the first declaration above the use, in the forms languages share', () => {
    const go = fn(1, ['func f() {', '\tout, found := lookup()', '\tfor _, item := range out {', '\t\tuse(item, found)', '\t}', '}']);
    expect(localDeclaration(go.fn, 'found', 4, go.text)).toEqual({ line: 2, col: 7 });
    expect(localDeclaration(go.fn, 'item', 4, go.text)).toEqual({ line: 3, col: 9 });
    const rust = fn(1, ['fn f() {', '    let mut total = 0;', '    items.iter().for_each(|x| total += x);', '}']);
    expect(localDeclaration(rust.fn, 'total', 3, rust.text)).toEqual({ line: 2, col: 13 });
    expect(localDeclaration(rust.fn, 'x', 3, rust.text)).toEqual({ line: 3, col: 28 });
    const py = fn(1, ['def f():', '    with open(p) as handle:', '        data = handle.read()', '    return data']);
    expect(localDeclaration(py.fn, 'handle', 3, py.text)).toEqual({ line: 2, col: 21 });
    expect(localDeclaration(py.fn, 'data', 4, py.text)).toEqual({ line: 3, col: 9 });
  });

  it('takes a JavaScript import alias for the binding, not a Python one, nor a keyword argument', () => {
    const ts = fn(1, ['import * as util from "./util.js";', 'util.x();']);
    expect(localDeclaration(null, 'util', 2, ts.text)).toEqual({ line: 1, col: 13 });
    const py = fn(1, ['from .ctx import after_this_request as after_this_request', 'after_this_request(f)']);
    expect(localDeclaration(null, 'after_this_request', 2, py.text)).toBeNull();
    const call = fn(1, ['def f():', '    return render(', '        request=request,', '    )']);
    expect(localDeclaration(call.fn, 'request', 3, call.text)).toBeNull();
  });

  it('is null for a name declared nowhere above the use, or only compared', () => {
    const js = fn(1, ['function f() {', '  if (count == 1) return helper(count);', '  const later = 2;', '}']);
    expect(localDeclaration(js.fn, 'count', 2, js.text)).toBeNull();
    expect(localDeclaration(js.fn, 'helper', 2, js.text)).toBeNull();
    expect(localDeclaration(js.fn, 'later', 2, js.text)).toBeNull();
  });
});

describe('localUses', () => {
  it('lists every whole-word spelling in the function but the declaration', () => {
    const go = fn(1, ['func f(path string) {', '\tpaths := path + path', '\treturn', '}']);
    expect(localUses(go.fn, 'path', { line: 1, col: 8 }, go.text).map((u) => `${u.line}:${u.col}`)).toEqual(['2:11', '2:18']);
  });
});
