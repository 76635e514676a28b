// Node commands defined by their file rather than a call chain: yargs command modules (their exports are the
// contract) and oclif commands (named by their path under `src/commands/`); and how a command string names its
// command, which the call chains read too.
import type { SyntaxNode } from './common.js';
import { kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import { stringValue, stringsOf } from './literals.js';
import type { EntryList } from './results.js';

/** `'serve <port>'` → `serve`; null for anything but a literal naming a command. */
export function firstWord(text: string | null): string | null {
  const word = text?.trim().split(/\s+/)[0];
  return word && /^[\w$*][\w:.$*-]*$/.test(word) ? word : null;
}

/** A yargs command's name: the first word of the string or the first of a list; `$0` and `*` (the default) → null. */
export function yargsName(spec: SyntaxNode | null | undefined): string | null | undefined {
  const first = spec?.type === 'array' ? stringsOf(spec)[0] : stringValue(spec);
  const word = firstWord(first ?? null);
  if (word === null) return undefined;
  return word === '$0' || word === '*' ? null : word;
}

/**
 * A yargs command module: `exports.command = 'serve [port]'` / `export const command = …` with a `handler` export,
 * or `module.exports = { command, handler }` / `export default { command, handler }`.
 */
export function commandModule(ctx: FileContext, out: EntryList): void {
  let command: SyntaxNode | null = null;
  let handler: SyntaxNode | null = null;
  let hasHandler = false;
  for (const stmt of kids(ctx.root)) {
    for (const [key, value, at] of moduleExports(stmt)) {
      if (key === 'command') command ??= at ?? value;
      if (key === 'handler') {
        hasHandler = true;
        handler ??= value;
      }
    }
  }
  if (!command || !hasHandler) return;
  const spec = command.type === 'pair' ? command.childForFieldName('value') : commandValue(command);
  const name = yargsName(spec);
  if (name === undefined) return;
  const line = lineOf(command);
  const ref = handler?.type === 'identifier' || handler?.type === 'shorthand_property_identifier' ? handler.text : null;
  // A handler written in place (`exports.handler = function …`, `export function handler`) is the symbol on its line.
  const symbol = ref !== null ? ctx.symbols.byName(ref) : handler ? ctx.symbols.enclosing(lineOf(handler)) : null;
  out.add({ kind: 'main', framework: 'yargs', queue: name, symbol, handler: symbol === null ? ref : null, line });
}

/** The value of a `command` export statement found by `moduleExports`. */
function commandValue(node: SyntaxNode): SyntaxNode | null {
  if (node.type === 'variable_declarator') return node.childForFieldName('value');
  if (node.type === 'assignment_expression') return node.childForFieldName('right');
  return null;
}

type Export = [key: string, value: SyntaxNode | null, at: SyntaxNode | null];

/** The names a top-level statement exports, with their values (and the node that names them). */
function moduleExports(stmt: SyntaxNode): Export[] {
  const found: Export[] = [];
  if (stmt.type === 'export_statement') {
    const decl = stmt.childForFieldName('declaration');
    if (decl?.type === 'lexical_declaration' || decl?.type === 'variable_declaration') {
      for (const d of kids(decl)) {
        const name = d.type === 'variable_declarator' ? d.childForFieldName('name') : null;
        if (name?.type === 'identifier') found.push([name.text, d.childForFieldName('value'), d]);
      }
    } else if (decl?.type === 'function_declaration' || decl?.type === 'generator_function_declaration') {
      const name = decl.childForFieldName('name')?.text;
      if (name) found.push([name, decl, null]);
    }
    const value = stmt.childForFieldName('value');
    if (value?.type === 'object') found.push(...objectExports(value));
    return found;
  }
  const assign = stmt.type === 'expression_statement' ? stmt.namedChild(0) : null;
  if (assign?.type !== 'assignment_expression') return found;
  const left = assign.childForFieldName('left')?.text.replace(/\s/g, '');
  const right = assign.childForFieldName('right');
  const member = left ? /^(?:module\.)?exports\.(\w+)$/.exec(left) : null;
  if (member) found.push([member[1]!, right, assign]);
  else if (left === 'module.exports' && right?.type === 'object') found.push(...objectExports(right));
  return found;
}

function objectExports(obj: SyntaxNode): Export[] {
  const found: Export[] = [];
  for (const prop of kids(obj)) {
    if (prop.type === 'pair') {
      const key = prop.childForFieldName('key');
      const name = key ? stringValue(key) ?? key.text : null;
      if (name) found.push([name, prop.childForFieldName('value'), prop]);
    } else if (prop.type === 'shorthand_property_identifier') found.push([prop.text, prop, null]);
    else if (prop.type === 'method_definition') {
      const name = prop.childForFieldName('name')?.text;
      if (name) found.push([name, prop, null]);
    }
  }
  return found;
}

/** An oclif command: a class extending `Command` (or a base `…Command`) in `src/commands/<topic>/<name>.ts`. */
export function oclifCommand(ctx: FileContext, path: string, out: EntryList): void {
  const parts = path.split('/');
  if (parts[parts.length - 1] === 'index') parts.pop();
  if (parts.length === 0) return;
  for (const cls of ctx.nodes('class_declaration', 'class')) {
    const base = superclass(cls);
    if (!base || !/(?:^|\.)\w*Command$/.test(base.text)) continue;
    const nameNode = cls.childForFieldName('name');
    const line = lineOf(nameNode ?? cls);
    const symbols = ctx.symbols.symbols;
    const own = ctx.symbols.enclosing(line);
    const run = own === null ? -1 : symbols.findIndex((s) => s.name === 'run' && s.parent === own);
    out.add({ kind: 'main', framework: 'oclif', queue: parts.join(':'), symbol: run >= 0 ? run : own, line });
    return;
  }
}

function superclass(cls: SyntaxNode): SyntaxNode | null {
  const heritage = kids(cls).find((c) => c.type === 'class_heritage');
  const first = heritage?.namedChild(0);
  if (!first) return null;
  return first.type === 'extends_clause' ? first.childForFieldName('value') : first;
}
