// Node command-line commands: commander, yargs (chains and command modules) and oclif. Each is a `main` named by its command.
import type { SyntaxNode } from './common.js';
import { handlerRef, kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import { stringValue } from './literals.js';
import type { JsScope } from './nodeSyntax.js';
import { jsScope, memberCall, moduleOf, objectProperty } from './nodeSyntax.js';
import { commandModule, firstWord, oclifCommand, yargsName } from './nodeCommandModules.js';
import type { EntryList } from './results.js';

const CLI_HINT = /['"](?:commander|@commander-js\/extra-typings|yargs(?:\/yargs)?|@oclif\/core|@oclif\/command)['"]/;
const MODULE_HINT = /\bcommand\s*[:=]/;
const COMMANDER_MODULES = new Set(['commander', '@commander-js/extra-typings']);
const YARGS_MODULES = new Set(['yargs', 'yargs/yargs']);
// oclif names a command by its file under the commands directory: `src/commands/db/migrate.ts` → `db:migrate`.
const OCLIF_FILE = /(?:^|\/)src\/commands\/((?:[\w-]+\/)*[\w-]+)\.[cm]?[jt]sx?$/;
const COMMAND = new Set(['command']);
const CHAIN_END = new Set(['command', 'addCommand']);
const FUNCTION_TYPES = new Set(['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration', 'function']);
const DESCRIPTION_TYPES = new Set(['string', 'template_string', 'false', 'object']);
const MAX_DEPTH = 8;

type Framework = 'commander' | 'yargs';

export function nodeCommands(ctx: FileContext, out: EntryList): void {
  if (CLI_HINT.test(ctx.source)) {
    const scope = jsScope(ctx);
    const commander = [...COMMANDER_MODULES].some((m) => scope.modules.has(m));
    const yargs = [...YARGS_MODULES].some((m) => scope.modules.has(m));
    if (commander || yargs) new Chains(ctx, scope, commander, yargs, out).run();
    const oclif = OCLIF_FILE.exec(ctx.relPath);
    if (oclif && !/\.d\.[cm]?ts$/.test(ctx.relPath) && (scope.modules.has('@oclif/core') || scope.modules.has('@oclif/command'))) oclifCommand(ctx, oclif[1]!, out);
  }
  // yargs command modules need no import of yargs: the exports are the contract.
  if (MODULE_HINT.test(ctx.source) && ctx.source.includes('handler')) commandModule(ctx, out);
}

class Chains {
  private readonly variables = new Map<string, SyntaxNode>();
  private readonly actions = new Map<string, SyntaxNode>();
  private readonly added = new Set<string>();

  constructor(
    private readonly ctx: FileContext,
    private readonly scope: JsScope,
    private readonly commander: boolean,
    private readonly yargs: boolean,
    private readonly out: EntryList,
  ) {}

  run(): void {
    const calls = this.ctx.nodes('call_expression');
    for (const decl of this.ctx.nodes('variable_declarator')) {
      const name = decl.childForFieldName('name');
      const value = decl.childForFieldName('value');
      if (name?.type === 'identifier' && value && !this.variables.has(name.text)) this.variables.set(name.text, value);
    }
    if (this.commander) this.indexCommanderLinks(calls);
    for (const call of calls) {
      const mc = memberCall(call, COMMAND);
      if (!mc || mc.args.length === 0) continue;
      const framework = this.frameworkOf(mc.receiver, mc.args[1]);
      if (framework === 'commander') this.commanderCommand(call, mc.args);
      else if (framework === 'yargs') this.yargsCommand(call, mc.args);
    }
    if (this.commander) {
      for (const created of this.ctx.nodes('new_expression')) this.newCommand(created);
    }
  }

  /**
   * The framework a `.command(…)` receiver belongs to: by its import, else the one CLI module the file imports when
   * the call has the shape both take (a description, options or nothing after the name; not `bot.command('x', fn)`).
   */
  private frameworkOf(receiver: SyntaxNode, second: SyntaxNode | undefined): Framework | null {
    const module = moduleOf(receiver, this.scope);
    if (module !== null) return COMMANDER_MODULES.has(module) ? 'commander' : YARGS_MODULES.has(module) ? 'yargs' : null;
    if (this.commander === this.yargs || (second && !DESCRIPTION_TYPES.has(second.type))) return null;
    return this.commander ? 'commander' : 'yargs';
  }

  // `cmd.action(fn)` written apart from where `cmd` was made, and `parent.addCommand(cmd)`.
  private indexCommanderLinks(calls: readonly SyntaxNode[]): void {
    for (const call of calls) {
      const mc = memberCall(call);
      if (!mc) continue;
      if (mc.method === 'addCommand' && mc.args[0]?.type === 'identifier') this.added.add(mc.args[0].text);
      if (mc.method !== 'action') continue;
      // `program.command('x').action(fn)` is the action of `x`, not of `program`.
      const root = chainRoot(mc.receiver, COMMAND);
      if (root?.type === 'identifier' && !this.actions.has(root.text)) this.actions.set(root.text, mc.args[0] ?? call);
    }
  }

  /** `program.command('serve <port>')…action(fn)`; nested `program.command('db').command('migrate')` → `db migrate`. */
  private commanderCommand(call: SyntaxNode, args: SyntaxNode[]): void {
    const own = firstWord(stringValue(args[0]));
    const receiver = call.childForFieldName('function')?.childForFieldName('object');
    if (own === null || !receiver) return;
    const parent = this.commanderName(receiver, 0);
    // An executable subcommand (`.command('install', 'description')`) runs another file and returns the parent.
    const action = stringValue(args[1]) !== null ? null : chainAction(call) ?? this.boundAction(call);
    this.emit('commander', parent ? `${parent} ${own}` : own, action, call);
  }

  /** `new Command('serve')`, with its `.action(fn)` on the same chain or on the variable holding it. */
  private newCommand(created: SyntaxNode): void {
    const ctor = created.childForFieldName('constructor');
    if (ctor?.type !== 'identifier' || ctor.text !== 'Command' || !COMMANDER_MODULES.has(moduleOf(ctor, this.scope) ?? '')) return;
    const name = firstWord(stringValue(created.childForFieldName('arguments')?.namedChild(0)));
    if (name === null) return;
    this.emit('commander', name, chainAction(created) ?? this.boundAction(created), created);
  }

  /**
   * The full name of the command a commander expression holds, or null for the root program or an unknown one;
   * a `new Command('x')` is a subcommand only when its variable is passed to `addCommand`.
   */
  private commanderName(node: SyntaxNode, depth: number, added = false): string | null {
    if (depth > MAX_DEPTH) return null;
    if (node.type === 'identifier') {
      const value = this.variables.get(node.text);
      return value ? this.commanderName(value, depth + 1, this.added.has(node.text)) : null;
    }
    if (node.type === 'new_expression') return added ? firstWord(stringValue(node.childForFieldName('arguments')?.namedChild(0))) : null;
    if (node.type !== 'call_expression') return null;
    const mc = memberCall(node);
    if (!mc) return null;
    const parent = this.commanderName(mc.receiver, depth + 1, added);
    // `.command('name', 'description')` declares an executable subcommand and returns the parent, as do the other links.
    if (mc.method !== 'command' || stringValue(mc.args[1]) !== null) return parent;
    const own = firstWord(stringValue(mc.args[0]));
    if (own === null) return null;
    return parent ? `${parent} ${own}` : own;
  }

  /** `const serve = program.command('serve'); serve.action(fn)`. */
  private boundAction(made: SyntaxNode): SyntaxNode | null {
    let top = made;
    while (top.parent && isChainLink(top) && !CHAIN_END.has(linkName(top.parent.parent!) ?? '')) top = top.parent.parent!;
    const decl = top.parent;
    const name = decl?.type === 'variable_declarator' && decl.childForFieldName('value')?.id === top.id ? decl.childForFieldName('name') : null;
    return name?.type === 'identifier' ? this.actions.get(name.text) ?? null : null;
  }

  /**
   * `.command('serve [port]', 'desc', builder, handler)`, `.command(['serve', 's'], 'desc', module)` and
   * `.command({ command, handler })`; commands added inside another's builder are named under it.
   */
  private yargsCommand(call: SyntaxNode, args: SyntaxNode[]): void {
    const [a0, , a2, a3] = args;
    const spec = a0?.type === 'object' ? objectProperty(a0, 'command') : a0;
    const handler = a0?.type === 'object' ? objectProperty(a0, 'handler') : a3 ?? objectProperty(a2, 'handler');
    const name = yargsName(spec);
    if (name === undefined) return;
    const parent = this.yargsParent(call, 0);
    const full = [parent, name].filter((p) => p).join(' ') || null;
    this.emit('yargs', full, handler, call);
  }

  // A command added in the builder of another (`.command(name, desc, (y) => y.command(…))`, `{ builder }`) is its subcommand.
  private yargsParent(call: SyntaxNode, depth: number): string | null {
    if (depth > MAX_DEPTH) return null;
    const fn = ancestorFunction(call);
    if (!fn?.parent) return null;
    const pair = fn.parent.type === 'pair' && fn.parent.childForFieldName('key')?.text === 'builder' ? fn.parent : null;
    const args = pair ? pair.parent?.parent : fn.parent;
    const holderCall = args?.type === 'arguments' ? args.parent : null;
    const holder = holderCall ? memberCall(holderCall, COMMAND) : null;
    if (!holder || !holderCall) return null;
    const spec = pair ? (holder.args[0]?.id === pair.parent?.id ? objectProperty(holder.args[0], 'command') : undefined) : holder.args[2]?.id === fn.id ? holder.args[0] : undefined;
    const own = yargsName(spec);
    if (own === undefined) return null;
    const outer = this.yargsParent(holderCall, depth + 1);
    return [outer, own].filter((x) => x).join(' ') || null;
  }

  private emit(framework: Framework, name: string | null, action: SyntaxNode | null | undefined, at: SyntaxNode): void {
    const line = lineOf(linkProperty(at) ?? at);
    const { symbol, handler } = attach(this.ctx, action, at, line);
    this.out.add({ kind: 'main', framework, queue: name, symbol, handler, line }, at.startIndex);
  }
}

/**
 * The action's own symbol when it is a function named here, else the function around the command (null at top level);
 * a named action not defined here is kept as the handler, for the indexer to link by name.
 */
function attach(ctx: FileContext, action: SyntaxNode | null | undefined, at: SyntaxNode, line: number): { symbol: number | null; handler: string | null } {
  const ref = action && action.type !== 'shorthand_property_identifier' ? handlerRef(action) : action?.text ?? null;
  const own = ref !== null && !ref.includes('.') ? ctx.symbols.byName(ref) : null;
  if (own !== null) return { symbol: own, handler: null };
  const inFunction = ancestorFunction(at) !== null;
  return { symbol: inFunction ? ctx.symbols.enclosing(line) : null, handler: ref };
}

function ancestorFunction(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (FUNCTION_TYPES.has(p.type)) return p;
  return null;
}

/** The `.action(fn)` further along the chain a command was made on, before any link that changes the command. */
function chainAction(made: SyntaxNode): SyntaxNode | null {
  for (let node = made, depth = 0; isChainLink(node) && depth < 32; depth++) {
    const call = node.parent!.parent!;
    const name = linkName(call);
    if (name === 'action') return kids(call.childForFieldName('arguments'))[0] ?? null;
    if (CHAIN_END.has(name ?? '')) return null;
    node = call;
  }
  return null;
}

// `node.x(…)`: the node is the object of a member expression that is called.
function isChainLink(node: SyntaxNode): boolean {
  const member = node.parent;
  return member?.type === 'member_expression' && member.childForFieldName('object')?.id === node.id && member.parent?.type === 'call_expression' && member.parent.childForFieldName('function')?.id === member.id;
}

function linkName(call: SyntaxNode): string | null {
  const fn = call.childForFieldName('function');
  return fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text ?? null : null;
}

/** The `command` in `program\n  .command(…)`: the line a chained command is written on. */
function linkProperty(node: SyntaxNode): SyntaxNode | null {
  return node.type === 'call_expression' ? node.childForFieldName('function')?.childForFieldName('property') ?? null : null;
}

/** The name or expression a call chain starts from; null when a link named in `stop` is on the way. */
function chainRoot(expr: SyntaxNode, stop: ReadonlySet<string>): SyntaxNode | null {
  let n: SyntaxNode | null = expr;
  for (let depth = 0; n && depth < 32; depth++) {
    if (n.type === 'call_expression' && stop.has(linkName(n) ?? '')) return null;
    if (n.type === 'call_expression') n = n.childForFieldName('function');
    else if (n.type === 'member_expression') n = n.childForFieldName('object');
    else return n;
  }
  return null;
}
