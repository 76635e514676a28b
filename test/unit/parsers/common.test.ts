import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/types.js';
import { SymbolTable, cleanBlock, cleanLines, collapse, compactType, eraseGenerics, headText } from '../../../electron/engine/parsers/common.js';
import { expectParentsFirst, get, symbolsOf } from './helpers.js';

const blank = { name: 'x', kind: 'function' as const, parent: null, startLine: 1, endLine: 1, signature: '', doc: null, modifiers: [] };

describe('parser helpers', () => {
  it('suffixes repeated FQNs with #2, #3 and finds the first by its plain FQN', () => {
    const table = new SymbolTable();
    table.add({ ...blank, fqn: 'a.f' });
    table.add({ ...blank, fqn: 'a.f' });
    table.add({ ...blank, fqn: 'a.g' });
    table.add({ ...blank, fqn: 'a.f' });
    expect(table.symbols.map((s) => s.fqn)).toEqual(['a.f', 'a.f#2', 'a.g', 'a.f#3']);
    expect(table.indexOf('a.f')).toBe(0);
    expect(table.indexOf('a.h')).toBeNull();
  });

  it('takes a /** doc across one blank line, never a license header or a doc two blank lines up', async () => {
    const source = [
      '/*!', ' * express', ' * MIT Licensed', ' */', '', 'function first() {}', '',
      '/**', ' * Send a response.', ' */', '', 'res.send = function send(body) {};', '',
      '/** Too far. */', '', '', 'function far() {}', '',
      '// A line comment must touch.', '', 'function loose() {}', '',
      '/** Copyright 2024 Someone. */', '', 'function licensed() {}', '',
    ].join('\n');
    const symbols = await symbolsOf('javascript', 'lib/response.js', source);
    expect(get(symbols, 'lib/response:res.send').doc).toBe('Send a response.');
    for (const name of ['first', 'far', 'loose', 'licensed']) expect(get(symbols, `lib/response:${name}`).doc).toBeNull();
  });

  it('strips comment markers', () => {
    expect(cleanBlock('/**\n   * Loads users.\n   *\n   *   indented\n   * @param id the id\n   */')).toBe('Loads users.\n\n  indented\n@param id the id');
    expect(cleanBlock('/** One line. */')).toBe('One line.');
    expect(cleanBlock('/** */')).toBeNull();
    expect(cleanLines(['/// First.', '///   Second.'])).toBe('First.\n  Second.');
    expect(cleanLines(['# a', '#', '# b'])).toBe('a\n\nb');
  });

  it('collapses heads onto one line and caps them', () => {
    expect(collapse('  public\n\t int   f( )  ')).toBe('public int f( )');
    expect(collapse('x'.repeat(400))).toHaveLength(300);
    expect(headText('def f(a):\n  pass', 0, 9)).toBe('def f(a)');
    expect(compactType('const std :: string &')).toBe('const std::string&');
    expect(eraseGenerics('Map<String, List<Integer>>[]')).toBe('Map[]');
  });
});

describe('symbols across languages', () => {
  it('suffixes same-name declarations within a file', async () => {
    const symbols = await symbolsOf('python', 'a.py', 'def f():\n    pass\n\ndef f():\n    pass\n\ndef f():\n    pass\n');
    expect(symbols.map((s) => `${s.fqn} ${s.startLine}`)).toEqual(['a.f 1', 'a.f#2 4', 'a.f#3 7']);
  });

  it('reads positions in UTF-16 like JavaScript strings', async () => {
    const symbols = await symbolsOf('typescript', 'a.ts', '/** Grüße 😀 */\nexport function größe(ä: string): void {}\n');
    expect(get(symbols, 'a:größe')).toMatchObject({ doc: 'Grüße 😀', signature: 'export function größe(ä: string): void', startLine: 2 });
  });

  it('never throws on broken or garbage input, and keeps what it can', async () => {
    const broken = await symbolsOf('java', 'B.java', 'package p;\nclass B {\n  void ok() {}\n  void bad( { int x = ; }\n  void after() {}\n');
    expect(broken.map((s) => s.fqn)).toContain('p.B.ok()');
    const garbage = '}{ class def fn func ((( <<< """ \'\' /* #[ @@ ::: \u0000 \n'.repeat(50);
    for (const language of LANGUAGES) {
      const symbols = await symbolsOf(language, `x/broken.${language}`, garbage);
      expectParentsFirst(symbols);
      const truncated = await symbolsOf(language, `x/t.${language}`, 'class A {\n  def f(self, x: Li');
      expectParentsFirst(truncated);
    }
  });

  // Speed is measured by the benchmark (npm run bench), not asserted here.
  it('handles a generated file with 5,000 methods', async () => {
    const methods = Array.from({ length: 5000 }, (_, i) => `  /** Doc ${i}. */\n  @Get("/m${i}")\n  public int m${i}(int a, List<String> b) { return a; }\n`).join('');
    const symbols = await symbolsOf('java', 'Big.java', `package big;\npublic class Big {\n${methods}}\n`);
    expect(symbols).toHaveLength(5001);
    expect(symbols[5000]).toMatchObject({ fqn: 'big.Big.m4999(int,List)', parent: 0, doc: 'Doc 4999.', startLine: 15001, endLine: 15002 });
  });
});
