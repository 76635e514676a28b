// Elixir jobs and mains: Oban workers and Oban cron entries, Quantum schedules, Mix tasks, escripts.
import type { SyntaxNode } from './common.js';
import { kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import type { ExModule } from './elixirSyntax.js';
import { aliasName, atomName, exCall, functionIn, keywordList, modules, sigilName, stringText, underscore, uses, word } from './elixirSyntax.js';
import { oneLine } from './literals.js';
import type { EntryList } from './results.js';

const USE_HINT = /\buse\s+(?:Oban\.|Mix\.Task)/;
const OBAN_WORKER = /^Oban\.(?:Pro\.)?Workers?(?:\.\w+)?$/;
const MIX_TASK = /^Mix\.Task(?:\.Compiler)?$/;

export function elixirJobs(ctx: FileContext, out: EntryList): void {
  if (USE_HINT.test(ctx.source)) workersAndTasks(ctx, out);
  const cron = /\bcrontab:/.test(ctx.source);
  const quantum = /\bjobs:/.test(ctx.source) && /\bconfig\b/.test(ctx.source);
  const escript = /\bescript:/.test(ctx.source) && /(?:^|\/)mix\.exs$/.test(ctx.relPath);
  if (!cron && !quantum && !escript) return;
  for (const pair of ctx.nodes('pair')) {
    const key = pair.childForFieldName('key')?.text.trim();
    const value = pair.childForFieldName('value');
    if (!value) continue;
    if (cron && key === 'crontab:') obanCron(ctx, value, out);
    else if (quantum && key === 'jobs:' && inConfig(pair)) quantumJobs(ctx, value, out);
    else if (escript && key === 'escript:') escriptMain(ctx, pair, value, out);
  }
}

/** `use Oban.Worker, queue: :events` → a listener on `perform`; `use Mix.Task` → the `mix` command, on `run`. */
function workersAndTasks(ctx: FileContext, out: EntryList): void {
  for (const module of modules(ctx)) {
    for (const use of uses(module.body)) {
      const used = aliasName(use.positional[0])!;
      if (OBAN_WORKER.test(used)) {
        const queueNode = use.options.get('queue');
        const queue = queueNode ? word(queueNode) ?? oneLine(queueNode.text) : null;
        // Oban Pro workers implement `process/1` instead.
        const symbol = functionIn(ctx, module, 'perform') ?? functionIn(ctx, module, 'process') ?? module.symbol;
        out.add({ kind: 'listener', framework: 'oban', queue, symbol, line: lineOf(module.node) });
      } else if (MIX_TASK.test(used)) {
        out.add({ kind: 'main', framework: 'mix', queue: mixCommand(module), symbol: functionIn(ctx, module, 'run') ?? module.symbol, line: lineOf(module.node) });
      }
    }
  }
}

/** `Mix.Tasks.Ecto.Gen.Repo` → `ecto.gen.repo`, `Mix.Tasks.PhxNew` → `phx_new`; null outside `Mix.Tasks`. */
function mixCommand(module: ExModule): string | null {
  const m = /^Mix\.Tasks\.(.+)$/.exec(module.fqn);
  return m ? m[1]!.split('.').map(underscore).join('.') : null;
}

/** `{Oban.Plugins.Cron, crontab: [{"* * * * *", MyApp.Worker}, {"@daily", MyApp.Daily, args: %{}}]}`. */
function obanCron(ctx: FileContext, list: SyntaxNode, out: EntryList): void {
  if (list.type !== 'list') return;
  for (const entry of kids(list)) {
    if (entry.type !== 'tuple') continue;
    const [when, worker] = kids(entry);
    const schedule = cronText(when);
    const module = aliasName(worker);
    if (schedule === null || module === null) continue;
    const handler = `${module}.perform`;
    out.add({ kind: 'schedule', framework: 'oban', schedule, handler, symbol: symbolFor(ctx, handler), line: lineOf(entry) });
  }
}

/** `config :app, App.Scheduler, jobs: [{"@daily", {Mod, :fun, []}}, name: [schedule: "…", task: &Mod.fun/0]]`. */
function quantumJobs(ctx: FileContext, list: SyntaxNode, out: EntryList): void {
  if (list.type !== 'list') return;
  const add = (whenNode: SyntaxNode | undefined, task: SyntaxNode | undefined, at: SyntaxNode): void => {
    const schedule = cronText(whenNode);
    if (schedule === null) return;
    const handler = taskName(task);
    out.add({ kind: 'schedule', framework: 'quantum', schedule, handler, symbol: handler === null ? null : symbolFor(ctx, handler), line: lineOf(at) });
  };
  for (const entry of kids(list)) {
    if (entry.type === 'tuple') {
      const [when, task] = kids(entry);
      add(when, task, entry);
    } else if (entry.type === 'keywords') {
      for (const named of kids(entry)) {
        const job = keywordList(named.childForFieldName('value'));
        add(job.get('schedule'), job.get('task'), named);
      }
    }
  }
}

// `"* * * * *"`, `~e[*/2]e` (Quantum's extended cron) → the cron text.
function cronText(node: SyntaxNode | null | undefined): string | null {
  if (node?.type === 'sigil' && sigilName(node) !== 'e') return null;
  return stringText(node);
}

/** `{Mod, :fun, args}`, `&Mod.fun/1` → `Mod.fun`; a closure or anything else → null. */
function taskName(node: SyntaxNode | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'tuple') {
    const [module, fun] = kids(node);
    const m = aliasName(module);
    const f = atomName(fun);
    return m !== null && f !== null ? `${m}.${f}` : null;
  }
  if (node.type === 'unary_operator' && node.childForFieldName('operator')?.text === '&') {
    const captured = node.childForFieldName('operand');
    const c = exCall(captured?.type === 'binary_operator' ? captured.childForFieldName('left') : captured);
    const m = aliasName(c?.receiver);
    return c && m !== null ? `${m}.${c.name}` : null;
  }
  return null;
}

/** mix.exs `escript: [main_module: MyApp.CLI, name: "tool"]` → a main on `MyApp.CLI.main`, named as the escript. */
function escriptMain(ctx: FileContext, pair: SyntaxNode, value: SyntaxNode, out: EntryList): void {
  const options = keywordList(value);
  const module = aliasName(options.get('main_module'));
  if (module === null) return;
  const handler = `${module}.main`;
  const app = ctx.nodes('pair').find((p) => p.childForFieldName('key')?.text.trim() === 'app:');
  const name = word(options.get('name')) ?? atomName(app?.childForFieldName('value'));
  out.add({ kind: 'main', framework: 'escript', queue: name, handler, symbol: symbolFor(ctx, handler), line: lineOf(pair) });
}

/** Whether a keyword sits in a `config :app, Key, …` call. */
function inConfig(pair: SyntaxNode): boolean {
  const call = pair.parent?.parent?.parent;
  const c = exCall(call);
  return c?.name === 'config' && !c.receiver;
}

/** The symbol a `Mod.fun` handler names when it is defined in this file, else null (linked later across files). */
function symbolFor(ctx: FileContext, handler: string): number | null {
  const i = ctx.symbols.symbols.findIndex((s) => s.fqn === handler);
  return i < 0 ? null : i;
}
