// Haskell: `Module.name`; functions (type signature and equations as one symbol), data types,
// newtypes, type synonyms, type classes with their methods; Haddock `-- |` docs.
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import { type LanguageTable, dotted, extractDeclarations, fieldName, functionKind, markedLines } from './declarative.js';

const COMMENTS = new Set(['comment', 'haddock']);

const HASKELL: LanguageTable = {
  rules: {
    signature: { kind: functionKind, name: fieldName, merge: true },
    function: { kind: functionKind, name: fieldName, merge: true, signatureEnd: (node) => node.childForFieldName('match')?.startIndex ?? node.endIndex },
    bind: { kind: functionKind, name: fieldName, merge: true, signatureEnd: (node) => node.childForFieldName('match')?.startIndex ?? node.endIndex },
    data_type: { kind: () => 'type', name: fieldName, signatureEnd: (node) => node.childForFieldName('constructors')?.startIndex ?? node.endIndex },
    newtype: { kind: () => 'type', name: fieldName },
    type_synomym: { kind: () => 'type', name: fieldName },
    type_synonym: { kind: () => 'type', name: fieldName },
    class: { kind: () => 'interface', name: fieldName, body: (node) => node.childForFieldName('declarations') },
  },
  transparent: new Set(['declarations', 'ERROR']),
  isComment: (node) => COMMENTS.has(node.type),
  doc: (comments) => markedLines(comments, /^--\s*\|\s?/),
  fqn: (root) => dotted(root.childForFieldName('header')?.childForFieldName('module')?.text.replace(/\s+/g, '') ?? childModule(root)),
};

function childModule(root: SyntaxNode): string | null {
  for (const child of root.namedChildren) if (child?.type === 'header') return child.childForFieldName('module')?.text ?? null;
  return null;
}

export function extractHaskell(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  return extractDeclarations(HASKELL, root, source, relPath);
}
