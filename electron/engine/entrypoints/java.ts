// Java entry points: Spring MVC, JAX-RS, @Scheduled, message listeners, and `static void main`.
import type { Decoration, SyntaxNode } from './common.js';
import { argument, crossPaths, lineOf } from './common.js';
import type { FileContext } from './context.js';
import { elements, literalOrText, namesOf } from './literals.js';
import type { EntryList } from './results.js';
import { hasModifier, javaAnnotation, javaAnnotations, owningType, simpleType } from './javaSyntax.js';
import type { SpringType, SpringValues } from './springAnnotations.js';
import { springAnnotation, springMappingPaths } from './springAnnotations.js';

const JAX_RS_VERBS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);

const JAVA_VALUES: SpringValues = {
  names: namesOf,
  elements,
  literalOrText,
  annotationIn: (el) => (el.type === 'annotation' || el.type === 'marker_annotation' ? javaAnnotation(el) : null),
  nested: nestedAnnotations,
};

interface TypeInfo extends SpringType { jaxPath: string[] }

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
      info = { annotations, mappingPaths: mapping ? springMappingPaths(mapping, JAVA_VALUES) : [], jaxPath: path ? namesOf(argument(path, 'value')) : [] };
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
      if (springAnnotation(a, owner, symbol, out, JAVA_VALUES)) continue;
      if (JAX_RS_VERBS.has(a.name) && a.positional.length === 0 && a.named.size === 0) jaxRsRoute(a.name, annotations, owner, lineOf(a.node), symbol, out);
    }
  }
}

function jaxRsRoute(verb: string, annotations: Decoration[], owner: TypeInfo | null, line: number, symbol: number | null, out: EntryList): void {
  const path = annotations.find((x) => x.name === 'Path');
  const paths = path ? namesOf(argument(path, 'value')) : [];
  for (const full of crossPaths(owner?.jaxPath ?? [], paths)) out.add({ kind: 'http', framework: 'jax-rs', method: verb, path: full, line, symbol });
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
