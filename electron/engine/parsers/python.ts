// Python: dotted module from the path (`pkg/mod.py` → `pkg.mod`, `__init__.py` → the package), then nesting.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import type { Extraction, Scope } from './common.js';
import { SymbolTable, cleanDoc, collapse, headText, isUpperCase, named, qualify, symbol } from './common.js';

// Compound statements whose blocks still declare module- or class-level names (`if TYPE_CHECKING:`, `try:`).
const COMPOUND = new Set(['if_statement', 'try_statement', 'with_statement', 'else_clause', 'elif_clause', 'except_clause', 'finally_clause', 'block']);

interface PythonScope extends Scope {
  inClass: boolean;
}

export function extractPython(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  const ctx: Extraction = { table: new SymbolTable(), source };
  walk(ctx, named(root), { prefix: pythonModule(relPath), parent: null, inClass: false }, true);
  return ctx.table.symbols;
}

/** `pkg/sub/mod.py` → `pkg.sub.mod`; `pkg/__init__.py` → `pkg`. */
export function pythonModule(relPath: string): string {
  return relPath
    .replace(/\.pyi?$/, '')
    .split('/')
    .filter((part) => part !== '' && part !== '__init__')
    .join('.');
}

/** `assignments`: whether plain assignments here are declarations (not inside `if`/`try` blocks). */
function walk(ctx: Extraction, statements: readonly SyntaxNode[], scope: PythonScope, assignments: boolean): void {
  for (const node of statements) {
    if (node.type === 'decorated_definition') {
      const def = node.childForFieldName('definition');
      if (def) declare(ctx, def, node, scope);
    } else if (node.type === 'function_definition' || node.type === 'class_definition') {
      declare(ctx, node, node, scope);
    } else if (node.type === 'expression_statement' && assignments) {
      declareAssignment(ctx, node, scope);
    } else if (COMPOUND.has(node.type) || node.type === 'ERROR') {
      walk(ctx, named(node), scope, node.type === 'ERROR' && assignments);
    }
  }
}

function declare(ctx: Extraction, def: SyntaxNode, outer: SyntaxNode, scope: PythonScope): void {
  const name = def.childForFieldName('name')?.text;
  if (!name) return;
  const body = def.childForFieldName('body');
  const isClass = def.type === 'class_definition';
  const kind: SymbolKind = isClass ? 'class' : !scope.inClass ? 'function' : name === '__init__' ? 'constructor' : 'method';
  const decorators = named(outer).filter((n) => n.type === 'decorator');
  const modifiers = decorators.map((d) => collapse(d.text));
  if (def.firstChild?.type === 'async') modifiers.push('async');
  const fqn = qualify(scope.prefix, name);
  const signature = headText(ctx.source, def.startIndex, body?.startIndex ?? def.endIndex, named(def).filter((n) => n.type === 'comment'));
  const index = ctx.table.add(symbol({ name, kind, fqn, parent: scope.parent, signature, doc: docstring(ctx.source, body), modifiers }, outer, def));
  if (isClass && body) walk(ctx, named(body), { prefix: fqn, parent: index, inClass: true }, true);
}

/** `NAME = …` at module or class level: a constant when UPPER_CASE, else a variable (module) or field (class). */
function declareAssignment(ctx: Extraction, statement: SyntaxNode, scope: PythonScope): void {
  const signature = collapse(ctx.source.slice(statement.startIndex, statement.endIndex));
  for (const name of assignedNames(statement.firstNamedChild)) {
    const kind: SymbolKind = isUpperCase(name) ? 'constant' : scope.inClass ? 'field' : 'variable';
    ctx.table.add(symbol({ name, kind, fqn: qualify(scope.prefix, name), parent: scope.parent, signature, doc: null, modifiers: [] }, statement, statement));
  }
}

/** The names an assignment binds: `A = …`, `A, B = …` (a tuple, bracketed or not) and chained `A = B = …`. */
function assignedNames(assignment: SyntaxNode | null): string[] {
  const names: string[] = [];
  for (let a = assignment; a?.type === 'assignment'; a = a.childForFieldName('right')) {
    const left = a.childForFieldName('left');
    if (left?.type === 'identifier') names.push(left.text);
    else if (left?.type === 'pattern_list' || left?.type === 'tuple_pattern') {
      for (const part of named(left)) if (part.type === 'identifier') names.push(part.text);
    }
  }
  return names;
}

/** The first statement of the body when it is a string literal, cleaned like inspect.cleandoc. */
function docstring(source: string, body: SyntaxNode | null): string | null {
  const first = body?.firstNamedChild;
  const str = first?.type === 'expression_statement' ? first.firstNamedChild : null;
  if (str?.type !== 'string') return null;
  const open = named(str).find((n) => n.type === 'string_start');
  const close = named(str).find((n) => n.type === 'string_end');
  if (!open || !close) return null;
  const content = source.slice(open.endIndex, close.startIndex);
  return cleanDoc(content.split('\n'), true);
}
