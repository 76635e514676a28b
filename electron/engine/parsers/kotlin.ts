// Kotlin: `package.Outer.member`; classes, interfaces, enums, objects (companions too), functions, properties, type aliases; KDoc docs.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import { cleanBlock, isComment, isUpperCase } from './common.js';
import { type LanguageTable, childOfType, dotted, extractDeclarations, fieldName, functionKind, hasToken } from './declarative.js';

const BODIES = new Set(['class_body', 'enum_class_body']);
const body = (node: SyntaxNode): SyntaxNode | null => childOfType(node, BODIES);
const modifiersText = (node: SyntaxNode): string => childOfType(node, 'modifiers')?.text ?? '';

function classKind(node: SyntaxNode): SymbolKind {
  if (hasToken(node, 'interface')) return 'interface';
  return /\benum\b/.test(modifiersText(node)) ? 'enum' : 'class';
}

function propertyName(node: SyntaxNode): string | null {
  const declaration = childOfType(node, 'variable_declaration');
  return declaration ? childOfType(declaration, 'identifier')?.text ?? null : null;
}

const KOTLIN: LanguageTable = {
  rules: {
    class_declaration: { kind: classKind, name: fieldName, body },
    object_declaration: { kind: () => 'class', name: fieldName, body },
    companion_object: { kind: () => 'class', name: (node) => fieldName(node) ?? childOfType(node, 'identifier')?.text ?? 'Companion', body },
    function_declaration: { kind: functionKind, name: fieldName, signatureEnd: (node) => childOfType(node, 'function_body')?.startIndex ?? node.endIndex },
    property_declaration: {
      kind: (node, inType) => (inType ? 'property' : /\bconst\b/.test(modifiersText(node)) || isUpperCase(propertyName(node) ?? '') ? 'constant' : 'variable'),
      name: propertyName,
      signatureEnd: (node) => childOfType(node, 'property_delegate')?.startIndex ?? (node.namedChildren.at(-1)?.type !== 'variable_declaration' ? node.namedChildren.at(-1)?.startIndex : undefined) ?? node.endIndex,
    },
    type_alias: { kind: () => 'type', name: (node) => node.childForFieldName('type')?.text ?? fieldName(node) },
    enum_entry: { kind: () => 'constant', name: (node) => childOfType(node, 'identifier')?.text ?? null },
  },
  transparent: new Set(['ERROR']),
  isComment,
  doc: (comments) => {
    const last = comments.at(-1)?.text.trim();
    return last?.startsWith('/**') ? cleanBlock(last) : null;
  },
  fqn: (root) => dotted(childOfType(root, 'package_header')?.namedChildren[0]?.text.replace(/\s+/g, '') ?? null),
  modifiers: (node) => modifiersText(node).split(/\s+/).filter(Boolean),
};

export function extractKotlin(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  return extractDeclarations(KOTLIN, root, source, relPath);
}
