// Python jobs: Celery tasks and beat schedules, `schedule`, APScheduler, Kafka/RabbitMQ consumers, `__main__`.
import type { SyntaxNode } from './common.js';
import { calledName, kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import { literalOrText, namesOf, oneLine, stringValue } from './literals.js';
import type { PyCall, PyScope } from './pythonSyntax.js';
import { pyCall, pyDecorators, pyName, pyScope } from './pythonSyntax.js';
import type { EntryList } from './results.js';

const CELERY_APP_NAME = /^(app|celery|celery_app)$/;

const JOB_CALLS = new Set(['add_periodic_task', 'do', 'add_job', 'KafkaConsumer', 'subscribe', 'basic_consume']);
const JOB_HINT = /add_periodic_task|schedule\s*\.\s*every|add_job|KafkaConsumer|confluent_kafka|basic_consume/;
const DECORATOR_HINT = /@\w+(?:\.\w+)*\.(?:task|scheduled_job)\b|@(?:shared_task|periodic_task)\b/;

export function pythonJobs(ctx: FileContext, out: EntryList): void {
  if (ctx.source.includes('__main__')) mains(ctx, out);
  if (DECORATOR_HINT.test(ctx.source)) celeryTasks(ctx, pyScope(ctx), out);
  if (ctx.source.includes('schedule')) beatSchedules(ctx, out);
  if (!JOB_HINT.test(ctx.source)) return;
  const scope = pyScope(ctx);
  for (const node of ctx.nodes('call')) {
    const c = pyCall(node, JOB_CALLS);
    if (c) jobCall(ctx, scope, c, out);
  }
}

/** `@app.task`, `@shared_task(name='x')`, `@periodic_task(run_every=…)`, `@sched.scheduled_job('cron', …)`. */
function celeryTasks(ctx: FileContext, scope: PyScope, out: EntryList): void {
  for (const decorated of ctx.nodes('decorated_definition')) {
    const def = decorated.childForFieldName('definition');
    const fnName = def?.type === 'function_definition' ? def.childForFieldName('name') : null;
    if (!fnName) continue;
    const symbol = ctx.symbols.enclosing(lineOf(fnName));
    for (const d of pyDecorators(decorated)) {
      const line = lineOf(d.node);
      const app = d.receiver ? pyName(d.receiver) : null;
      // Tasks modules import the app from the project (`from proj.celery import app`), so conventional names count too.
      const celeryApp = app !== null && (scope.bindings.get(app)?.made === 'Celery' || scope.modules.has('celery') || CELERY_APP_NAME.test(app));
      if ((d.name === 'task' && celeryApp) || (d.name === 'shared_task' && !d.receiver)) {
        const name = stringValue(d.named.get('name')) ?? taskName(ctx.relPath, fnName.text);
        out.add({ kind: 'listener', framework: 'celery', queue: name, symbol, line });
      } else if (d.name === 'periodic_task') {
        const every = d.named.get('run_every') ?? d.positional[0];
        out.add({ kind: 'schedule', framework: 'celery', schedule: every ? literalOrText(every) : null, symbol, line });
      } else if (d.name === 'scheduled_job' && d.receiver) {
        out.add({ kind: 'schedule', framework: 'apscheduler', schedule: triggerText(d.positional, d.named), symbol, line });
      }
    }
  }
}

/** Celery's default task name: the module path plus the function (`app/tasks.py` → `app.tasks.send`). */
function taskName(relPath: string, fn: string): string {
  const module = relPath.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').filter(Boolean).join('.');
  return module ? `${module}.${fn}` : fn;
}

/** Beat entries: any `{'task': 'x.y', 'schedule': crontab(...)}` dictionary. */
function beatSchedules(ctx: FileContext, out: EntryList): void {
  for (const dict of ctx.nodes('dictionary')) {
    let task: SyntaxNode | null = null;
    let when: SyntaxNode | null = null;
    for (const pair of kids(dict)) {
      const key = pair.type === 'pair' ? stringValue(pair.childForFieldName('key')) : null;
      if (key === 'task') task = pair.childForFieldName('value');
      else if (key === 'schedule') when = pair.childForFieldName('value');
    }
    const handler = stringValue(task);
    if (handler === null || !when) continue;
    const line = lineOf(dict.parent?.type === 'pair' ? dict.parent : dict);
    out.add({ kind: 'schedule', framework: 'celery', schedule: literalOrText(when), handler, symbol: ctx.symbols.handler(handler, line), line });
  }
}

function jobCall(ctx: FileContext, scope: PyScope, c: PyCall, out: EntryList): void {
  const line = lineOf(c.node);
  const [a0, a1] = c.positional;
  if (c.name === 'add_periodic_task' && a0 && a1) {
    // `sender.add_periodic_task(10.0, test.s('hello'))`: the task is the signature's callee.
    const sig = a1.type === 'call' ? pyCall(a1) : null;
    const handler = sig?.receiver ? sig.receiver.text : a1.text;
    out.add({ kind: 'schedule', framework: 'celery', schedule: literalOrText(a0), handler, symbol: ctx.symbols.handler(handler, line), line });
  } else if (c.name === 'do' && c.receiver && /^schedule\s*\.\s*every\b/.test(c.receiver.text) && a0) {
    const handler = a0.text;
    out.add({ kind: 'schedule', framework: 'schedule', schedule: oneLine(c.receiver.text.replace(/^schedule\s*\.\s*/, '')), handler, symbol: ctx.symbols.handler(handler, line), line });
  } else if (c.name === 'add_job' && c.receiver && scope.modules.has('apscheduler') && a0) {
    const handler = a0.text;
    out.add({ kind: 'schedule', framework: 'apscheduler', schedule: triggerText(c.positional.slice(1), c.keywords), handler, symbol: ctx.symbols.handler(handler, line), line });
  } else if (c.name === 'KafkaConsumer' && scope.modules.has('kafka')) {
    const topics = c.positional.flatMap((p) => namesOf(p));
    out.add({ kind: 'listener', framework: 'kafka', queue: topics.length ? topics.join(',') : null, symbol: ctx.symbols.enclosing(line), line });
  } else if (c.name === 'subscribe' && c.receiver && scope.modules.has('confluent_kafka') && a0) {
    out.add({ kind: 'listener', framework: 'kafka', queue: namesOf(a0).join(','), symbol: ctx.symbols.enclosing(line), line });
  } else if (c.name === 'basic_consume' && scope.modules.has('pika')) {
    const queue = c.keywords.get('queue') ?? a0;
    const callback = c.keywords.get('on_message_callback') ?? a1;
    const handler = callback ? callback.text : null;
    out.add({ kind: 'listener', framework: 'rabbitmq', queue: queue ? literalOrText(queue) : null, handler, symbol: ctx.symbols.handler(handler, line), line });
  }
}

/** APScheduler trigger as written: `cron hour=1`, `interval minutes=5`. */
function triggerText(positional: SyntaxNode[], named: Map<string, SyntaxNode>): string | null {
  const parts = positional.map(literalOrText);
  for (const [key, value] of named) if (key !== 'id' && key !== 'name' && key !== 'args' && key !== 'kwargs') parts.push(`${key}=${literalOrText(value)}`);
  return parts.length ? parts.join(' ') : null;
}

/** `if __name__ == '__main__':`, attached to the function it calls when that is simple. */
function mains(ctx: FileContext, out: EntryList): void {
  for (const stmt of ctx.nodes('if_statement')) {
    const cond = stmt.childForFieldName('condition');
    if (!cond || !/^__name__\s*==\s*['"]__main__['"]$|^['"]__main__['"]\s*==\s*__name__$/.test(cond.text)) continue;
    const body = kids(stmt.childForFieldName('consequence')).map(unwrapExit);
    const handler = body.map(calledName).find((n) => n !== null) ?? body.map(moduleCall).filter((n) => n !== null).pop() ?? null;
    out.add({ kind: 'main', framework: 'main', handler, symbol: handler ? ctx.symbols.byName(handler) : null, line: lineOf(stmt) });
  }
}

const EXITS = new Set(['sys.exit', 'exit', 'SystemExit']);

/** `sys.exit(main())` and `raise SystemExit(main())` run `main()`: the exit is not the entry. */
function unwrapExit(stmt: SyntaxNode): SyntaxNode {
  const expr = stmt.type === 'expression_statement' || stmt.type === 'raise_statement' ? stmt.namedChild(0) : null;
  const fn = expr?.type === 'call' ? expr.childForFieldName('function') : null;
  const inner = fn && EXITS.has(fn.text) ? expr?.childForFieldName('arguments')?.namedChild(0) : null;
  return inner?.type === 'call' ? inner : stmt;
}

/** `management.execute_from_command_line()`: a function of an imported module, linked by name when no plain call names one. */
function moduleCall(stmt: SyntaxNode): string | null {
  const call = stmt.type === 'expression_statement' ? stmt.namedChild(0) : stmt;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  return fn?.type === 'attribute' && /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(fn.text) ? fn.text : null;
}
