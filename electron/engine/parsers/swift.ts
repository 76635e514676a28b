// Swift: `path/file:Outer.member`; classes, structs, enums, protocols, extensions (members under the
// extended type), functions, initializers, properties, type aliases; `///` docs.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import { isComment } from './common.js';
import { type LanguageTable, childOfType, extractDeclarations, fieldName, functionKind, hasToken, markedLines } from './declarative.js';
import { modulePath } from './typescript.js';

const body = (node: SyntaxNode): SyntaxNode | null => node.childForFieldName('body');

function typeKind(node: SyntaxNode): SymbolKind | null {
  if (hasToken(node, 'extension')) return null;
  if (hasToken(node, 'struct')) return 'struct';
  if (hasToken(node, 'enum')) return 'enum';
  return 'class';
}

const propertyName = (node: SyntaxNode): string | null => node.childForFieldName('name')?.text ?? null;

const SWIFT: LanguageTable = {
  rules: {
    class_declaration: { kind: typeKind, name: (node) => node.childForFieldName('name')?.text.replace(/<.*$/s, '') ?? null, body },
    protocol_declaration: { kind: () => 'interface', name: fieldName, body },
    function_declaration: { kind: functionKind, name: fieldName },
    protocol_function_declaration: { kind: () => 'method', name: fieldName },
    init_declaration: { kind: () => 'constructor', name: () => 'init' },
    property_declaration: { kind: (_node, inType) => (inType ? 'property' : 'variable'), name: propertyName, signatureEnd: (node) => node.childForFieldName('value')?.startIndex ?? node.endIndex },
    protocol_property_declaration: { kind: () => 'property', name: propertyName },
    typealias_declaration: { kind: () => 'type', name: fieldName },
    enum_entry: { kind: () => 'constant', name: fieldName },
  },
  transparent: new Set(['ERROR']),
  isComment,
  doc: (comments) => markedLines(comments, /^\/\/\/\s?/),
  fqn: (_root, relPath) => (qualified) => `${modulePath(relPath)}:${qualified}`,
  modifiers: (node) => childOfType(node, 'modifiers')?.text.split(/\s+/).filter(Boolean) ?? [],
};

export function extractSwift(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  return extractDeclarations(SWIFT, root, source, relPath);
}
