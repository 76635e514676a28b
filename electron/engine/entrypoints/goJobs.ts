// Go schedules (robfig/cron) and consumers (kafka-go readers, sarama, AMQP).
import type { SyntaxNode } from './common.js';
import { handlerRef, lineOf } from './common.js';
import type { FileContext } from './context.js';
import { literalOrText, namesOf, stringsOf } from './literals.js';
import { compositeFields, goFile, importsAny, selectorCalls } from './goSyntax.js';
import type { EntryList } from './results.js';

// Read before the file's imports are: most files import none of these, and reading imports walks the tree.
const JOB_IMPORT = /robfig\/cron|sarama|streadway\/amqp|amqp091|segmentio\/kafka-go/;

export function goJobs(ctx: FileContext, out: EntryList): void {
  if (!JOB_IMPORT.test(ctx.source)) return;
  const file = goFile(ctx);
  const cron = importsAny(file, 'robfig/cron');
  const sarama = importsAny(file, 'sarama');
  const amqp = importsAny(file, 'streadway/amqp', 'amqp091');
  const kafkaGo = importsAny(file, 'segmentio/kafka-go');
  if (!cron && !sarama && !amqp && !kafkaGo) return;
  for (const c of selectorCalls(ctx)) {
    const node = c.node;
    const [a0, a1, a2] = c.args;
    const line = lineOf(node);
    if (cron && (c.method === 'AddFunc' || c.method === 'AddJob') && a0 && a1) {
      const handler = handlerRef(a1);
      out.add({ kind: 'schedule', framework: 'cron', schedule: literalOrText(a0), handler, symbol: attach(ctx, handler, a1, line), line });
    } else if (sarama && c.method === 'ConsumePartition' && a0) {
      out.add({ kind: 'listener', framework: 'kafka', queue: literalOrText(a0), symbol: ctx.symbols.enclosing(line), line });
    } else if (sarama && c.method === 'Consume' && a1 && a2) {
      const handler = handlerRef(a2);
      out.add({ kind: 'listener', framework: 'kafka', queue: namesOf(a1).join(',') || null, handler, symbol: attach(ctx, handler, a2, line), line });
    } else if (amqp && c.method === 'Consume' && a0 && !sarama) {
      out.add({ kind: 'listener', framework: 'rabbitmq', queue: literalOrText(a0), symbol: ctx.symbols.enclosing(line), line });
    }
  }
  if (!kafkaGo) return;
  for (const lit of ctx.nodes('composite_literal')) {
    if (!/\bReaderConfig$/.test(lit.childForFieldName('type')?.text ?? '')) continue;
    const fields = compositeFields(lit);
    const topics = fields.get('Topic') ? namesOf(fields.get('Topic')) : stringsOf(fields.get('GroupTopics'));
    out.add({ kind: 'listener', framework: 'kafka', queue: topics.join(',') || null, symbol: ctx.symbols.enclosing(lineOf(lit)), line: lineOf(lit) });
  }
}

function attach(ctx: FileContext, handler: string | null, node: SyntaxNode, line: number): number | null {
  return ctx.symbols.handler(node.type === 'identifier' ? handler : null, node.type === 'func_literal' ? lineOf(node) : line);
}
