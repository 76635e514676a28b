// Go tree shapes shared by route and call detection: imports, selector calls, scoped bindings.
import type { SyntaxNode } from './common.js';
import { kids, tailName } from './common.js';
import { type FileContext, perTree } from './context.js';
import { stringValue } from './literals.js';

export const GO_TYPES = new Set([
  'package_clause', 'import_spec', 'function_declaration', 'call_expression', 'composite_literal', 'short_var_declaration',
  'assignment_statement', 'var_spec', 'const_spec',
]);
const FUNCTION_TYPES = new Set(['function_declaration', 'method_declaration']);

/** `recv.Method(args)`; `receiver` is the operand (a package name, variable, field or another call). */
export interface GoCall { node: SyntaxNode; receiver: SyntaxNode; method: string; args: SyntaxNode[] }

export function goCall(node: SyntaxNode): GoCall | null {
  const fn = node.childForFieldName('function');
  if (fn?.type !== 'selector_expression') return null;
  const receiver = fn.childForFieldName('operand');
  const method = fn.childForFieldName('field')?.text;
  if (!receiver || !method) return null;
  // Read on first use: most calls are ruled out by their method name, and listing arguments costs WASM calls.
  let args: SyntaxNode[] | undefined;
  return { node, receiver, method, get args() { return (args ??= kids(node.childForFieldName('arguments'))); } };
}

/** The file's `recv.Method(args)` calls in document order, read once for route, job and call detection alike. */
export const selectorCalls = perTree((ctx): readonly GoCall[] => {
  const calls: GoCall[] = [];
  for (const node of ctx.nodes('call_expression')) {
    const c = goCall(node);
    if (c) calls.push(c);
  }
  return calls;
});

/** Variables and struct fields bind by their last name: `r`, `s.router` → `router`. */
export function goName(node: SyntaxNode): string | null {
  if (node.type === 'identifier' || node.type === 'field_identifier') return node.text;
  if (node.type === 'selector_expression') return node.childForFieldName('field')?.text ?? null;
  return null;
}

export interface GoFile {
  /** Import path → local package name (`github.com/gin-gonic/gin` → `gin`). */
  imports: Map<string, string>;
  /** Local package names, for telling `http.Get` from `client.Get`. */
  packages: Set<string>;
  /** `(function start, name)` → the value assigned or declared; package-level vars and consts use scope -1. Built on first read. */
  readonly bindings: Map<string, SyntaxNode>;
}

export const goFile = perTree((ctx): GoFile => {
  const imports = new Map<string, string>();
  const packages = new Set<string>();
  // Every detector that reads a file's imports then reads its calls: both found in one walk.
  ctx.prefetch('import_spec', 'call_expression');
  for (const spec of ctx.nodes('import_spec')) {
    const path = stringValue(spec.childForFieldName('path'));
    if (path === null) continue;
    // Major-version suffixes (`/v9`) and `go-`/`-go` affixes are not part of the package name.
    const name = spec.childForFieldName('name')?.text ?? tailName(path.replace(/\/v\d+$/, '').replace(/\//g, '.')).replace(/^go-|-go$/g, '');
    imports.set(path, name);
    packages.add(name);
  }
  // Read on first use: only route prefixes need them, and reading every assignment's sides and scope costs many WASM calls.
  let bindings: Map<string, SyntaxNode> | undefined;
  return { imports, packages, get bindings() { return (bindings ??= goBindings(ctx)); } };
});

function goBindings(ctx: FileContext): Map<string, SyntaxNode> {
  const bindings = new Map<string, SyntaxNode>();
  for (const decl of ctx.nodes('short_var_declaration', 'assignment_statement', 'var_spec', 'const_spec')) {
    // `var x = v` and `const X = v` name their targets directly; the other two have a left and a right side.
    const spec = decl.type === 'var_spec' || decl.type === 'const_spec';
    const left = spec ? kids(decl).filter((c) => c.type === 'identifier') : kids(decl.childForFieldName('left'));
    const right = kids(decl.childForFieldName(spec ? 'value' : 'right'));
    left.forEach((target, i) => {
      const name = goName(target);
      const value = right[i];
      if (name && value) bindings.set(bindingKey(decl, name), value);
    });
  }
  return bindings;
}

export function bindingKey(at: SyntaxNode, name: string): string {
  let scope = -1;
  for (let p: SyntaxNode | null = at.parent; p; p = p.parent) {
    if (FUNCTION_TYPES.has(p.type)) {
      scope = p.startIndex;
      break;
    }
  }
  return `${scope}:${name}`;
}

/** The value bound to a receiver name in the enclosing function, else at package level. */
export function boundValue(file: GoFile, at: SyntaxNode, name: string): SyntaxNode | null {
  return file.bindings.get(bindingKey(at, name)) ?? file.bindings.get(`-1:${name}`) ?? null;
}

/** True when the file imports a path containing `fragment` (e.g. `gin-gonic/gin`). */
export function importsAny(file: GoFile, ...fragments: string[]): boolean {
  for (const path of file.imports.keys()) if (fragments.some((f) => path.includes(f))) return true;
  return false;
}

/** Fields of a composite literal: `kafka.Writer{Topic: "t"}` → Topic → node. */
export function compositeFields(lit: SyntaxNode): Map<string, SyntaxNode> {
  const fields = new Map<string, SyntaxNode>();
  for (const el of kids(lit.childForFieldName('body'))) {
    if (el.type !== 'keyed_element') continue;
    const [key, value] = kids(el);
    const inner = value?.type === 'literal_element' ? value.namedChild(0) : value;
    if (key && inner) fields.set(key.text, inner);
  }
  return fields;
}
