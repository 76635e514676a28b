// Kotlin entry points through Spring annotations (controllers, @Scheduled, message listeners) and `fun main`.
import type { Decoration, SyntaxNode } from './common.js';
import { argument, crossPaths, httpVerb, kids, lineOf, lookup, namedArgument } from './common.js';
import type { FileContext } from './context.js';
import type { EntryList } from './results.js';
import { ktAnnotations, ktElements, ktLiteralOrText, ktNames, ktNestedAnnotation, owningType, receiverType, typeName } from './kotlinSyntax.js';

const SPRING_MAPPINGS: Record<string, string | null> = {
  GetMapping: 'GET', PostMapping: 'POST', PutMapping: 'PUT', DeleteMapping: 'DELETE', PatchMapping: 'PATCH', RequestMapping: null,
};
const CONTROLLERS = new Set(['RestController', 'Controller']);
const SCHEDULE_KEYS = ['cron', 'fixedRate', 'fixedDelay', 'fixedRateString', 'fixedDelayString'];

interface Listener { framework: string; keys: string[] }
const LISTENERS: Record<string, Listener> = {
  KafkaListener: { framework: 'kafka', keys: ['topics', 'topicPattern'] },
  RabbitListener: { framework: 'rabbitmq', keys: ['queues', 'queuesToDeclare', 'bindings'] },
  JmsListener: { framework: 'jms', keys: ['destination'] },
  SqsListener: { framework: 'sqs', keys: ['value', 'queueNames'] },
  StreamListener: { framework: 'spring-cloud-stream', keys: ['value', 'target'] },
};
// A class-level listener dispatches to functions marked with these.
const CLASS_LISTENER_HANDLERS: Record<string, string> = { KafkaHandler: 'KafkaListener', RabbitHandler: 'RabbitListener' };

// Any of the annotations read here: without one, no function is looked at.
const SPRING_HINT = /@(?:[\w.]+\.)?(?:(?:Get|Post|Put|Delete|Patch|Request)Mapping|Scheduled|Schedules|\w+Listener|KafkaHandler|RabbitHandler)\b/;

interface TypeInfo { annotations: Map<string, Decoration>; mappingPaths: string[] }

export function springEntryPoints(ctx: FileContext, out: EntryList): void {
  if (!SPRING_HINT.test(ctx.source)) return;
  const types = new Map<number, TypeInfo>();
  const typeInfo = (owner: SyntaxNode | null): TypeInfo | null => {
    if (!owner) return null;
    let info = types.get(owner.id);
    if (!info) {
      const annotations = new Map(ktAnnotations(owner).map((a) => [a.name, a]));
      const mapping = annotations.get('RequestMapping');
      info = { annotations, mappingPaths: mapping ? mappingPaths(mapping) : [] };
      types.set(owner.id, info);
    }
    return info;
  };

  for (const fn of ctx.nodes('function_declaration')) {
    const annotations = ktAnnotations(fn);
    if (annotations.length === 0) continue;
    const name = fn.childForFieldName('name');
    const symbol = ctx.symbols.enclosing(lineOf(name ?? fn));
    const owner = typeInfo(owningType(fn));
    // Only a controller's mappings are routes: the same annotations declare Feign clients and shared interfaces.
    const controller = !!owner && [...CONTROLLERS].some((c) => owner.annotations.has(c));
    for (const a of annotations) {
      const line = lineOf(a.node);
      if (lookup(SPRING_MAPPINGS, a.name) !== undefined) {
        if (controller) springRoutes(a, owner, line, symbol, out);
      } else if (a.name === 'Scheduled') out.add({ kind: 'schedule', framework: 'spring', schedule: schedule(a), line, symbol });
      else if (a.name === 'Schedules') {
        for (const inner of nested(a, 'Scheduled')) out.add({ kind: 'schedule', framework: 'spring', schedule: schedule(inner), line: lineOf(inner.node), symbol });
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
  return ktNames(argument(a, 'value', 'path'));
}

function requestMethods(a: Decoration): string[] {
  const verbs = ktElements(namedArgument(a, 'method')).map((el) => httpVerb(el.text)).filter((v): v is string => v !== null);
  return verbs.length ? verbs : ['ANY'];
}

function schedule(a: Decoration): string | null {
  for (const key of SCHEDULE_KEYS) {
    const v = a.named.get(key);
    if (v) return `${key}=${ktLiteralOrText(v)}`;
  }
  const first = a.positional[0];
  return first ? ktLiteralOrText(first) : null;
}

function listener(a: Decoration, line: number, symbol: number | null, out: EntryList): void {
  const spec = lookup(LISTENERS, a.name)!;
  const names: string[] = [];
  for (const el of ktElements(argument(a, ...spec.keys))) {
    const inner = ktNestedAnnotation(el);
    if (inner && /^[A-Z]/.test(inner.name)) names.push(...annotationQueues(inner));
    else names.push(...ktNames(el));
  }
  out.add({ kind: 'listener', framework: spec.framework, queue: names.length ? names.join(',') : null, line, symbol });
}

// `bindings = [QueueBinding(value = Queue("q"), …)]` and `queuesToDeclare = [Queue("q")]` name queues indirectly.
function annotationQueues(a: Decoration): string[] {
  if (a.name === 'Queue') return ktNames(argument(a, 'value', 'name'));
  return nested(a, 'Queue').flatMap((q) => ktNames(argument(q, 'value', 'name')));
}

function nested(a: Decoration, name: string): Decoration[] {
  const args = kids(a.node).find((c) => c.type === 'constructor_invocation' || c.type === 'value_arguments') ?? a.node;
  return args.descendantsOfType('call_expression')
    .map((n) => (n ? ktNestedAnnotation(n) : null))
    .filter((d): d is Decoration => d?.name === name);
}

/** Top-level `fun main()` / `fun main(args: Array<String>)`, and `@JvmStatic fun main(args)` in an object. */
export function kotlinMain(ctx: FileContext, out: EntryList): void {
  if (!/\bfun\s+main\s*\(/.test(ctx.source)) return;
  for (const fn of ctx.nodes('function_declaration')) {
    const name = fn.childForFieldName('name');
    if (name?.text !== 'main' || receiverType(fn) !== null) continue;
    const params = kids(kids(fn).find((c) => c.type === 'function_value_parameters')).filter((p) => p.type === 'parameter');
    const topLevel = fn.parent?.type === 'source_file';
    const jvmStatic = !topLevel && !!owningType(fn) && ktAnnotations(fn).some((a) => a.name === 'JvmStatic');
    if (!(topLevel && params.length === 0) && !((topLevel || jvmStatic) && params.length === 1 && stringArray(fn, params[0]!))) continue;
    out.add({ kind: 'main', framework: 'main', line: lineOf(name), symbol: ctx.symbols.enclosing(lineOf(name)) });
  }
}

// `args: Array<String>`, or `vararg args: String`.
function stringArray(fn: SyntaxNode, param: SyntaxNode): boolean {
  const type = kids(param).find((c) => c.type === 'user_type');
  if (!type) return false;
  if (typeName(type) === 'Array') return typeName(type.descendantsOfType('user_type').find((t) => t && t.id !== type.id)) === 'String';
  const mods = kids(fn).find((c) => c.type === 'function_value_parameters');
  const vararg = !!mods && kids(mods).some((c) => c.type === 'parameter_modifiers' && c.text.includes('vararg') && c.endIndex <= param.startIndex);
  return vararg && typeName(type) === 'String';
}
