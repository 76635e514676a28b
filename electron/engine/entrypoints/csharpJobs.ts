// C# jobs and consumers: Hangfire recurring jobs, MassTransit consumers, Confluent.Kafka and RabbitMQ.Client.
import type { SyntaxNode } from './common.js';
import { kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import { literalOrText, stringsOf } from './literals.js';
import { csCall } from './csharpSyntax.js';
import type { EntryList } from './results.js';

export function csharpJobs(ctx: FileContext, out: EntryList): void {
  const src = ctx.source;
  if (src.includes('IConsumer<')) massTransit(ctx, out);
  const hangfire = src.includes('RecurringJob');
  const kafka = src.includes('Confluent.Kafka');
  const rabbit = src.includes('RabbitMQ.Client');
  if (!hangfire && !kafka && !rabbit) return;
  for (const node of ctx.nodes('invocation_expression')) {
    const c = csCall(node);
    if (!c) continue;
    const line = lineOf(node);
    const symbol = ctx.symbols.enclosing(line);
    const last = c.args[c.args.length - 1];
    if (hangfire && c.method === 'AddOrUpdate' && c.receiver?.text === 'RecurringJob' && last && c.args.length >= 2) {
      out.add({ kind: 'schedule', framework: 'hangfire', schedule: literalOrText(last), symbol, line });
    } else if (kafka && c.method === 'Subscribe' && c.args[0]) {
      out.add({ kind: 'listener', framework: 'kafka', queue: namesOrText(c.args[0]), symbol, line });
    } else if (rabbit && (c.method === 'BasicConsume' || c.method === 'BasicConsumeAsync') && c.args[0]) {
      out.add({ kind: 'listener', framework: 'rabbitmq', queue: literalOrText(c.args[0]), symbol, line });
    }
  }
}

function namesOrText(node: SyntaxNode): string {
  const names = stringsOf(node);
  return names.length ? names.join(',') : literalOrText(node);
}

/** `class OrderConsumer : IConsumer<OrderPlaced>`: a listener for that message type, handled by `Consume`. */
function massTransit(ctx: FileContext, out: EntryList): void {
  for (const cls of ctx.nodes('class_declaration')) {
    const base = kids(cls).find((c) => c.type === 'base_list');
    for (const type of kids(base)) {
      if (type.type !== 'generic_name' || type.namedChild(0)?.text !== 'IConsumer') continue;
      const message = kids(kids(type).find((c) => c.type === 'type_argument_list'))[0]?.text ?? null;
      const consume = kids(cls.childForFieldName('body')).find((m) => m.type === 'method_declaration' && m.childForFieldName('name')?.text === 'Consume');
      const at = consume?.childForFieldName('name') ?? cls.childForFieldName('name') ?? cls;
      out.add({ kind: 'listener', framework: 'masstransit', queue: message, symbol: ctx.symbols.enclosing(lineOf(at)), line: lineOf(type) });
    }
  }
}
