// Ruby jobs and mains: ActiveJob and Sidekiq workers, whenever schedules, Rake tasks, `if __FILE__ == $0`.
import type { SyntaxNode } from './common.js';
import { kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import { oneLine } from './literals.js';
import type { EntryList } from './results.js';
import type { RbCall } from './rubySyntax.js';
import { bodyStatements, isConstant, rbCall, symbolName, word, words } from './rubySyntax.js';

const WORKER_HINT = /ApplicationJob|ActiveJob::Base|Job\b|Sidekiq::(?:Worker|Job)\b/;
// A project's own base job (`class ReportJob < BaseJob`) counts when the class defines `perform`.
const JOB_SUPERCLASS = /^(?:::)?(?:ApplicationJob|ActiveJob::Base)$|Job$/;
const SIDEKIQ_MIXIN = /^(?:::)?Sidekiq::(?:Worker|Job)$/;
const RAKE_FILE = /(?:^|\/)(?:[Rr]akefile(?:\.rb)?|[^/]+\.rake)$/;
const TASKS = new Set(['task', 'multitask']);
const SCHEDULE_FILE = /(?:^|\/)schedule\.rb$/;
const MAIN_CONDITION = /^(?:__FILE__\s*==\s*\$(?:0|PROGRAM_NAME)|\$(?:0|PROGRAM_NAME)\s*==\s*__FILE__)$/;

export function rubyJobs(ctx: FileContext, out: EntryList): void {
  if (WORKER_HINT.test(ctx.source)) workers(ctx, out);
  if (RAKE_FILE.test(ctx.relPath) && /\btask\b|Task\.new/.test(ctx.source)) rakeTasks(ctx, out);
  if (SCHEDULE_FILE.test(ctx.relPath) && /\bevery\b/.test(ctx.source)) wheneverJobs(ctx, out);
  if (ctx.source.includes('__FILE__')) mains(ctx, out);
}

/** `class X < ApplicationJob` (`queue_as :mailers`), `include Sidekiq::Job` (`sidekiq_options queue: 'x'`), attached to `perform`. */
function workers(ctx: FileContext, out: EntryList): void {
  for (const cls of ctx.nodes('class')) {
    const superclass = cls.childForFieldName('superclass')?.namedChild(0)?.text.replace(/\s+/g, '') ?? '';
    const body = bodyStatements(cls);
    const calls = body.map((s) => rbCall(s)).filter((c): c is RbCall => c !== null && !c.receiver);
    const sidekiq = calls.some((c) => c.name === 'include' && c.positional.some((p) => SIDEKIQ_MIXIN.test(p.text.replace(/\s+/g, ''))));
    const perform = body.find((s) => s.type === 'method' && s.childForFieldName('name')?.text === 'perform');
    const activeJob = !sidekiq && JOB_SUPERCLASS.test(superclass) && (perform !== undefined || /ApplicationJob|ActiveJob::Base/.test(superclass));
    if (!sidekiq && !activeJob) continue;
    const queueCall = calls.find((c) => c.name === (sidekiq ? 'sidekiq_options' : 'queue_as'));
    const queueNode = sidekiq ? queueCall?.options.get('queue') : queueCall?.positional[0];
    const queue = queueNode ? word(queueNode) ?? oneLine(queueNode.text) : null;
    const line = lineOf(cls);
    const symbol = ctx.symbols.enclosing(lineOf(perform?.childForFieldName('name') ?? cls.childForFieldName('name') ?? cls));
    out.add({ kind: 'listener', framework: sidekiq ? 'sidekiq' : 'activejob', queue, symbol, line });
  }
}

/** `task :name`, `task name: :dep`, `task 'name' => [:deps]`, `task :name, [:arg] => :dep` in `namespace :db` → `db:name`. */
function rakeTasks(ctx: FileContext, out: EntryList): void {
  for (const node of ctx.nodes('call')) {
    const c = rbCall(node);
    if (!c) continue;
    let name: string | null = null;
    if (TASKS.has(c.name) && !c.receiver) name = taskName(c);
    // `Rake::TestTask.new(:test)`, `RSpec::Core::RakeTask.new(:spec)`: tasks made by a task library.
    else if (c.name === 'new' && c.receiver && /Task$/.test(c.receiver.text)) name = word(c.positional[0]);
    if (name === null) continue;
    const full = [...namespaces(node), name].join(':');
    const line = lineOf(node);
    out.add({ kind: 'main', framework: 'rake', queue: full, symbol: ctx.symbols.enclosing(line), line });
  }
}

function taskName(c: RbCall): string | null {
  const first = c.positional[0];
  if (first) return word(first);
  // `task name: :dep` (a symbol-keyed option) or `task 'name' => :dep`.
  const [option] = c.options.keys();
  return option ?? word(c.rockets[0]?.key);
}

function namespaces(node: SyntaxNode): string[] {
  const out: string[] = [];
  for (let p = node.parent; p; p = p.parent) {
    const c = p.type === 'call' ? rbCall(p) : null;
    const name = c?.name === 'namespace' && !c.receiver ? word(c.positional[0]) : null;
    if (name) out.unshift(name);
  }
  return out;
}

/** whenever's `every 1.day, at: '4:30 am' do runner 'Report.send' end`: one schedule per job in the block. */
function wheneverJobs(ctx: FileContext, out: EntryList): void {
  for (const node of ctx.nodes('call')) {
    const c = rbCall(node);
    if (c?.name !== 'every' || c.receiver || c.body === null || !c.positional[0]) continue;
    const when = c.positional[0];
    const at = c.options.get('at');
    const schedule = [symbolName(when) ?? word(when) ?? oneLine(when.text), at ? `at ${words(at).join(', ') || oneLine(at.text)}` : null].filter(Boolean).join(' ');
    let jobs = 0;
    for (const stmt of c.body) {
      const job = rbCall(stmt);
      const handler = job && !job.receiver ? word(job.positional[0]) : null;
      if (handler === null) continue;
      jobs++;
      out.add({ kind: 'schedule', framework: 'whenever', schedule, handler, line: lineOf(stmt) });
    }
    if (jobs === 0) out.add({ kind: 'schedule', framework: 'whenever', schedule, line: lineOf(node) });
  }
}

/** `if __FILE__ == $0` / `main if $PROGRAM_NAME == __FILE__`, attached to what it calls when that is simple. */
function mains(ctx: FileContext, out: EntryList): void {
  for (const stmt of ctx.nodes('if', 'if_modifier')) {
    const cond = stmt.childForFieldName('condition');
    if (!cond || !MAIN_CONDITION.test(cond.text.replace(/^\(|\)$/g, '').trim())) continue;
    const body = stmt.type === 'if' ? kids(stmt.childForFieldName('consequence')) : [stmt.childForFieldName('body')].filter((n): n is SyntaxNode => n !== null);
    const handler = body.map(calledName).find((n) => n !== null) ?? null;
    out.add({ kind: 'main', framework: 'main', handler, symbol: handler ? symbolNamed(ctx, handler) : null, line: lineOf(stmt) });
  }
}

/** `main`, `main(ARGV)`, `Cli.start(ARGV)` → `main`, `Cli.start`; anything less simple → null. */
function calledName(stmt: SyntaxNode): string | null {
  if (stmt.type === 'identifier') return stmt.text;
  const c = rbCall(stmt);
  if (!c) return null;
  if (!c.receiver) return c.name;
  return isConstant(c.receiver) ? `${c.receiver.text}.${c.name}` : null;
}

/** A plain name by name; `Cli.start` only as that very singleton method, not any `start`. */
function symbolNamed(ctx: FileContext, handler: string): number | null {
  if (!handler.includes('.')) return ctx.symbols.byName(handler);
  const i = ctx.symbols.symbols.findIndex((s) => s.fqn === handler);
  return i < 0 ? null : i;
}
