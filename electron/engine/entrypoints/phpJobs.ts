// Laravel jobs: Artisan (and Symfony console) commands, the scheduler, and queued jobs and listeners (`ShouldQueue`).
import type { SyntaxNode } from './common.js';
import { kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import type { PhpScope } from './phpSyntax.js';
import {
  baseName, classConstant, enclosingCode, isMemberCall, methodNamed, phpArgs, phpCall, phpScope, phpString, propertyDefault, resolveClass,
  supertypes, symbolByFqn,
} from './phpSyntax.js';
import type { EntryList } from './results.js';

export function phpJobs(ctx: FileContext, out: EntryList): void {
  const src = ctx.source;
  if (/Command\b/.test(src) && /\$(?:signature|name|defaultName)\s*=|AsCommand/.test(src)) commands(ctx, out);
  if (src.includes('Artisan::command')) closureCommands(ctx, out);
  if (SCHEDULE_HINT.test(src)) schedules(ctx, out);
  if (src.includes('ShouldQueue')) queued(ctx, out);
}

// Where a command's work is done: Laravel's `handle` (`fire` before 5.5), Symfony's `execute` or an invokable.
const COMMAND_BODIES = ['handle', 'fire', '__invoke', 'execute'];

/** `class SendMail extends Command { protected $signature = 'mail:send {user}'; }`: a main named by its command. */
function commands(ctx: FileContext, out: EntryList): void {
  const scope = phpScope(ctx);
  for (const cls of ctx.nodes('class_declaration')) {
    const base = supertypes(cls, 'base_clause')[0];
    if (!base || !baseName(base.text).endsWith('Command')) continue;
    const named = commandName(cls);
    if (!named) continue;
    const laravel = named.laravel || resolveClass(scope, base.text).startsWith('Illuminate\\') || ctx.source.includes('Illuminate\\');
    const body = COMMAND_BODIES.map((m) => methodNamed(cls, m)).find((m) => m !== null);
    const at = body?.childForFieldName('name') ?? cls.childForFieldName('name') ?? cls;
    out.add({ kind: 'main', framework: laravel ? 'artisan' : 'symfony', queue: named.name, symbol: enclosingCode(ctx, lineOf(at)), line: named.line });
  }
}

const COMMAND = new Set(['command']);
const ARTISAN_FACADE = /^\\?(?:Illuminate\\Support\\Facades\\)?Artisan$/;

/** `Artisan::command('inspire {user}', function () { … })` in routes/console.php: a main run by the closure. */
function closureCommands(ctx: FileContext, out: EntryList): void {
  for (const node of ctx.nodes('scoped_call_expression')) {
    const c = phpCall(node, COMMAND);
    const name = c?.scope && ARTISAN_FACADE.test(c.scope) ? phpString(c.positional[0])?.trim().split(/[\s{]/)[0] : null;
    if (!name) continue;
    const line = lineOf(node);
    out.add({ kind: 'main', framework: 'artisan', queue: name, symbol: enclosingCode(ctx, line), line });
  }
}

/** The command name from `$signature` (its first word), `$name`, `#[AsCommand(name: …)]` or `static $defaultName`. */
function commandName(cls: SyntaxNode): { name: string; line: number; laravel: boolean } | null {
  for (const prop of ['signature', 'name', 'defaultName']) {
    const value = propertyDefault(cls, prop);
    const name = phpString(value)?.trim().split(/[\s{]/)[0];
    if (value && name) return { name, line: lineOf(value), laravel: prop !== 'defaultName' };
  }
  for (const group of kids(cls.childForFieldName('attributes'))) {
    for (const attr of kids(group)) {
      if (baseName(kids(attr).find((c) => c.type === 'name' || c.type === 'qualified_name')?.text ?? '') !== 'AsCommand') continue;
      const { positional, named } = phpArgs(attr.childForFieldName('parameters'));
      const name = phpString(named.get('name') ?? positional[0])?.split('|')[0];
      if (name) return { name, line: lineOf(attr), laravel: false };
    }
  }
  return null;
}

const SCHEDULE_HINT = /\$schedule\s*->\s*(?:command|job|call|exec)\b|Schedule::(?:command|job|call|exec)\b/;
const SCHEDULED = new Set(['command', 'job', 'call', 'exec']);
const SCHEDULE_FACADE = /^\\?(?:Illuminate\\Support\\Facades\\)?Schedule$/;
// The Scheduler's frequency and time constraints; `withoutOverlapping`, `onOneServer`, hooks and the like are not when.
const FREQUENCY = /^(?:cron|every\w+|hourly(?:At)?|daily(?:At)?|twiceDaily(?:At)?|weekly(?:On)?|monthly(?:On)?|twiceMonthly|lastDayOfMonth|quarterly(?:On)?|yearly(?:On)?|weekdays|weekends|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|days|at|between|unlessBetween|timezone)$/;

/** `$schedule->command('emails:send')->daily()`, `Schedule::job(new Heartbeat)->everyFiveMinutes()` (Laravel 11 routes/console.php). */
function schedules(ctx: FileContext, out: EntryList): void {
  const scope = phpScope(ctx);
  for (const node of ctx.nodes('member_call_expression', 'scoped_call_expression')) {
    const c = phpCall(node, SCHEDULED);
    if (!c || !(c.receiver?.text === '$schedule' || (c.scope !== null && SCHEDULE_FACADE.test(c.scope)))) continue;
    const handler = scheduled(c.name, c.positional[0], scope);
    const line = lineOf(node);
    const symbol = handler ? symbolByFqn(ctx, handler) : enclosingCode(ctx, line);
    out.add({ kind: 'schedule', framework: 'laravel', schedule: frequency(node), handler, symbol, line });
  }
}

/** What runs: the command's name, the job's or command's class (`::handle`), an invokable's `__invoke`, the shell command. */
function scheduled(kind: string, what: SyntaxNode | undefined, scope: PhpScope): string | null {
  if (!what) return null;
  const constant = classConstant(what);
  const created = what.type === 'object_creation_expression' ? kids(what).find((c) => c.type === 'name' || c.type === 'qualified_name')?.text : undefined;
  const cls = constant ?? created;
  if (cls) return `${resolveClass(scope, cls)}::${kind === 'call' ? '__invoke' : 'handle'}`;
  const text = phpString(what);
  if (text === null || kind === 'call') return null;
  return kind === 'command' ? text.trim().split(/\s+/)[0] || null : text;
}

/** The frequency calls chained after the scheduled task, as written: `dailyAt('13:00')` → `dailyAt 13:00`, `cron('…')` → the expression. */
function frequency(node: SyntaxNode): string | null {
  const parts: string[] = [];
  for (let cur = node, p = node.parent; isMemberCall(p) && p.childForFieldName('object')?.id === cur.id; cur = p, p = p.parent) {
    const link = phpCall(p);
    if (!link || !FREQUENCY.test(link.name)) continue;
    const args = link.positional.map((a) => phpString(a) ?? a.text);
    parts.push(link.name === 'cron' && args.length ? args.join(' ') : [link.name, ...args].join(' '));
  }
  return parts.length ? parts.join(', ') : null;
}

/** A class implementing `ShouldQueue` (a queued job, listener, mail or notification): a listener on its queue. */
function queued(ctx: FileContext, out: EntryList): void {
  for (const cls of ctx.nodes('class_declaration')) {
    const marker = supertypes(cls, 'class_interface_clause').find((n) => baseName(n.text) === 'ShouldQueue');
    if (!marker) continue;
    const handle = methodNamed(cls, 'handle');
    const at = handle?.childForFieldName('name') ?? cls.childForFieldName('name') ?? cls;
    out.add({ kind: 'listener', framework: 'laravel', queue: queueName(cls), symbol: enclosingCode(ctx, lineOf(at)), line: lineOf(marker) });
  }
}

/** `public $queue = 'emails';`, or `$this->onQueue('emails')` in the constructor. */
function queueName(cls: SyntaxNode): string | null {
  const declared = phpString(propertyDefault(cls, 'queue'));
  if (declared) return declared;
  const ctor = methodNamed(cls, '__construct');
  return ctor ? /->onQueue\(\s*['"]([^'"]+)['"]\s*\)/.exec(ctor.text)?.[1] ?? null : null;
}
