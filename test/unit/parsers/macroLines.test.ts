// Whole-line macro calls in C and C++ get a `;` written over the next line's first indentation character, so tree-sitter
// parses the declarations around them; nothing moves (same length, lines and columns) and nothing else is touched.
import { describe, expect, it } from 'vitest';
import { terminateMacroLines } from '../../../electron/engine/parsers/macroLines.js';
import { analyzeFile } from '../../../electron/engine/analyze.js';

describe('terminateMacroLines', () => {
  it('ends a whole-line macro call before an indented declaration, keeping every line and column', () => {
    const source = 'class T {\n  ADD_PROPERTY(int, rows)\n  ADD_PROPERTY(int, cols) // the width\n public:\n  T();\n};\n';
    const out = terminateMacroLines(source);
    expect(out).toBe('class T {\n  ADD_PROPERTY(int, rows)\n; ADD_PROPERTY(int, cols) // the width\n;public:\n  T();\n};\n');
    expect(out.length).toBe(source.length);
    expect(out.split('\n').map((l) => l.length)).toEqual(source.split('\n').map((l) => l.length));
  });

  it('leaves alone: a call continuing an expression, a macro before a `{` body, an unindented next line, lower-case calls, and CRLF text keeps its CRs', () => {
    const untouched = [
      'int x = f(a,\n  CONST(1)\n  );\n',
      'START_TEST(test_x)\n  {\n  }\n',
      'DECLARE(Value)\nint y;\n',
      'void f() {\n  do_thing(1)\n  g();\n}\n',
      'enum { A,\n  B\n};\n',
    ];
    for (const source of untouched) expect(terminateMacroLines(source)).toBe(source);
    expect(terminateMacroLines('class T {\r\n  PROP(int, a)\r\n  int b;\r\n};\r\n')).toBe('class T {\r\n  PROP(int, a)\r\n; int b;\r\n};\r\n');
  });

  it('lets a C++ class with whole-line macro calls in its body parse: its members become symbols', async () => {
    const source = 'namespace sass {\nclass Ruleset : public Has_Block {\n  ADD_PROPERTY(Selector_Obj, selector)\n  ADD_PROPERTY(bool, is_root)\npublic:\n  Ruleset(int pstate);\n  bool is_invisible() const;\n};\n}\n';
    const symbols = (await analyzeFile('cpp', 'src/ast.hpp', source)).symbols.map((s) => `${s.kind} ${s.fqn} ${s.startLine}`);
    expect(symbols).toEqual(expect.arrayContaining(['class sass::Ruleset 2', 'constructor sass::Ruleset::Ruleset(int) 6', 'method sass::Ruleset::is_invisible() 7']));
  });
});
