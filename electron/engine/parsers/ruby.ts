// Ruby: `Module::Class#instance_method`, `Module::Class.singleton_method`, `Module::CONSTANT`.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import type { Extraction, Scope } from './common.js';
import { SymbolTable, collapse, commentsAbove, docOf, headText, isComment, named, symbol } from './common.js';

const VISIBILITY = new Set(['private', 'protected', 'public']);
const ATTRIBUTES = new Set(['attr_accessor', 'attr_reader', 'attr_writer']);

interface RubyScope extends Scope {
  /** Inside `class << self`: methods are singleton methods. */
  singleton: boolean;
}

/** A statement among its siblings, with the visibility section it sits in. */
interface Site {
  statements: readonly SyntaxNode[];
  index: number;
  outer: SyntaxNode;
  visibility: string | null;
}

export function extractRuby(root: SyntaxNode, source: string): ParsedSymbol[] {
  const ctx: Extraction = { table: new SymbolTable(), source };
  walk(ctx, named(root), { prefix: '', parent: null, singleton: false });
  return ctx.table.symbols;
}

function walk(ctx: Extraction, statements: readonly SyntaxNode[], scope: RubyScope): void {
  let visibility: string | null = null;
  for (let i = 0; i < statements.length; i++) {
    const node = statements[i]!;
    const site: Site = { statements, index: i, outer: node, visibility };
    switch (node.type) {
      case 'module':
      case 'class':
        declareContainer(ctx, node, site, scope);
        break;
      case 'singleton_class':
        walk(ctx, bodyOf(node), { ...scope, singleton: true });
        break;
      case 'method':
      case 'singleton_method':
        declareMethod(ctx, node, site, scope);
        break;
      case 'assignment':
        declareConstant(ctx, node, site, scope);
        break;
      case 'identifier':
        // A bare `private` applies to the definitions after it.
        if (VISIBILITY.has(node.text)) visibility = node.text === 'public' ? null : node.text;
        break;
      case 'call': {
        const section = declareCall(ctx, node, site, scope);
        if (section !== undefined) visibility = section;
        break;
      }
      case 'ERROR':
        walk(ctx, named(node), scope);
        break;
    }
  }
}

function declareContainer(ctx: Extraction, node: SyntaxNode, site: Site, scope: RubyScope): void {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return;
  const written = nameNode.text.replace(/\s+/g, '');
  const name = written.includes('::') ? written.slice(written.lastIndexOf('::') + 2) : written;
  const kind: SymbolKind = node.type === 'module' ? 'module' : 'class';
  const fqn = scope.prefix ? `${scope.prefix}::${written}` : written;
  const signature = headText(ctx.source, node.startIndex, (node.childForFieldName('superclass') ?? nameNode).endIndex);
  const index = add(ctx, { name, kind, fqn, parent: scope.parent, signature, doc: null, modifiers: [] }, site, node);
  walk(ctx, bodyOf(node), { prefix: fqn, parent: index, singleton: false });
}

function declareMethod(ctx: Extraction, node: SyntaxNode, site: Site, scope: RubyScope): void {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return;
  const name = nameNode.text;
  const singleton = scope.singleton || node.type === 'singleton_method';
  const kind: SymbolKind = name === 'initialize' && !singleton ? 'constructor' : scope.prefix ? 'method' : 'function';
  const fqn = scope.prefix ? `${scope.prefix}${singleton ? '.' : '#'}${name}` : name;
  const signature = headText(ctx.source, node.startIndex, (node.childForFieldName('parameters') ?? nameNode).endIndex);
  const modifiers = site.visibility && !singleton ? [site.visibility] : [];
  add(ctx, { name, kind, fqn, parent: scope.parent, signature, doc: null, modifiers }, site, node);
}

function declareConstant(ctx: Extraction, node: SyntaxNode, site: Site, scope: RubyScope): void {
  const left = node.childForFieldName('left');
  if (left?.type !== 'constant') return;
  const fqn = scope.prefix ? `${scope.prefix}::${left.text}` : left.text;
  add(ctx, { name: left.text, kind: 'constant', fqn, parent: scope.parent, signature: collapse(node.text), doc: null, modifiers: [] }, site, node);
}

/** `private` / `private def x` / `attr_accessor :a, :b`; returns the visibility a bare section call sets, else undefined. */
function declareCall(ctx: Extraction, node: SyntaxNode, site: Site, scope: RubyScope): string | null | undefined {
  const method = node.childForFieldName('method')?.text ?? '';
  const args = node.childForFieldName('arguments');
  if (node.childForFieldName('receiver')) return undefined;
  if (VISIBILITY.has(method)) {
    const defs = args ? named(args).filter((n) => n.type === 'method' || n.type === 'singleton_method') : [];
    for (const def of defs) declareMethod(ctx, def, { ...site, visibility: method === 'public' ? null : method }, scope);
    if (!args) return method === 'public' ? null : method;
    return undefined;
  }
  if (ATTRIBUTES.has(method) && args && scope.prefix) {
    for (const arg of named(args)) {
      const name = arg.type === 'simple_symbol' ? arg.text.slice(1) : null;
      if (!name) continue;
      const modifiers = site.visibility ? [site.visibility, method] : [method];
      add(ctx, { name, kind: 'property', fqn: `${scope.prefix}#${name}`, parent: scope.parent, signature: `${method} :${name}`, doc: null, modifiers }, site, node);
    }
  }
  return undefined;
}

function add(ctx: Extraction, parts: Omit<ParsedSymbol, 'startLine' | 'endLine'>, site: Site, node: SyntaxNode): number {
  const doc = docOf(commentsAbove(site.statements, site.index, isComment, undefined, isDetachedRubyDoc), 'hash');
  return ctx.table.add(symbol({ ...parts, doc }, site.outer, node));
}

/** A body's statements, led by the comments before its first one: tree-sitter-ruby leaves those outside the body node. */
// RDoc and YARD attach a comment to the definition below it across a blank line; magic comments document nothing.
const MAGIC_COMMENT = /^#\s*(?:frozen_string_literal|encoding|coding|-\*-|typed:|rubocop:|warn_indent|shareable_constant_value)/;
const isDetachedRubyDoc = (node: SyntaxNode): boolean => !MAGIC_COMMENT.test(node.text);

function bodyOf(node: SyntaxNode): SyntaxNode[] {
  const body = node.childForFieldName('body');
  const leading = named(node).filter((n) => isComment(n) && (!body || n.startIndex < body.startIndex));
  return body ? [...leading, ...named(body)] : leading;
}
