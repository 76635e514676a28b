// Kotlin entry points through Spring annotations (controllers, @Scheduled, message listeners) and `fun main`.
import type { Decoration, SyntaxNode } from './common.js';
import { kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import type { EntryList } from './results.js';
import { ktAnnotations, ktElements, ktLiteralOrText, ktNames, ktNestedAnnotation, owningType, receiverType, typeName } from './kotlinSyntax.js';
import type { SpringType, SpringValues } from './springAnnotations.js';
import { springAnnotation, springMappingPaths } from './springAnnotations.js';

const CONTROLLERS = new Set(['RestController', 'Controller']);

const KOTLIN_VALUES: SpringValues = {
  names: ktNames,
  elements: ktElements,
  literalOrText: ktLiteralOrText,
  // Kotlin writes a nested annotation as a call: `Queue("q")`, `QueueBinding(…)`.
  annotationIn: (el) => {
    const inner = ktNestedAnnotation(el);
    return inner && /^[A-Z]/.test(inner.name) ? inner : null;
  },
  nested,
};

// Any of the annotations read here: without one, no function is looked at.
const SPRING_HINT = /@(?:[\w.]+\.)?(?:(?:Get|Post|Put|Delete|Patch|Request)Mapping|Scheduled|Schedules|\w+Listener|KafkaHandler|RabbitHandler)\b/;

export function springEntryPoints(ctx: FileContext, out: EntryList): void {
  if (!SPRING_HINT.test(ctx.source)) return;
  const types = new Map<number, SpringType>();
  const typeInfo = (owner: SyntaxNode | null): SpringType | null => {
    if (!owner) return null;
    let info = types.get(owner.id);
    if (!info) {
      const annotations = new Map(ktAnnotations(owner).map((a) => [a.name, a]));
      const mapping = annotations.get('RequestMapping');
      info = { annotations, mappingPaths: mapping ? springMappingPaths(mapping, KOTLIN_VALUES) : [] };
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
    for (const a of annotations) springAnnotation(a, owner, symbol, out, KOTLIN_VALUES, controller);
  }
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
