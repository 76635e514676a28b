// Node schedules (node-cron, cron, node-schedule), queue consumers (kafkajs, amqplib, sqs-consumer, BullMQ) and mains.
import type { SyntaxNode } from './common.js';
import { calledName, handlerRef, kids, lineOf, tailName } from './common.js';
import type { FileContext } from './context.js';
import { literalOrText, namesOf, stringValue } from './literals.js';
import { jsScope, memberCall, moduleOf, objectProperty } from './nodeSyntax.js';
import type { EntryList } from './results.js';

const CRON_TEXT = /^(@\w+|(\S+\s+){4,6}\S+)$/;
const JOB_METHODS = new Set(['schedule', 'scheduleJob', 'from', 'subscribe', 'consume', 'create']);
const JOB_HINT = /['"](?:node-cron|cron|node-schedule|kafkajs|amqplib[\w/]*|sqs-consumer|bullmq)['"]|\bcron\.schedule\s*\(|CronJob/;
const RUN = new Set(['run']);

export function nodeJobs(ctx: FileContext, out: EntryList): void {
  nodeMains(ctx, out);
  if (!JOB_HINT.test(ctx.source)) return;
  const scope = jsScope(ctx);
  const calls = ctx.nodes('call_expression');
  const has = (m: string): boolean => scope.modules.has(m);
  const consumers = has('kafkajs') ? kafkaRunHandlers(calls) : new Map<string, SyntaxNode>();
  for (const call of calls) {
    const mc = memberCall(call, JOB_METHODS);
    if (!mc) continue;
    const module = moduleOf(mc.receiver, scope);
    const [a0, a1] = mc.args;
    const line = lineOf(call);
    if (mc.method === 'schedule' && (module === 'node-cron' || (module === null && mc.receiver.text === 'cron' && CRON_TEXT.test(stringValue(a0) ?? '')))) {
      job(ctx, 'node-cron', a0, a1, line, out);
    } else if (mc.method === 'scheduleJob' && module === 'node-schedule') {
      const named = mc.args.length > 2; // scheduleJob('name', rule, fn)
      job(ctx, 'node-schedule', named ? a1 : a0, named ? mc.args[2] : a1, line, out);
    } else if (mc.method === 'from' && tailName(mc.receiver.text) === 'CronJob' && a0?.type === 'object') {
      job(ctx, 'cron', objectProperty(a0, 'cronTime'), objectProperty(a0, 'onTick'), line, out);
    } else if (mc.method === 'subscribe' && (module === 'kafkajs' || has('kafkajs')) && a0?.type === 'object') {
      const topics = objectProperty(a0, 'topics') ?? objectProperty(a0, 'topic');
      listener(ctx, 'kafka', topics, consumers.get(mc.receiver.text), line, out);
    } else if (mc.method === 'consume' && (module?.startsWith('amqplib') || has('amqplib') || has('amqplib/callback_api')) && a0 && a1) {
      listener(ctx, 'rabbitmq', a0, a1, line, out);
    } else if (mc.method === 'create' && module === 'sqs-consumer' && a0?.type === 'object') {
      listener(ctx, 'sqs', objectProperty(a0, 'queueUrl'), objectProperty(a0, 'handleMessage'), line, out);
    }
  }
  for (const created of ctx.nodes('new_expression')) {
    const ctor = created.childForFieldName('constructor');
    const [a0, a1] = kids(created.childForFieldName('arguments'));
    const name = tailName(ctor?.text ?? '');
    const module = ctor ? moduleOf(ctor, scope) : null;
    if (name === 'CronJob' && (module === 'cron' || module === null) && a0) {
      if (a0.type === 'object') job(ctx, 'cron', objectProperty(a0, 'cronTime'), objectProperty(a0, 'onTick'), lineOf(created), out);
      else job(ctx, 'cron', a0, a1, lineOf(created), out);
    } else if (name === 'Worker' && module === 'bullmq' && a0) {
      listener(ctx, 'bullmq', a0, a1, lineOf(created), out);
    }
  }
}

function job(ctx: FileContext, framework: string, when: SyntaxNode | null | undefined, fn: SyntaxNode | null | undefined, line: number, out: EntryList): void {
  if (!when) return;
  const handler = handlerRef(fn);
  out.add({ kind: 'schedule', framework, schedule: literalOrText(when), handler, symbol: attach(ctx, handler, fn, line), line });
}

function listener(ctx: FileContext, framework: string, queue: SyntaxNode | null | undefined, fn: SyntaxNode | null | undefined, line: number, out: EntryList): void {
  const names = namesOf(queue);
  const handler = handlerRef(fn);
  out.add({ kind: 'listener', framework, queue: names.length ? names.join(',') : null, handler, symbol: attach(ctx, handler, fn, line), line });
}

function attach(ctx: FileContext, handler: string | null, fn: SyntaxNode | null | undefined, line: number): number | null {
  const named = handler && !handler.includes('.') ? ctx.symbols.byName(handler) : null;
  return named ?? ctx.symbols.enclosing(fn ? lineOf(fn) : line);
}

// kafkajs: `consumer.run({ eachMessage: handle })` names the handler for that consumer's subscriptions.
function kafkaRunHandlers(calls: readonly SyntaxNode[]): Map<string, SyntaxNode> {
  const handlers = new Map<string, SyntaxNode>();
  for (const call of calls) {
    const mc = memberCall(call, RUN);
    const fn = mc ? objectProperty(mc.args[0], 'eachMessage') ?? objectProperty(mc.args[0], 'eachBatch') : null;
    if (mc && fn) handlers.set(mc.receiver.text, fn);
  }
  return handlers;
}

/** A `#!…node` shebang, or `if (require.main === module)`. */
function nodeMains(ctx: FileContext, out: EntryList): void {
  // Declaration files copy their source's shebang but never run.
  if (/^#!.*\bnode\b/.test(ctx.source) && !/\.d\.[cm]?ts$/.test(ctx.relPath)) out.add({ kind: 'main', framework: 'main', line: 1 });
  if (!ctx.source.includes('require.main')) return;
  for (const stmt of ctx.nodes('if_statement')) {
    const cond = stmt.childForFieldName('condition')?.text.replace(/[\s()]/g, '') ?? '';
    if (cond !== 'require.main===module' && cond !== 'module===require.main') continue;
    const first = kids(stmt.childForFieldName('consequence')).map(calledName).find((n) => n !== null) ?? null;
    const line = lineOf(stmt);
    out.add({ kind: 'main', framework: 'main', handler: first, symbol: first ? ctx.symbols.byName(first) : null, line });
  }
}
