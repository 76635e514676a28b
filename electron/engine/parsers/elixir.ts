// Elixir: `MyApp.Accounts.User.create`; modules (nested ones under their parent), protocols, implementations,
// exceptions, def/defp/defmacro/defguard/defdelegate (clauses of one function are one symbol), `@doc` docs.
// Every Elixir declaration is a `call` node, so the rule reads the call's target to tell what it declares.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import { type LanguageTable, childOfType, dotted, extractDeclarations } from './declarative.js';

const MODULE_KINDS: Record<string, SymbolKind> = { defmodule: 'module', defprotocol: 'interface', defimpl: 'module', defexception: 'class' };
const FUNCTIONS = new Set(['def', 'defp', 'defmacro', 'defmacrop', 'defguard', 'defguardp', 'defdelegate', 'defn', 'defnp']);
const PRIVATE = new Set(['defp', 'defmacrop', 'defguardp', 'defnp']);
// Attributes that sit between a definition and its `@doc`, so they do not cut the doc off.
const ATTRIBUTES = new Set(['doc', 'spec', 'impl', 'deprecated', 'since', 'dialyzer']);

const macroOf = (node: SyntaxNode): string | null => (node.type === 'call' ? node.childForFieldName('target')?.text ?? null : null);
const argumentsOf = (node: SyntaxNode): SyntaxNode | null => childOfType(node, 'arguments');

/** `name(args)`, `name`, `name(args) when guard` → the call or identifier that names the function. */
function functionHead(node: SyntaxNode): SyntaxNode | null {
  let head = argumentsOf(node)?.namedChildren[0] ?? null;
  if (head?.type === 'binary_operator' && head.childForFieldName('operator')?.text === 'when') head = head.childForFieldName('left');
  return head;
}

function functionName(head: SyntaxNode | null): string | null {
  if (!head) return null;
  if (head.type === 'identifier') return head.text;
  if (head.type === 'call') {
    const target = head.childForFieldName('target');
    // `def unquote(name)(…)` is generated: its name is not in the source.
    return target?.type === 'identifier' && target.text !== 'unquote' ? target.text : null;
  }
  // Operators defined as functions: `def left + right`.
  if (head.type === 'binary_operator') return head.childForFieldName('operator')?.text ?? null;
  return null;
}

function declaredName(node: SyntaxNode): string | null {
  const macro = macroOf(node);
  if (!macro) return null;
  if (macro === 'defimpl') {
    // `defimpl Size, for: BitString` is the module `Size.BitString`.
    const args = argumentsOf(node);
    const protocol = args?.namedChildren[0];
    const target = childOfType(args ?? node, 'keywords')?.namedChildren.find((p) => p?.childForFieldName('key')?.text.trim() === 'for:');
    if (protocol?.type !== 'alias') return null;
    const forType = target?.childForFieldName('value');
    return forType?.type === 'alias' ? `${protocol.text}.${forType.text}` : protocol.text;
  }
  if (macro in MODULE_KINDS) {
    const alias = argumentsOf(node)?.namedChildren[0];
    return alias?.type === 'alias' ? alias.text : null;
  }
  if (macro === 'defexception') return null;
  return FUNCTIONS.has(macro) ? functionName(functionHead(node)) : null;
}

function declaredKind(node: SyntaxNode, inType: boolean): SymbolKind {
  const macro = macroOf(node) ?? '';
  return MODULE_KINDS[macro] ?? (inType ? 'method' : 'function');
}

/** `@doc "…"`, `@doc """…"""`, `@spec …`: the attribute's name, else null. */
function attributeName(node: SyntaxNode): string | null {
  if (node.type !== 'unary_operator' || node.childForFieldName('operator')?.text !== '@') return null;
  const operand = node.childForFieldName('operand');
  return operand?.type === 'call' ? operand.childForFieldName('target')?.text ?? null : operand?.type === 'identifier' ? operand.text : null;
}

function docText(attribute: SyntaxNode): string | null {
  const value = attribute.childForFieldName('operand') && argumentsOf(attribute.childForFieldName('operand')!)?.namedChildren[0];
  if (value?.type !== 'string') return null;
  const text = value.namedChildren.filter((c) => c?.type === 'quoted_content').map((c) => c!.text).join('').trim();
  return text.length > 0 ? text.split('\n').map((l) => l.trim()).join('\n') : null;
}

const ELIXIR: LanguageTable = {
  rules: {
    call: {
      kind: declaredKind,
      name: declaredName,
      body: (node) => (macroOf(node) ?? '') in MODULE_KINDS ? childOfType(node, 'do_block') : null,
      // The head only: `def create(attrs \\ %{})`, not its `do:` keywords or block.
      signatureEnd: (node) => (((macroOf(node) ?? '') in MODULE_KINDS ? argumentsOf(node)?.namedChildren[0] : functionHead(node)) ?? node).endIndex,
      merge: true,
    },
  },
  transparent: new Set(['ERROR']),
  isComment: (node) => node.type === 'comment' || ATTRIBUTES.has(attributeName(node) ?? ''),
  doc: (comments) => {
    const doc = comments.findLast((c) => attributeName(c) === 'doc');
    return doc ? docText(doc) : null;
  },
  fqn: () => dotted(null),
  modifiers: (node) => (PRIVATE.has(macroOf(node) ?? '') ? ['private'] : macroOf(node)?.startsWith('defmacro') ? ['macro'] : []),
};

export function extractElixir(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  return extractDeclarations(ELIXIR, root, source, relPath);
}
