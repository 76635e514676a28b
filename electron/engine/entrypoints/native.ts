// C and C++: the only entry point is a top-level `int main(…)` (or `wmain`).
import { lineOf } from './common.js';
import type { Family } from './context.js';

export const native: Family = {
  types: new Set(['function_definition']),
  entryPoints(ctx, out) {
    if (!/\bw?main\s*\(/.test(ctx.source)) return;
    for (const fn of ctx.nodes('function_definition')) {
      const declarator = fn.childForFieldName('declarator');
      const name = declarator?.type === 'function_declarator' ? declarator.childForFieldName('declarator') : null;
      // A `main` inside a namespace or class is an ordinary function.
      if (fn.parent?.type !== 'translation_unit' || !name || !/^w?main$/.test(name.text)) continue;
      if (fn.childForFieldName('type')?.text !== 'int') continue;
      out.add({ kind: 'main', framework: 'main', symbol: ctx.symbols.enclosing(lineOf(name)), line: lineOf(name) });
    }
  },
  calls() {
    // No client libraries are recognised for C/C++ yet.
  },
};
