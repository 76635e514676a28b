// Scala: `package.Outer.member`; classes, objects, traits, enums, defs, vals/vars, type aliases; Scaladoc docs.
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import { cleanBlock, isComment, isUpperCase } from './common.js';
import { type LanguageTable, childOfType, dotted, extractDeclarations, fieldName, functionKind } from './declarative.js';

const body = (node: SyntaxNode): SyntaxNode | null => node.childForFieldName('body');
const valueName = (node: SyntaxNode): string | null => node.childForFieldName('pattern')?.text ?? null;
const valueEnd = (node: SyntaxNode): number => node.childForFieldName('value')?.startIndex ?? node.endIndex;
const defEnd = (node: SyntaxNode): number => node.childForFieldName('body')?.startIndex ?? node.endIndex;

const SCALA: LanguageTable = {
  rules: {
    class_definition: { kind: () => 'class', name: fieldName, body },
    object_definition: { kind: () => 'class', name: fieldName, body },
    trait_definition: { kind: () => 'trait', name: fieldName, body },
    enum_definition: { kind: () => 'enum', name: fieldName, body },
    function_definition: { kind: functionKind, name: fieldName, signatureEnd: defEnd },
    function_declaration: { kind: functionKind, name: fieldName },
    val_definition: { kind: (node, inType) => (inType ? 'property' : isUpperCase(valueName(node) ?? '') ? 'constant' : 'variable'), name: valueName, signatureEnd: valueEnd },
    var_definition: { kind: (_node, inType) => (inType ? 'property' : 'variable'), name: valueName, signatureEnd: valueEnd },
    type_definition: { kind: () => 'type', name: fieldName },
  },
  transparent: new Set(['ERROR']),
  isComment,
  doc: (comments) => {
    const last = comments.at(-1)?.text.trim();
    return last?.startsWith('/**') ? cleanBlock(last) : null;
  },
  fqn: (root) => dotted(childOfType(root, 'package_clause')?.childForFieldName('name')?.text.replace(/\s+/g, '') ?? null),
};

export function extractScala(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  return extractDeclarations(SCALA, root, source, relPath);
}
