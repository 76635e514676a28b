// Zig: `path/file:Outer.member`; structs, enums, unions (const bindings of containers), functions, fields, constants; `///` docs.
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import { isComment, isUpperCase } from './common.js';
import { type LanguageTable, childOfType, extractDeclarations, fieldName, functionKind, hasToken, markedLines } from './declarative.js';
import { modulePath } from './typescript.js';

const CONTAINERS = new Set(['struct_declaration', 'enum_declaration', 'union_declaration', 'opaque_declaration']);
const container = (node: SyntaxNode): SyntaxNode | null => childOfType(node, CONTAINERS);
const bindingName = (node: SyntaxNode): string | null => childOfType(node, 'identifier')?.text ?? null;

const ZIG: LanguageTable = {
  rules: {
    variable_declaration: {
      kind: (node) => {
        const c = container(node);
        if (c) return c.type === 'enum_declaration' ? 'enum' : 'struct';
        // Imports (`const std = @import("std")`) are not declarations of this file.
        if (childOfType(node, 'builtin_function')?.text.startsWith('@import')) return null;
        return hasToken(node, 'const') && (isUpperCase(bindingName(node) ?? '') || !hasToken(node, 'var')) ? 'constant' : 'variable';
      },
      name: bindingName,
      body: container,
      signatureEnd: (node) => container(node)?.startIndex ?? node.endIndex,
    },
    function_declaration: { kind: functionKind, name: fieldName, signatureEnd: (node) => node.childForFieldName('body')?.startIndex ?? node.endIndex },
    container_field: { kind: () => 'field', name: (node) => node.childForFieldName('name')?.text ?? childOfType(node, 'identifier')?.text ?? null },
  },
  transparent: new Set(['ERROR']),
  isComment,
  doc: (comments) => markedLines(comments, /^\/\/\/\s?/),
  fqn: (_root, relPath) => (qualified) => `${modulePath(relPath)}:${qualified}`,
  modifiers: (node) => (hasToken(node, 'pub') ? ['pub'] : []),
};

export function extractZig(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  return extractDeclarations(ZIG, root, source, relPath);
}
