// Spring's method annotations, read alike from Java and Kotlin trees: mappings, @Scheduled and message listeners.
// Each language supplies how its trees spell values (strings, arrays, nested annotations).
import type { Decoration, SyntaxNode } from './common.js';
import { argument, crossPaths, httpVerb, lineOf, lookup, namedArgument } from './common.js';
import type { EntryList } from './results.js';

const SPRING_MAPPINGS: Record<string, string | null> = {
  GetMapping: 'GET', PostMapping: 'POST', PutMapping: 'PUT', DeleteMapping: 'DELETE', PatchMapping: 'PATCH', RequestMapping: null,
};
const SCHEDULE_KEYS = ['cron', 'fixedRate', 'fixedDelay', 'fixedRateString', 'fixedDelayString'];

interface Listener { framework: string; keys: string[] }
const LISTENERS: Record<string, Listener> = {
  KafkaListener: { framework: 'kafka', keys: ['topics', 'topicPattern'] },
  RabbitListener: { framework: 'rabbitmq', keys: ['queues', 'queuesToDeclare', 'bindings'] },
  JmsListener: { framework: 'jms', keys: ['destination'] },
  SqsListener: { framework: 'sqs', keys: ['value', 'queueNames'] },
  StreamListener: { framework: 'spring-cloud-stream', keys: ['value', 'target'] },
};
// A class-level listener dispatches to methods marked with these.
const CLASS_LISTENER_HANDLERS: Record<string, string> = { KafkaHandler: 'KafkaListener', RabbitHandler: 'RabbitListener' };

/** How one language's tree spells annotation values. */
export interface SpringValues {
  names(node: SyntaxNode | null | undefined): string[];
  elements(node: SyntaxNode | null | undefined): SyntaxNode[];
  literalOrText(node: SyntaxNode): string;
  /** The annotation an array element is (`@Queue("q")`, `QueueBinding(…)`), or null when it is a plain value. */
  annotationIn(element: SyntaxNode): Decoration | null;
  /** Annotations named `name` inside `a`'s arguments. */
  nested(a: Decoration, name: string): Decoration[];
}

/** A class's annotations by name, and the paths of its `@RequestMapping`. */
export interface SpringType { annotations: Map<string, Decoration>; mappingPaths: string[] }

// Constants (`@GetMapping(Paths.USERS)`) are kept as written rather than dropped from the path.
export function springMappingPaths(a: Decoration, v: SpringValues): string[] {
  return v.names(argument(a, 'value', 'path'));
}

/** Reads `a` when it is one of Spring's method annotations, and says whether it was; `routes` is false outside a controller. */
export function springAnnotation(a: Decoration, owner: SpringType | null, symbol: number | null, out: EntryList, v: SpringValues, routes = true): boolean {
  const line = lineOf(a.node);
  if (lookup(SPRING_MAPPINGS, a.name) !== undefined) {
    if (routes) springRoutes(a, owner, line, symbol, out, v);
  } else if (a.name === 'Scheduled') out.add({ kind: 'schedule', framework: 'spring', schedule: schedule(a, v), line, symbol });
  else if (a.name === 'Schedules') {
    for (const inner of v.nested(a, 'Scheduled')) out.add({ kind: 'schedule', framework: 'spring', schedule: schedule(inner, v), line: lineOf(inner.node), symbol });
  } else if (lookup(LISTENERS, a.name)) listener(a, line, symbol, out, v);
  else if (lookup(CLASS_LISTENER_HANDLERS, a.name)) {
    const classLevel = owner?.annotations.get(lookup(CLASS_LISTENER_HANDLERS, a.name)!);
    if (classLevel) listener(classLevel, line, symbol, out, v);
  } else return false;
  return true;
}

function springRoutes(a: Decoration, owner: SpringType | null, line: number, symbol: number | null, out: EntryList, v: SpringValues): void {
  const fixed = lookup(SPRING_MAPPINGS, a.name);
  const methods = fixed ? [fixed] : requestMethods(a, v);
  for (const path of crossPaths(owner?.mappingPaths ?? [], springMappingPaths(a, v))) {
    for (const method of methods) out.add({ kind: 'http', framework: 'spring', method, path, line, symbol });
  }
}

function requestMethods(a: Decoration, v: SpringValues): string[] {
  const verbs = v.elements(namedArgument(a, 'method')).map((el) => httpVerb(el.text)).filter((m): m is string => m !== null);
  return verbs.length ? verbs : ['ANY'];
}

function schedule(a: Decoration, v: SpringValues): string | null {
  for (const key of SCHEDULE_KEYS) {
    const value = a.named.get(key);
    if (value) return `${key}=${v.literalOrText(value)}`;
  }
  const first = a.positional[0];
  return first ? v.literalOrText(first) : null;
}

function listener(a: Decoration, line: number, symbol: number | null, out: EntryList, v: SpringValues): void {
  const spec = lookup(LISTENERS, a.name)!;
  const names: string[] = [];
  for (const el of v.elements(argument(a, ...spec.keys))) {
    const inner = v.annotationIn(el);
    names.push(...(inner ? annotationQueues(inner, v) : v.names(el)));
  }
  out.add({ kind: 'listener', framework: spec.framework, queue: names.length ? names.join(',') : null, line, symbol });
}

// `bindings = @QueueBinding(value = @Queue("q"), …)` and `queuesToDeclare = @Queue("q")` name queues indirectly.
function annotationQueues(a: Decoration, v: SpringValues): string[] {
  if (a.name === 'Queue') return v.names(argument(a, 'value', 'name'));
  return v.nested(a, 'Queue').flatMap((q) => v.names(argument(q, 'value', 'name')));
}
