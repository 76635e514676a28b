// Rust command-line commands from clap: derive (`#[derive(Parser)]`, `#[derive(Subcommand)]`) and builder
// (`Command::new("serve")`). Each is a `main` named by its command; subcommands are named under their parent.
import type { Decoration, SyntaxNode } from './common.js';
import { kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import { stringValue } from './literals.js';
import type { EntryList } from './results.js';
import type { RustCall } from './rustSyntax.js';
import { chainedOn, rustAttributes, rustCall } from './rustSyntax.js';

const CLAP_HINT = /\bclap\b/;
const CLAP_ATTRS = new Set(['command', 'clap', 'structopt']);
const SUBCOMMAND_LINKS = new Set(['subcommand', 'subcommands']);
const MAX_DEPTH = 8;

export function rustCommands(ctx: FileContext, out: EntryList): void {
  if (!CLAP_HINT.test(ctx.source)) return;
  if (ctx.source.includes('derive')) deriveCommands(ctx, out);
  if (/::(?:new|with_name)\s*\(/.test(ctx.source)) builderCommands(ctx, out);
}

// ---- derive --------------------------------------------------------------------------------------------------

/** A clap attribute's flags and `key = value` pairs, across every `#[command(…)]` / `#[clap(…)]` on an item. */
interface ClapAttrs { flags: Set<string>; values: Map<string, SyntaxNode> }

function clapAttrs(item: SyntaxNode): { derives: Set<string>; clap: ClapAttrs } {
  const derives = new Set<string>();
  const clap: ClapAttrs = { flags: new Set(), values: new Map() };
  for (const a of rustAttributes(item)) {
    if (a.name === 'derive') for (const id of attrIdents(a)) derives.add(id);
    else if (CLAP_ATTRS.has(a.name)) {
      for (const id of attrIdents(a)) clap.flags.add(id);
      for (const [k, v] of a.named) if (!clap.values.has(k)) clap.values.set(k, v);
    }
  }
  return { derives, clap };
}

function attrIdents(a: Decoration): string[] {
  return kids(a.node.namedChild(0)?.childForFieldName('arguments')).filter((t) => t.type === 'identifier').map((t) => t.text);
}

interface Variant { node: SyntaxNode; enumName: string; command: string; payload: string[] }

/**
 * `#[derive(Subcommand)] enum Commands { Serve { … }, #[command(name = "db")] Database(DbArgs) }`: each variant is a
 * subcommand, named as clap does (kebab-case unless `rename_all` or `name` says otherwise); a variant holding another
 * subcommand enum (directly or through an args struct's `#[command(subcommand)]` field) names that enum's commands.
 * `#[derive(Parser)] struct Cli` is the root, named by `#[command(name = "app")]` or null.
 */
function deriveCommands(ctx: FileContext, out: EntryList): void {
  const structs = new Map<string, SyntaxNode>();
  const variants: Variant[] = [];
  const roots: { node: SyntaxNode; name: string | null }[] = [];
  for (const item of ctx.nodes('struct_item', 'enum_item')) {
    const name = item.childForFieldName('name')?.text;
    if (!name) continue;
    const { derives, clap } = clapAttrs(item);
    const body = item.childForFieldName('body');
    if (item.type === 'struct_item' && body) structs.set(name, body);
    const parser = derives.has('Parser');
    if (parser) roots.push({ node: item, name: stringValue(clap.values.get('name')) });
    if (item.type === 'enum_item' && (parser || derives.has('Subcommand'))) variants.push(...enumVariants(item, name, stringValue(clap.values.get('rename_all'))));
  }
  // Which variant each subcommand enum hangs under: `Db(DbCommands)`, `Db { #[command(subcommand)] cmd: DbCommands }`, `Db(DbArgs)`.
  const parents = new Map<string, Variant>();
  const payloads = new Set<string>();
  for (const v of variants) {
    for (const type of v.payload) {
      payloads.add(type);
      for (const inner of [type, ...subcommandFields(structs.get(type))]) if (!parents.has(inner)) parents.set(inner, v);
    }
  }
  const fullName = (v: Variant): string => {
    const names = [v.command];
    for (let p = parents.get(v.enumName), depth = 0; p && p !== v && depth < MAX_DEPTH; p = parents.get(p.enumName), depth++) names.unshift(p.command);
    return names.join(' ');
  };
  // An args struct held by a variant may derive Parser too (clap 3 code often does): it is no root.
  for (const root of roots) {
    const name = root.node.childForFieldName('name');
    if (!name || payloads.has(name.text)) continue;
    out.add({ kind: 'main', framework: 'clap', queue: root.name, symbol: ctx.symbols.enclosing(lineOf(name)), line: lineOf(root.node) }, root.node.startIndex);
  }
  for (const v of variants) {
    const line = lineOf(v.node);
    out.add({ kind: 'main', framework: 'clap', queue: fullName(v), symbol: ctx.symbols.enclosing(line), line }, v.node.startIndex);
  }
}

function enumVariants(item: SyntaxNode, enumName: string, renameAll: string | null): Variant[] {
  const found: Variant[] = [];
  for (const variant of kids(item.childForFieldName('body'))) {
    const name = variant.type === 'enum_variant' ? variant.childForFieldName('name')?.text : undefined;
    if (!name) continue;
    const { clap } = clapAttrs(variant);
    // `external_subcommand` catches unknown names; `flatten` lifts another enum's commands, found on that enum.
    if (clap.flags.has('external_subcommand') || clap.flags.has('flatten') || clap.flags.has('skip')) continue;
    const command = stringValue(clap.values.get('name')) ?? renamed(name, renameAll);
    found.push({ node: variant, enumName, command, payload: payloadTypes(variant.childForFieldName('body')) });
  }
  return found;
}

/** Types a variant may hold subcommands in: a tuple variant's field, or struct-variant fields marked `subcommand`. */
function payloadTypes(body: SyntaxNode | null): string[] {
  if (body?.type === 'ordered_field_declaration_list') {
    const type = body.childForFieldName('type');
    return type ? [typeName(type)] : [];
  }
  return subcommandFields(body);
}

/** Types of the `#[command(subcommand)]` fields in a struct's (or a struct variant's) field list. */
function subcommandFields(body: SyntaxNode | null | undefined): string[] {
  if (body?.type !== 'field_declaration_list') return [];
  const types: string[] = [];
  for (const field of kids(body)) {
    if (field.type !== 'field_declaration' || !clapAttrs(field).clap.flags.has('subcommand')) continue;
    const type = field.childForFieldName('type');
    if (type) types.push(typeName(type));
  }
  return types;
}

/** `Option<DbCommands>`, `Box<DbArgs>`, `cli::DbCommands` → the type named. */
function typeName(type: SyntaxNode): string {
  const generic = /^(?:Option|Box)\s*<\s*(.+?)\s*>$/.exec(type.text);
  const text = generic ? generic[1]! : type.text;
  return text.slice(text.lastIndexOf(':') + 1).replace(/<.*$/, '');
}

/** A variant name as clap spells it: kebab-case by default, else as `rename_all` says. */
export function renamed(name: string, rule: string | null): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').split(/[\s_-]+/).filter((w) => w);
  const lower = words.map((w) => w.toLowerCase());
  const title = lower.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  switch (rule?.toLowerCase().replace(/[-_\s]/g, '')) {
    case 'snakecase': case 'snake': return lower.join('_');
    case 'screamingsnakecase': case 'screamingsnake': return lower.join('_').toUpperCase();
    case 'camelcase': case 'camel': return lower[0] + title.slice(1).join('');
    case 'pascalcase': case 'pascal': return title.join('');
    case 'lower': case 'lowercase': return lower.join('');
    case 'upper': case 'uppercase': return lower.join('').toUpperCase();
    case 'verbatim': case 'verbatimcase': return name;
    default: return lower.join('-');
  }
}

// ---- builder -------------------------------------------------------------------------------------------------

/**
 * `Command::new("serve")`, `App::new("x")` and clap 2's `SubCommand::with_name("serve")`: named by the literal; one
 * passed to another's `.subcommand(…)` is named under it (the root's name stays off, as a user types it first).
 */
function builderCommands(ctx: FileContext, out: EntryList): void {
  const bare = bareClapTypes(ctx.source);
  for (const node of ctx.nodes('call_expression')) {
    const c = rustCall(node);
    if (!c || c.receiver || !isCommandNew(c, bare)) continue;
    const full = builderName(c, bare, 0);
    const line = lineOf(node);
    out.add({ kind: 'main', framework: 'clap', queue: full, symbol: ctx.symbols.enclosing(line), line }, node.startIndex);
  }
}

/** Which of `Command`, `App`, `SubCommand` a file names unqualified as clap's (`use clap::{App, Arg};`). */
function bareClapTypes(source: string): Set<string> {
  const found = new Set<string>();
  for (const use of source.matchAll(/\buse\s+clap::([^;]*);/g)) {
    for (const type of ['Command', 'App', 'SubCommand']) if (new RegExp(String.raw`\b${type}\b`).test(use[1]!)) found.add(type);
  }
  // `std::process::Command` shares the name: `Command::new("ls")` is then a process unless clap's is imported.
  return found;
}

function isCommandNew(c: RustCall, bare: ReadonlySet<string>): boolean {
  const m = /^(?:(clap)::)?(?:builder::)?(Command|App|SubCommand)::(new|with_name)$/.exec(c.path);
  if (!m) return false;
  const [, qualified, type, ctor] = m;
  if ((type === 'SubCommand') !== (ctor === 'with_name')) return false;
  return qualified !== undefined || bare.has(type!);
}

/** The command's name under the subcommands holding it; a literal's value, else null (`Command::new(NAME)`). */
function builderName(c: RustCall, bare: ReadonlySet<string>, depth: number): string | null {
  const own = stringValue(c.args[0]);
  if (own === null || depth > MAX_DEPTH) return own;
  const parent = holder(c.node, bare);
  if (!parent || !isSubcommand(parent, bare)) return own;
  const outer = builderName(parent, bare, depth + 1);
  return outer ? `${outer} ${own}` : own;
}

/** The `Command::new(…)` whose `.subcommand(…)` / `.subcommands([…])` this command is passed to, or null. */
function holder(node: SyntaxNode, bare: ReadonlySet<string>): RustCall | null {
  for (let p = node.parent, depth = 0; p && depth < 64; p = p.parent, depth++) {
    if (p.type === 'function_item' || p.type === 'closure_expression') return null;
    if (p.type !== 'arguments') continue;
    // The command's own chain (`Command::new("x").about(…)`) passes through no arguments: the first is its holder's.
    const link = p.parent?.type === 'call_expression' ? rustCall(p.parent) : null;
    return link && SUBCOMMAND_LINKS.has(link.name) ? chainBase(link, bare) : null;
  }
  return null;
}

/** `Command::new("git").about(…).subcommand(…)` → the `Command::new("git")` it is chained on. */
function chainBase(link: RustCall, bare: ReadonlySet<string>): RustCall | null {
  for (let c = chainedOn(link), depth = 0; c && depth < 64; c = chainedOn(c), depth++) {
    if (!c.receiver) return isCommandNew(c, bare) ? c : null;
  }
  return null;
}

/** Whether a command is itself a subcommand (its name is then part of the names under it). */
function isSubcommand(c: RustCall, bare: ReadonlySet<string>): boolean {
  return holder(c.node, bare) !== null;
}
