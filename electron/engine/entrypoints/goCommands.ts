// Go command-line commands: cobra `Command`s and urfave/cli `App`s and `Command`s. Each is a `main` named by the words a person
// types (`app server start`), parents found in the same file through `AddCommand`, `Commands:`/`Subcommands:` and `app.Commands =`.
import type { SyntaxNode } from './common.js';
import { kids, lineOf, tailName } from './common.js';
import type { FileContext } from './context.js';
import { stringValue } from './literals.js';
import { bindingKey, goFile, goName, selectorCalls } from './goSyntax.js';
import type { EntryList } from './results.js';

// Read before the file's imports are: most Go files import neither, and reading imports walks the tree.
const CLI_IMPORT = /spf13\/cobra|urfave\/cli/;
const URFAVE_PATH = /(?:^|\/)urfave\/cli(?:\/v\d+)?$/;
const CHILD_FIELDS = ['Commands', 'Subcommands'];
const FUNCTION_TYPES = new Set(['function_declaration', 'method_declaration', 'func_literal']);
const MAX_DEPTH = 8;
// `return cmd`, `return cmd, nil`: a variable handed back whole.
const RETURN_NAME = /\breturn\s+&?([A-Za-z_]\w*)\s*(?=,|;|\}|$)/gm;

interface Framework { name: 'cobra' | 'urfave-cli'; pkg: string; types: ReadonlySet<string>; nameField: string; runFields: readonly string[] }

interface Command {
  framework: Framework;
  /** The literal's `{…}`: a composite literal's body, or an element written without its type in a `[]*cli.Command{…}`. */
  body: SyntaxNode;
  /** What an assignment or `return` holds: `&cobra.Command{…}` (with its `&`) or the bare literal. */
  value: SyntaxNode;
  fields: Map<string, SyntaxNode>;
  name: string | null;
  parent: Command | null;
  /** The name of a urfave v1 `app := cli.NewApp()` (`app.Name = "x"`) these commands were assigned to. */
  prefix: string | null;
}

export function goCommands(ctx: FileContext, out: EntryList): void {
  // Tests build throwaway commands to run them, not commands a person types.
  if (!CLI_IMPORT.test(ctx.source) || ctx.relPath.endsWith('_test.go')) return;
  const frameworks = frameworksOf(ctx);
  if (frameworks.length === 0) return;
  const commands = findCommands(ctx, frameworks);
  if (commands.length === 0) return;
  linkParents(ctx, commands);
  for (const c of commands) {
    if (c.name === null) continue;
    const line = lineOf(c.value);
    const run = c.framework.runFields.map((f) => c.fields.get(f)).find((n) => n !== undefined);
    const named = run?.type === 'identifier' || run?.type === 'selector_expression' ? run.text : null;
    const local = named !== null ? ctx.symbols.byName(tailName(named)) : null;
    out.add({
      kind: 'main', framework: c.framework.name, queue: fullName(c), line,
      symbol: named !== null ? local : ctx.symbols.enclosing(line),
      handler: named !== null && local === null ? named : null,
    }, c.body.startIndex);
  }
}

function frameworksOf(ctx: FileContext): Framework[] {
  const found: Framework[] = [];
  for (const [path, pkg] of goFile(ctx).imports) {
    if (pkg === '_' || pkg === '.') continue;
    if (path === 'github.com/spf13/cobra') {
      found.push({ name: 'cobra', pkg, types: new Set(['Command']), nameField: 'Use', runFields: ['RunE', 'Run'] });
    } else if (URFAVE_PATH.test(path)) {
      found.push({ name: 'urfave-cli', pkg, types: new Set(['Command', 'App']), nameField: 'Name', runFields: ['Action'] });
    }
  }
  return found;
}

/** `pkg.Command` (or `*pkg.Command` as a slice element) → the framework whose type it is. */
function commandType(type: SyntaxNode | null, frameworks: Framework[]): Framework | null {
  const named = type?.type === 'pointer_type' ? type.namedChild(0) : type;
  if (named?.type !== 'qualified_type') return null;
  const pkg = named.childForFieldName('package')?.text;
  const name = named.childForFieldName('name')?.text ?? '';
  return frameworks.find((f) => f.pkg === pkg && f.types.has(name)) ?? null;
}

/** urfave's `cli.Commands` (a `[]Command` in v1, `[]*Command` in v2). */
function commandList(type: SyntaxNode, frameworks: Framework[]): Framework | null {
  if (type.type !== 'qualified_type' || type.childForFieldName('name')?.text !== 'Commands') return null;
  const pkg = type.childForFieldName('package')?.text;
  return frameworks.find((f) => f.name === 'urfave-cli' && f.pkg === pkg) ?? null;
}

function findCommands(ctx: FileContext, frameworks: Framework[]): Command[] {
  const commands: Command[] = [];
  const add = (framework: Framework, body: SyntaxNode, value: SyntaxNode): void => {
    const fields = fieldsOf(body);
    const text = stringValue(fields.get(framework.nameField));
    const word = text?.trim().split(/\s+/)[0];
    commands.push({ framework, body, value, fields, name: word || null, parent: null, prefix: null });
  };
  for (const lit of ctx.nodes('composite_literal')) {
    const type = lit.childForFieldName('type');
    const body = lit.childForFieldName('body');
    if (!type || !body) continue;
    const own = commandType(type, frameworks);
    if (own) {
      add(own, body, lit.parent?.type === 'unary_expression' ? lit.parent : lit);
      continue;
    }
    // `[]*cli.Command{{Name: "serve"}, …}`, urfave's `cli.Commands{…}`: elements written without their type are commands too.
    const element = type.type === 'slice_type' || type.type === 'array_type' ? commandType(type.childForFieldName('element'), frameworks) : commandList(type, frameworks);
    if (!element) continue;
    for (const el of kids(body)) {
      const inner = el.type === 'literal_element' ? el.namedChild(0) : el;
      if (inner?.type === 'literal_value') add(element, inner, inner);
    }
  }
  return commands;
}

/** `{Use: "serve", Run: run}` → Use → node; `compositeFields` needs the literal, and an element written without its type has none. */
function fieldsOf(body: SyntaxNode): Map<string, SyntaxNode> {
  const fields = new Map<string, SyntaxNode>();
  for (const el of kids(body)) {
    if (el.type !== 'keyed_element') continue;
    const [key, value] = kids(el);
    const inner = value?.type === 'literal_element' ? value.namedChild(0) : value;
    if (key && inner) fields.set(key.text, inner);
  }
  return fields;
}

function fullName(c: Command): string | null {
  const words: string[] = [];
  let top: Command | null = c;
  for (let depth = 0; top && depth < MAX_DEPTH; depth++) {
    if (top.name === null) break;
    words.unshift(top.name);
    if (!top.parent && top.prefix) words.unshift(top.prefix);
    top = top.parent;
  }
  return words.join(' ') || null;
}

function linkParents(ctx: FileContext, commands: Command[]): void {
  const byBody = new Map<number, Command>();
  const byValue = new Map<number, Command>();
  for (const c of commands) {
    byBody.set(c.body.startIndex, c);
    byValue.set(c.value.startIndex, c);
  }
  // Written inside a parent: `Commands: []*cli.Command{{…}, &cli.Command{…}}`.
  for (const c of commands) c.parent = enclosingParent(c, byBody);
  const refs = references(ctx, commands, byValue);
  // Named in a parent's list: `Commands: []*cli.Command{serveCmd, newMigrateCmd()}`.
  for (const c of commands) {
    for (const field of CHILD_FIELDS) {
      const list = c.fields.get(field);
      if (list?.type !== 'composite_literal') continue;
      for (const el of kids(list.childForFieldName('body'))) {
        const inner = el.type === 'literal_element' ? el.namedChild(0) : el;
        if (inner) adopt(c, refs.resolve(inner, el));
      }
    }
  }
  if (commands.some((c) => c.framework.name === 'cobra')) {
    // `root.AddCommand(serveCmd, newVersionCmd())`.
    for (const call of selectorCalls(ctx)) {
      if (call.method !== 'AddCommand') continue;
      const parent = refs.resolve(call.receiver, call.node);
      for (const arg of call.args) adopt(parent, refs.resolve(arg, call.node));
    }
  }
  if (commands.some((c) => c.framework.name === 'urfave-cli')) assignedLists(ctx, byBody, refs);
}

/** Links a child found by reference, unless it already has a parent or the link would make a cycle. */
function adopt(parent: Command | null, child: Command | null): void {
  if (!parent || !child || child.parent || isAncestor(child, parent)) return;
  child.parent = parent;
}

function isAncestor(c: Command, of: Command): boolean {
  let p: Command | null = of;
  for (let depth = 0; p && depth < MAX_DEPTH; depth++, p = p.parent) if (p === c) return true;
  return false;
}

/** A literal element of a `Commands:`/`Subcommands:` list in another command's literal. */
function enclosingParent(c: Command, byBody: Map<number, Command>): Command | null {
  let node: SyntaxNode | null = c.value.parent;
  for (let depth = 0; node && depth < 6; depth++, node = node.parent) {
    if (node.type === 'keyed_element') {
      if (!CHILD_FIELDS.includes(node.namedChild(0)?.text ?? '')) return null;
      return node.parent ? byBody.get(node.parent.startIndex) ?? null : null;
    }
    if (node.type !== 'literal_element' && node.type !== 'literal_value' && node.type !== 'composite_literal') return null;
  }
  return null;
}

interface References { resolve(expr: SyntaxNode, at: SyntaxNode): Command | null }

/** Commands by the names that hold them: variables (`serveCmd`, a local `cmd`) and functions that return one (`newServeCmd()`). */
function references(ctx: FileContext, commands: Command[], byValue: Map<number, Command>): References {
  const file = goFile(ctx);
  let variables: Map<string, Command> | undefined;
  const factories = new Map<string, Command>();
  for (const c of commands) {
    const fn = enclosingFunction(c.value);
    const fnName = fn?.type === 'func_literal' ? null : fn?.childForFieldName('name')?.text;
    if (!fn || !fnName || factories.has(fnName)) continue;
    if (c.value.parent?.type === 'expression_list' && c.value.parent.parent?.type === 'return_statement') factories.set(fnName, c);
  }
  const lookup = (name: string, at: SyntaxNode): Command | null => {
    if (!variables) {
      variables = new Map();
      for (const [key, value] of file.bindings) {
        const c = byValue.get(value.startIndex);
        if (c && c.value.endIndex === value.endIndex) variables.set(key, c);
      }
    }
    return variables.get(bindingKey(at, name)) ?? variables.get(`-1:${name}`) ?? null;
  };
  // `cmd := &cobra.Command{…}; …; return cmd`: the function is a factory for the variable's command.
  for (const c of commands) {
    const fn = enclosingFunction(c.value);
    const fnName = fn?.type === 'func_literal' ? null : fn?.childForFieldName('name')?.text;
    if (!fn || !fnName || factories.has(fnName)) continue;
    for (const m of (fn.childForFieldName('body')?.text ?? '').matchAll(RETURN_NAME)) {
      if (lookup(m[1]!, c.value) !== c) continue;
      factories.set(fnName, c);
      break;
    }
  }
  const resolve = (expr: SyntaxNode, at: SyntaxNode): Command | null => {
    if (expr.type === 'unary_expression' || expr.type === 'parenthesized_expression') {
      const inner = expr.namedChild(expr.namedChildCount - 1);
      return inner ? byValue.get(expr.startIndex) ?? resolve(inner, at) : null;
    }
    if (expr.type === 'composite_literal') return byValue.get(expr.startIndex) ?? null;
    if (expr.type === 'call_expression') {
      const fn = expr.childForFieldName('function');
      return fn?.type === 'identifier' ? factories.get(fn.text) ?? null : null;
    }
    const name = goName(expr);
    return name ? lookup(name, at) : null;
  };
  return { resolve };
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (FUNCTION_TYPES.has(p.type)) return p;
  return null;
}

/** urfave `app.Commands = []cli.Command{…}`: children of `app`'s literal, else named after `app.Name = "x"` (v1 `cli.NewApp()`). */
function assignedLists(ctx: FileContext, byBody: Map<number, Command>, refs: References): void {
  const assignments = ctx.nodes('assignment_statement');
  for (const stmt of assignments) {
    const [left] = kids(stmt.childForFieldName('left'));
    const [right] = kids(stmt.childForFieldName('right'));
    if (left?.type !== 'selector_expression' || right?.type !== 'composite_literal') continue;
    if (!CHILD_FIELDS.includes(left.childForFieldName('field')?.text ?? '')) continue;
    const owner = left.childForFieldName('operand');
    if (!owner) continue;
    const parent = refs.resolve(owner, stmt);
    const prefix = parent ? null : assignedName(assignments, owner.text, stmt);
    for (const el of kids(right.childForFieldName('body'))) {
      const inner = el.type === 'literal_element' ? el.namedChild(0) : el;
      const child = inner ? byBody.get(inner.type === 'literal_value' ? inner.startIndex : -1) ?? refs.resolve(inner, stmt) : null;
      if (parent) adopt(parent, child);
      else if (child && !child.parent) child.prefix ??= prefix;
    }
  }
}

function assignedName(assignments: readonly SyntaxNode[], owner: string, at: SyntaxNode): string | null {
  const scope = enclosingFunction(at)?.startIndex ?? -1;
  for (const stmt of assignments) {
    if ((enclosingFunction(stmt)?.startIndex ?? -1) !== scope) continue;
    const [left] = kids(stmt.childForFieldName('left'));
    if (left?.type !== 'selector_expression' || left.childForFieldName('field')?.text !== 'Name') continue;
    if (left.childForFieldName('operand')?.text !== owner) continue;
    const name = stringValue(kids(stmt.childForFieldName('right'))[0]);
    if (name) return name.trim().split(/\s+/)[0] ?? null;
  }
  return null;
}
