// NestJS (and routing-controllers) decorators: routes, @Cron/@Interval, microservice patterns, Bull processors.
import type { Decoration } from './common.js';
import { crossPaths, kids, lineOf, lookup, namedArgument } from './common.js';
import type { FileContext } from './context.js';
import { literalOrText, namesOf } from './literals.js';
import { jsDecorators } from './nodeSyntax.js';
import type { EntryList } from './results.js';

const ROUTES: Record<string, string> = {
  Get: 'GET', Post: 'POST', Put: 'PUT', Delete: 'DELETE', Patch: 'PATCH', Options: 'OPTIONS', Head: 'HEAD', All: 'ANY',
};
const CONTROLLERS: Record<string, string> = { Controller: 'nestjs', JsonController: 'routing-controllers' };
const PATTERNS = new Set(['MessagePattern', 'EventPattern']);
// JSDoc is full of `@`: only a call of one of the decorators read here is worth walking the classes for.
const DECORATOR_HINT = /@(?:Controller|JsonController|Get|Post|Put|Delete|Patch|Options|Head|All|Cron|Interval|MessagePattern|EventPattern|Process|SqsMessageHandler)\s*\(/;

export function nestEntryPoints(ctx: FileContext, out: EntryList): void {
  if (!DECORATOR_HINT.test(ctx.source)) return;
  for (const cls of ctx.nodes('class_declaration', 'class', 'abstract_class_declaration')) {
    const classDecos = jsDecorators(cls);
    const controller = classDecos.find((d) => lookup(CONTROLLERS, d.name));
    const processor = classDecos.find((d) => d.name === 'Processor');
    for (const member of kids(cls.childForFieldName('body'))) {
      if (member.type !== 'method_definition') continue;
      const decos = jsDecorators(member);
      if (decos.length === 0) continue;
      const symbol = ctx.symbols.enclosing(lineOf(member.childForFieldName('name') ?? member));
      for (const d of decos) memberEntry(d, controller, processor, symbol, out);
    }
  }
}

function memberEntry(d: Decoration, controller: Decoration | undefined, processor: Decoration | undefined, symbol: number | null, out: EntryList): void {
  const line = lineOf(d.node);
  const verb = lookup(ROUTES, d.name);
  const first = d.positional[0];
  if (verb && controller) {
    const framework = lookup(CONTROLLERS, controller.name)!;
    for (const path of crossPaths(decoratorPaths(controller), decoratorPaths(d))) out.add({ kind: 'http', framework, method: verb, path, symbol, line });
  } else if (d.name === 'Cron' && first) {
    out.add({ kind: 'schedule', framework: 'nestjs', schedule: literalOrText(first), symbol, line });
  } else if (d.name === 'Interval' && first) {
    out.add({ kind: 'schedule', framework: 'nestjs', schedule: `interval=${literalOrText(d.positional[d.positional.length - 1]!)}`, symbol, line });
  } else if (PATTERNS.has(d.name) && first) {
    out.add({ kind: 'listener', framework: 'nestjs', queue: namesOf(first).join(','), symbol, line });
  } else if (d.name === 'Process' && processor) {
    const queue = processor.positional[0]?.type === 'object' ? namedArgument(processor, 'name') : processor.positional[0];
    out.add({ kind: 'listener', framework: 'bull', queue: queue ? literalOrText(queue) : null, symbol, line });
  } else if (d.name === 'SqsMessageHandler' && first) {
    out.add({ kind: 'listener', framework: 'sqs', queue: literalOrText(first), symbol, line });
  }
}

/** `'users'`, `['a', 'b']`, `{ path: 'users' }`; constants are kept as written rather than dropped. */
function decoratorPaths(d: Decoration): string[] {
  const first = d.positional[0];
  return namesOf(first?.type === 'object' ? namedArgument(d, 'path') : first);
}
