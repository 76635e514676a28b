// Python tree shapes shared by route and call detection: imports, bindings, decorators, calls.
import type { Decoration, SyntaxNode } from './common.js';
import { kids, tailName } from './common.js';
import { perTree } from './context.js';

export const PY_TYPES = new Set([
  'import_statement', 'import_from_statement', 'assignment', 'as_pattern', 'decorated_definition', 'call',
  'dictionary', 'if_statement',
]);

/** What a name holds: made by calling `made` (e.g. `Flask`, `Redis`, `client`), from `module` when known. */
export interface PyBinding { made: string; module: string | null; call: PyCall }

export interface PyScope {
  /** Top-level modules imported anywhere in the file (`from a.b import c` → `a`). */
  modules: Set<string>;
  /** Imported local name → top-level module. */
  imports: Map<string, string>;
  /** Variables and `self.x` attributes → what made them. */
  bindings: Map<string, PyBinding>;
}

/** A call taken apart: `recv.method(positional…, key=value…)`; `receiver` is null for plain calls. */
export interface PyCall {
  readonly node: SyntaxNode;
  readonly fn: SyntaxNode;
  readonly receiver: SyntaxNode | null;
  readonly name: string;
  readonly positional: SyntaxNode[];
  readonly keywords: Map<string, SyntaxNode>;
}

/** Arguments are read on first use: most calls in a file are dismissed by name alone. */
export function pyCall(node: SyntaxNode, names?: ReadonlySet<string>): PyCall | null {
  const fn = node.childForFieldName('function');
  if (!fn || (fn.type !== 'identifier' && fn.type !== 'attribute')) return null;
  const name = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : fn.text;
  if (names && !names.has(name)) return null;
  const receiver = fn.type === 'attribute' ? fn.childForFieldName('object') : null;
  let args: { positional: SyntaxNode[]; keywords: Map<string, SyntaxNode> } | null = null;
  const parsed = (): { positional: SyntaxNode[]; keywords: Map<string, SyntaxNode> } => (args ??= parseArgs(node));
  return { node, fn, receiver, name, get positional() { return parsed().positional; }, get keywords() { return parsed().keywords; } };
}

function parseArgs(node: SyntaxNode): { positional: SyntaxNode[]; keywords: Map<string, SyntaxNode> } {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  for (const arg of kids(node.childForFieldName('arguments'))) {
    const key = arg.type === 'keyword_argument' ? arg.childForFieldName('name')?.text : undefined;
    const value = arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
    if (key && value) keywords.set(key, value);
    else if (value && arg.type !== 'keyword_argument') positional.push(value);
  }
  return { positional, keywords };
}

/** The nodes a file's scope is read from: imports and the places that bind a name. */
const SCOPE_TYPES = ['import_statement', 'import_from_statement', 'assignment', 'as_pattern'];

export const pyScope = perTree((ctx): PyScope => {
  const scope: PyScope = { modules: new Set(), imports: new Map(), bindings: new Map() };
  // Every detector that reads the scope then reads calls or decorated definitions: all found in one walk.
  ctx.prefetch(...SCOPE_TYPES, 'call', 'decorated_definition');
  const nodes = ctx.nodes(...SCOPE_TYPES);
  // Imports first: bindings resolve their constructors through them wherever the import sits.
  for (const node of nodes) if (node.type.startsWith('import')) importNames(node, scope);
  for (const node of nodes) if (!node.type.startsWith('import')) bind(node, scope);
  return scope;
});

function importNames(imp: SyntaxNode, scope: PyScope): void {
  const from = imp.childForFieldName('module_name');
  const fromModule = from ? from.text.replace(/^\.+/, '').split('.')[0] ?? '' : null;
  if (fromModule) scope.modules.add(fromModule);
  for (const name of imp.childrenForFieldName('name')) {
    if (!name) continue;
    const dotted = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
    const alias = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : undefined;
    const top = (dotted?.text ?? '').split('.')[0] ?? '';
    if (!fromModule) scope.modules.add(top);
    const module = fromModule ?? top;
    if (module) scope.imports.set(alias ?? (fromModule ? tailName(dotted?.text ?? '') : top), module);
  }
}

function bind(node: SyntaxNode, scope: PyScope): void {
  const isWith = node.type === 'as_pattern';
  const target = isWith ? node.childForFieldName('alias')?.namedChild(0) : node.childForFieldName('left');
  let value = isWith ? node.namedChild(0) : node.childForFieldName('right');
  if (value?.type === 'await') value = value.namedChild(0);
  const name = target ? pyName(target) : null;
  const call = value?.type === 'call' ? pyCall(value) : null;
  if (!name || !call) return;
  scope.bindings.set(name, { made: call.name, module: rootModule(call.fn, scope), call });
}

/** `x` and `self.x` bind by their last name. */
export function pyName(node: SyntaxNode): string | null {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute' && node.childForFieldName('object')?.text === 'self') return node.childForFieldName('attribute')?.text ?? null;
  return null;
}

/** The module an expression's leftmost name was imported from, through earlier bindings. */
export function rootModule(expr: SyntaxNode, scope: PyScope): string | null {
  let n: SyntaxNode | null = expr;
  while (n && (n.type === 'attribute' || n.type === 'call' || n.type === 'subscript')) {
    const name = n.type === 'attribute' ? pyName(n) : null;
    if (name && n.childForFieldName('object')?.text === 'self') return scope.bindings.get(name)?.module ?? null;
    n = n.childForFieldName(n.type === 'attribute' ? 'object' : n.type === 'call' ? 'function' : 'value');
  }
  if (n?.type !== 'identifier') return null;
  return scope.imports.get(n.text) ?? scope.bindings.get(n.text)?.module ?? null;
}

/** Decorators of a decorated definition, as calls (`@app.route('/x')`) or bare names (`@app.task`). */
export function pyDecorators(decorated: SyntaxNode): (Decoration & { receiver: SyntaxNode | null })[] {
  const out: (Decoration & { receiver: SyntaxNode | null })[] = [];
  for (const deco of kids(decorated)) {
    if (deco.type !== 'decorator') continue;
    const expr = deco.namedChild(0);
    if (!expr) continue;
    const call = expr.type === 'call' ? pyCall(expr) : null;
    if (call) out.push({ name: call.name, node: deco, positional: call.positional, named: call.keywords, receiver: call.receiver });
    else out.push({ name: tailName(expr.text), node: deco, positional: [], named: new Map(), receiver: expr.type === 'attribute' ? expr.childForFieldName('object') : null });
  }
  return out;
}
