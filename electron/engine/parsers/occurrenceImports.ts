// Import statements for the occurrence pass: each binding (local name → imported name of a module) and
// the positions of the local names, read from the import node itself. Null for a node that imports nothing.
import type { Language } from '../../../shared/types.js';
import type { ParsedImport } from '../../base/fileAnalysis.js';
import type { SyntaxNode } from './treeSitter.js';

export interface FoundImport {
  /** Null for a name written in the import that binds nothing (a from-import's module path). */
  row: ParsedImport | null;
  /** Where the local names are written (each becomes an `import` occurrence). */
  names: Array<{ name: string; line: number; col: number }>;
}

const at = (node: SyntaxNode): { name: string; line: number; col: number } => ({ name: node.text, line: node.startPosition.row + 1, col: node.startPosition.column + 1 });

function unquote(text: string): string {
  return text.replace(/^[`'"]|[`'"]$/gu, '');
}

/** The imports of an import node (possibly none), or null when the node is not one. */
export function importsOf(language: Language, node: SyntaxNode): FoundImport[] | null {
  const type = node.type;
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      if (type === 'import_statement') return tsImport(node);
      if (type === 'export_statement') return tsReexport(node);
      if (type === 'variable_declarator') return commonJsRequire(node);
      return null;
    case 'python':
      if (type === 'import_statement' || type === 'import_from_statement') return pythonImport(node);
      if (type === 'future_import_statement') return [];
      return null;
    case 'go':
      return type === 'import_declaration' ? goImport(node) : null;
    case 'java':
      return type === 'import_declaration' ? javaImport(node) : null;
    default:
      return null;
  }
}

function binding(local: SyntaxNode, imported: string | null, source: string): FoundImport {
  return { row: { local: local.text, imported, source, line: local.startPosition.row + 1 }, names: [at(local)] };
}

function tsImport(node: SyntaxNode): FoundImport[] {
  const sourceNode = node.childForFieldName('source');
  if (!sourceNode) return [];
  const source = unquote(sourceNode.text);
  const out: FoundImport[] = [];
  const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
  for (const part of clause?.namedChildren ?? []) {
    if (!part) continue;
    if (part.type === 'identifier') out.push(binding(part, 'default', source));
    else if (part.type === 'namespace_import') {
      const name = part.namedChildren.find((c) => c?.type === 'identifier');
      if (name) out.push(binding(name, null, source));
    } else if (part.type === 'named_imports') {
      for (const spec of part.namedChildren) {
        if (spec?.type !== 'import_specifier') continue;
        const name = spec.childForFieldName('name');
        const alias = spec.childForFieldName('alias');
        if (name) out.push(binding(alias ?? name, name.text, source));
      }
    }
  }
  return out;
}

/** `export { a as b } from './x'`, `export * from './x'`, `export * as ns from './x'`; null for a plain export (walked as code). */
function tsReexport(node: SyntaxNode): FoundImport[] | null {
  const sourceNode = node.childForFieldName('source');
  if (!sourceNode) return null;
  const source = unquote(sourceNode.text);
  const clause = node.namedChildren.find((c) => c?.type === 'export_clause');
  if (clause) {
    return clause.namedChildren.flatMap((spec) => {
      const name = spec?.type === 'export_specifier' ? spec.childForFieldName('name') : null;
      return name ? [binding(spec?.childForFieldName('alias') ?? name, name.text, source)] : [];
    });
  }
  const ns = node.namedChildren.find((c) => c?.type === 'namespace_export')?.namedChildren.find((c) => c?.type === 'identifier');
  if (ns) return [binding(ns, null, source)];
  return [{ row: { local: '*', imported: '*', source, line: node.startPosition.row + 1 }, names: [] }];
}

/** `const x = require('./y')`, `const { a, b: c } = require('./y')`, `const x = require('./y').x`. */
function commonJsRequire(node: SyntaxNode): FoundImport[] | null {
  let value = node.childForFieldName('value');
  // `require('./utils').compileETag`: one export of the module.
  const member = value?.type === 'member_expression' ? value.childForFieldName('property')?.text ?? null : null;
  if (member !== null) value = value?.childForFieldName('object') ?? null;
  if (value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'require') return null;
  const arg = value.childForFieldName('arguments')?.namedChildren[0];
  if (arg?.type !== 'string') return null;
  const source = unquote(arg.text);
  const name = node.childForFieldName('name');
  if (!name) return [];
  if (member !== null) return name.type === 'identifier' ? [binding(name, member, source)] : [];
  if (name.type === 'identifier') return [binding(name, null, source)];
  if (name.type !== 'object_pattern') return [];
  return name.namedChildren.flatMap((part) => {
    if (part?.type === 'shorthand_property_identifier_pattern') return [binding(part, part.text, source)];
    if (part?.type === 'pair_pattern') {
      const key = part.childForFieldName('key');
      const local = part.childForFieldName('value');
      return key && local?.type === 'identifier' ? [binding(local, key.text, source)] : [];
    }
    return [];
  });
}

function pythonImport(node: SyntaxNode): FoundImport[] {
  const out: FoundImport[] = [];
  if (node.type === 'import_statement') {
    for (const part of node.namedChildren) {
      if (part?.type === 'dotted_name') {
        // `import a.b` binds `a`, the top package.
        const first = part.namedChildren[0];
        if (first) out.push(binding(first, null, first.text));
      } else if (part?.type === 'aliased_import') {
        const name = part.childForFieldName('name');
        const alias = part.childForFieldName('alias');
        if (name && alias) out.push(binding(alias, null, name.text));
      }
    }
    return out;
  }
  const moduleNode = node.childForFieldName('module_name');
  if (!moduleNode) return out;
  const source = moduleNode.text.replace(/\s+/gu, '');
  // The module's path is an occurrence too (named by the path): it leads to the module's file.
  out.push({ row: null, names: [{ name: source, line: moduleNode.startPosition.row + 1, col: moduleNode.startPosition.column + 1 }] });
  for (const part of node.namedChildren) {
    if (!part || part.id === moduleNode.id) continue;
    if (part.type === 'wildcard_import') out.push({ row: { local: '*', imported: '*', source, line: part.startPosition.row + 1 }, names: [] });
    else if (part.type === 'dotted_name') {
      const last = part.namedChildren[part.namedChildren.length - 1];
      if (last) out.push(binding(last, part.text, source));
    } else if (part.type === 'aliased_import') {
      const name = part.childForFieldName('name');
      const alias = part.childForFieldName('alias');
      // `x as y`: the imported name is written too (`from .ctx import f as f`, the re-export idiom).
      if (name && alias) out.push({ ...binding(alias, name.text, source), names: [at(name), at(alias)] });
    }
  }
  return out;
}

/** The name a Go package is used by: its last path part, past a `/v2` major version and a `.v3` or `go-` decoration. */
export function goPackageName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1] ?? path;
  if (/^v\d+$/u.test(last) && parts.length > 1) last = parts[parts.length - 2] ?? last;
  return last.replace(/\.v\d+$/u, '').replace(/^go-/u, '').replace(/[-.]go$/u, '').replace(/[^\p{L}\p{N}_]/gu, '_');
}

function goImport(node: SyntaxNode): FoundImport[] {
  const specs: SyntaxNode[] = [];
  const collect = (n: SyntaxNode): void => {
    for (const c of n.namedChildren) {
      if (c?.type === 'import_spec') specs.push(c);
      else if (c?.type === 'import_spec_list') collect(c);
    }
  };
  collect(node);
  const out: FoundImport[] = [];
  for (const spec of specs) {
    const pathNode = spec.childForFieldName('path');
    if (!pathNode) continue;
    const source = unquote(pathNode.text);
    const name = spec.childForFieldName('name');
    if (name?.type === 'package_identifier') out.push(binding(name, null, source));
    else if (name?.type === 'dot') out.push({ row: { local: '*', imported: '*', source, line: spec.startPosition.row + 1 }, names: [] });
    else if (!name) {
      // The package name is not written: its import occurrence sits on the path, where gopls places the package's definition.
      const local = goPackageName(source);
      out.push({ row: { local, imported: null, source, line: spec.startPosition.row + 1 }, names: [{ name: local, line: pathNode.startPosition.row + 1, col: pathNode.startPosition.column + 1 }] });
    }
  }
  return out;
}

function javaImport(node: SyntaxNode): FoundImport[] {
  const m = /^import\s+(static\s+)?([\w$.\s]+?)(\s*\.\s*\*)?\s*;/u.exec(node.text);
  if (!m?.[2]) return [];
  const path = m[2].replace(/\s+/gu, '');
  const line = node.startPosition.row + 1;
  if (m[3]) return [{ row: { local: '*', imported: '*', source: path, line }, names: [] }];
  const dot = path.lastIndexOf('.');
  const name = path.slice(dot + 1);
  // The imported name is the last identifier of the statement.
  const ids = node.descendantsOfType('identifier');
  const last = ids[ids.length - 1];
  return [{ row: { local: name, imported: name, source: path.slice(0, Math.max(0, dot)), line }, names: last && last.text === name ? [at(last)] : [] }];
}
