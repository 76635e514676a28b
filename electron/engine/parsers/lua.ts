// Lua: `path/file:M.name`; functions (global, local, `M.f`, `M:m` methods, `M.f = function`), `---` or `--` docs.
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import { SymbolTable, collapse, commentsAbove, headText, named, symbol } from './common.js';
import { markedLines } from './declarative.js';
import { modulePath } from './typescript.js';

const isComment = (node: SyntaxNode): boolean => node.type === 'comment';

export function extractLua(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  const table = new SymbolTable();
  const module = modulePath(relPath);
  const statements = named(root);
  for (let i = 0; i < statements.length; i++) {
    const node = statements[i]!;
    let target: SyntaxNode | null = null;
    let fn: SyntaxNode | null = null;
    if (node.type === 'function_declaration') {
      target = node.childForFieldName('name');
      fn = node;
    } else if (node.type === 'assignment_statement' || node.type === 'variable_declaration') {
      // `M.f = function(…) … end` and `local f = function(…) … end`
      const assignment = node.type === 'variable_declaration' ? named(node).find((n) => n.type === 'assignment_statement') ?? null : node;
      const value = assignment?.namedChildren.find((n) => n?.type === 'expression_list')?.namedChildren[0] ?? null;
      if (value?.type === 'function_definition') {
        target = assignment?.namedChildren.find((n) => n?.type === 'variable_list')?.namedChildren[0] ?? null;
        fn = value;
      }
    }
    if (!target || !fn) continue;
    const method = target.type === 'method_index_expression';
    const name = (target.childForFieldName(method ? 'method' : 'field') ?? target).text;
    const owner = target.childForFieldName('table')?.text;
    const parameters = fn.childForFieldName('parameters');
    const signature = collapse(headText(source, node.startIndex, parameters?.endIndex ?? node.endIndex));
    table.add(symbol({
      name, kind: method ? 'method' : 'function', fqn: `${module}:${owner ? `${owner}.${name}` : name}`, parent: null, signature,
      doc: markedLines(commentsAbove(statements, i, isComment), /^---?\s?/), modifiers: node.text.startsWith('local') ? ['local'] : [],
    }, node, node));
  }
  return table.symbols;
}
