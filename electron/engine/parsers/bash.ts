// Bash: functions as `relPath:name`, documented by the `#` lines right above them.
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import { SymbolTable, commentsAbove, docOf, headText, isComment, named, symbol } from './common.js';

// Blocks whose functions are still global once the block runs: `if …; then f() { …; } fi`, `{ f() { …; }; } > log`,
// loops, case arms, subshells, lists; and function bodies (a function defined by another is global too).
const BLOCKS = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'ERROR', 'compound_statement', 'redirected_statement', 'do_group', 'for_statement',
  'c_style_for_statement', 'while_statement', 'case_statement', 'case_item', 'subshell', 'list', 'negated_command',
]);

export function extractBash(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  const table = new SymbolTable();
  walk(table, source, relPath, named(root));
  return table.symbols;
}

function walk(table: SymbolTable, source: string, relPath: string, statements: readonly SyntaxNode[]): void {
  for (let i = 0; i < statements.length; i++) {
    const node = statements[i]!;
    if (BLOCKS.has(node.type)) walk(table, source, relPath, named(node));
    if (node.type !== 'function_definition') continue;
    const name = node.childForFieldName('name')?.text;
    if (!name) continue;
    const body = node.childForFieldName('body');
    const signature = headText(source, node.startIndex, body?.startIndex ?? node.endIndex);
    const doc = docOf(commentsAbove(statements, i, isComment), 'hash');
    table.add(symbol({ name, kind: 'function', fqn: `${relPath}:${name}`, parent: null, signature, doc, modifiers: [] }, node, node));
    if (body) walk(table, source, relPath, named(body));
  }
}
