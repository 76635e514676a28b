// Java entry points: Spring MVC, JAX-RS, @Scheduled, message listeners, and `static void main`.
import type { Decoration, SyntaxNode } from './common.js';
import { argument, crossPaths, httpVerb, lineOf, lookup, namedArgument } from './common.js';
import type { FileContext } from './context.js';
import { elements, literalOrText, namesOf } from './literals.js';
import type { EntryList } from './results.js';
import { hasModifier, javaAnnotation, javaAnnotations, owningType, simpleType } from './javaSyntax.js';

const SPRING_MAPPINGS: Record<string, string | null> = {
  GetMapping: 'GET', PostMapping: 'POST', PutMapping: 'PUT', DeleteMapping: 'DELETE', PatchMapping: 'PATCH', RequestMapping: null,
};
const JAX_RS_VERBS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
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

interface TypeInfo { annotations: Map<string, Decoration>; mappingPaths: string[]; jaxPath: string[] }

export function javaEntryPoints(ctx: FileContext, out: EntryList): void {
  if (!ctx.source.includes('@') && !ctx.source.includes('main')) return;
  const types = new Map<number, TypeInfo>();
  const typeInfo = (owner: SyntaxNode | null): TypeInfo | null => {
    if (!owner) return null;
    let info = types.get(owner.id);
    if (!info) {
      const annotations = new Map(javaAnnotations(owner).map((a) => [a.name, a]));
      const mapping = annotations.get('RequestMapping');
      const path = annotations.get('Path');
      info = { annotations, mappingPaths: mapping ? mappingPaths(mapping) : [], jaxPath: path ? namesOf(argument(path, 'value')) : [] };
      types.set(owner.id, info);
    }
    return info;
  };

  for (const method of ctx.nodes('method_declaration')) {
    const name = method.childForFieldName('name');
    const symbol = ctx.symbols.enclosing(lineOf(name ?? method));
    if (name?.text === 'main' && isJavaMain(method)) out.add({ kind: 'main', framework: 'main', line: lineOf(name), symbol });
    const annotations = javaAnnotations(method);
    if (annotations.length === 0) continue;
    const owner = typeInfo(owningType(method));
    // Feign interfaces declare calls to another service with the same annotations: not entry points.
    if (owner?.annotations.has('FeignClient')) continue;
    for (const a of annotations) {
      const line = lineOf(a.node);
      if (lookup(SPRING_MAPPINGS, a.name) !== undefined) springRoutes(a, owner, line, symbol, out);
      else if (JAX_RS_VERBS.has(a.name) && a.positional.length === 0 && a.named.size === 0) jaxRsRoute(a.name, annotations, owner, line, symbol, out);
      else if (a.name === 'Scheduled') out.add({ kind: 'schedule', framework: 'spring', schedule: schedule(a), line, symbol });
      else if (a.name === 'Schedules') {
        for (const inner of nestedAnnotations(a, 'Scheduled')) out.add({ kind: 'schedule', framework: 'spring', schedule: schedule(inner), line: lineOf(inner.node), symbol });
      } else if (lookup(LISTENERS, a.name)) listener(a, line, symbol, out);
      else if (lookup(CLASS_LISTENER_HANDLERS, a.name)) {
        const classLevel = owner?.annotations.get(lookup(CLASS_LISTENER_HANDLERS, a.name)!);
        if (classLevel) listener(classLevel, line, symbol, out);
      }
    }
  }
}

function springRoutes(a: Decoration, owner: TypeInfo | null, line: number, symbol: number | null, out: EntryList): void {
  const fixed = lookup(SPRING_MAPPINGS, a.name);
  const methods = fixed ? [fixed] : requestMethods(a);
  for (const path of crossPaths(owner?.mappingPaths ?? [], mappingPaths(a))) {
    for (const method of methods) out.add({ kind: 'http', framework: 'spring', method, path, line, symbol });
  }
}

// Constants (`@GetMapping(Paths.USERS)`) are kept as written rather than dropped from the path.
function mappingPaths(a: Decoration): string[] {
  return namesOf(argument(a, 'value', 'path'));
}

function requestMethods(a: Decoration): string[] {
  const verbs = elements(namedArgument(a, 'method')).map((el) => httpVerb(el.text)).filter((v): v is string => v !== null);
  return verbs.length ? verbs : ['ANY'];
}

function jaxRsRoute(verb: string, annotations: Decoration[], owner: TypeInfo | null, line: number, symbol: number | null, out: EntryList): void {
  const path = annotations.find((x) => x.name === 'Path');
  const paths = path ? namesOf(argument(path, 'value')) : [];
  for (const full of crossPaths(owner?.jaxPath ?? [], paths)) out.add({ kind: 'http', framework: 'jax-rs', method: verb, path: full, line, symbol });
}

function schedule(a: Decoration): string | null {
  for (const key of SCHEDULE_KEYS) {
    const v = a.named.get(key);
    if (v) return `${key}=${literalOrText(v)}`;
  }
  const first = a.positional[0];
  return first ? literalOrText(first) : null;
}

function listener(a: Decoration, line: number, symbol: number | null, out: EntryList): void {
  const spec = lookup(LISTENERS, a.name)!;
  const names: string[] = [];
  for (const el of elements(argument(a, ...spec.keys))) {
    if (el.type === 'annotation' || el.type === 'marker_annotation') names.push(...annotationQueues(javaAnnotation(el)));
    else names.push(...namesOf(el));
  }
  out.add({ kind: 'listener', framework: spec.framework, queue: names.length ? names.join(',') : null, line, symbol });
}

// `bindings = @QueueBinding(value = @Queue("q"), …)` and `queuesToDeclare = @Queue("q")` name queues indirectly.
function annotationQueues(a: Decoration): string[] {
  if (a.name === 'Queue') return namesOf(argument(a, 'value', 'name'));
  return nestedAnnotations(a, 'Queue').flatMap((q) => namesOf(argument(q, 'value', 'name')));
}

function nestedAnnotations(a: Decoration, name: string): Decoration[] {
  const args = a.node.childForFieldName('arguments');
  if (!args) return [];
  return args.descendantsOfType('annotation').filter((n): n is SyntaxNode => !!n).map(javaAnnotation).filter((d) => d.name === name);
}

function isJavaMain(method: SyntaxNode): boolean {
  if (method.childForFieldName('type')?.type !== 'void_type' || !hasModifier(method, 'static')) return false;
  const params = method.childForFieldName('parameters')?.namedChildren.filter((p) => p && p.type !== 'comment') ?? [];
  if (params.length !== 1) return false;
  const param = params[0]!;
  const type = param.childForFieldName('type') ?? param.namedChild(0);
  if (param.type === 'spread_parameter') return simpleType(type) === 'String';
  return type?.type === 'array_type' && simpleType(type.childForFieldName('element')) === 'String';
}
