// The occurrence pass: every identifier tree-sitter sees, with its role (definition, reference, call,
// import, type use), its position (1-based line, UTF-16 column) and the symbol around it, plus the file's
// imports. One cursor walk per file, generic over the language tables in occurrenceRules.ts.
import type { Language } from '../../../shared/types.js';
import type { FileOccurrences, ParsedImport, ParsedSymbol } from '../../base/fileAnalysis.js';
import { OCCURRENCE_ROLES, type OccurrenceRole } from '../../../shared/nav.js';
import { occurrenceRules, type OccurrenceRules } from './occurrenceRules.js';
import { importsOf } from './occurrenceImports.js';
import type { SyntaxNode } from './treeSitter.js';

const ROLE_INDEX = Object.fromEntries(OCCURRENCE_ROLES.map((r, i) => [r, i])) as Record<OccurrenceRole, number>;
/** Numbers per occurrence in `FileOccurrences.rows`. */
export const OCCURRENCE_STRIDE = 6;
/** A file with more is cut there (generated code): the index stays small and the write fast. */
const MAX_OCCURRENCES = 50_000;

interface Frame {
  type: string;
  /** The field this node fills in its parent ('' when none). */
  field: string;
  /** For a member access: the text of its object when that is a plain name (`this`, `self`, a module alias). */
  qualifier: string | null;
}

/** Interns names and collects rows; the enclosing symbol is looked up by line. */
class Collector {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  readonly rows: number[] = [];
  /** The innermost symbol on each line (index into `symbols`), -1 for none. */
  private readonly owner: Int32Array;

  constructor(private readonly symbols: readonly ParsedSymbol[], lineCount: number) {
    this.owner = new Int32Array(lineCount + 2).fill(-1);
    // Outer symbols first, so inner ones overwrite their lines.
    const order = symbols.map((_, i) => i).sort((a, b) => (symbols[b]!.endLine - symbols[b]!.startLine) - (symbols[a]!.endLine - symbols[a]!.startLine));
    for (const i of order) {
      const s = symbols[i]!;
      for (let line = s.startLine; line <= Math.min(s.endLine, lineCount + 1); line++) this.owner[line] = i;
    }
  }

  intern(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }

  /** The symbol around a line; a definition's own symbol gives way to its parent (a method's name belongs to its class). */
  enclosing(line: number, name: string, role: number): number {
    let index = this.owner[line] ?? -1;
    if (role !== ROLE_INDEX.definition) return index;
    for (let i = index; i >= 0; i = this.symbols[i]?.parent ?? -1) {
      const s = this.symbols[i]!;
      if (s.name === name) return s.parent ?? -1;
    }
    // A Go method or a symbol whose range starts on a later line: its name is still its own definition.
    for (const s of this.symbols) if (s.startLine === line && s.name === name) index = s.parent ?? -1;
    return index;
  }

  add(line: number, col: number, name: string, role: number, qualifier: string | null): boolean {
    if (this.rows.length >= MAX_OCCURRENCES * OCCURRENCE_STRIDE) return false;
    this.rows.push(line, col, this.intern(name), role, this.enclosing(line, name, role), qualifier === null ? -1 : this.intern(qualifier));
    return true;
  }
}

/** Identifier occurrences and imports of one parsed file; null for a language without rules. */
export function extractOccurrences(language: Language, root: SyntaxNode, source: string, symbols: readonly ParsedSymbol[]): FileOccurrences | null {
  const rules = occurrenceRules(language);
  if (!rules) return null;
  const lineCount = root.endPosition.row + 1;
  const out = new Collector(symbols, lineCount);
  const imports: ParsedImport[] = [];
  walk(rules, language, root, source, out, imports);
  return { names: out.names, rows: out.rows, imports };
}

function walk(rules: OccurrenceRules, language: Language, root: SyntaxNode, source: string, out: Collector, imports: ParsedImport[]): void {
  const cursor = root.walk();
  const stack: Frame[] = [];
  let typeDepth = 0;
  try {
    for (;;) {
      const type = cursor.nodeType;
      const field = cursor.currentFieldName ?? '';
      const parent = stack[stack.length - 1];
      let descend = cursor.nodeIsNamed && !rules.skip.has(type);
      if (descend && cursor.nodeIsNamed) {
        const found = importsOf(language, type, cursor, source);
        if (found) {
          for (const imp of found) {
            imports.push(imp.row);
            for (const at of imp.names) out.add(at.line, at.col, at.name, ROLE_INDEX.import, null);
          }
          descend = false;
        }
      }
      if (descend && rules.names.has(type)) {
        const text = source.slice(cursor.startIndex, cursor.endIndex);
        if (parent && rules.members[parent.type]?.[0] === field) parent.qualifier = text;
        const role = roleOf(rules, stack, type, field, typeDepth > 0);
        if (role !== null) {
          const pos = cursor.startPosition;
          const qualifier = parent && rules.members[parent.type]?.[1] === field ? parent.qualifier : null;
          if (!out.add(pos.row + 1, pos.column + 1, text, role, qualifier)) return;
        }
        descend = false;
      } else if (descend && parent && rules.selfNodes.has(type) && rules.members[parent.type]?.[0] === field) {
        parent.qualifier = type;
      }
      if (descend && cursor.gotoFirstChild()) {
        stack.push({ type, field, qualifier: null });
        if (rules.typeContexts.has(type)) typeDepth++;
        continue;
      }
      // Next sibling, or up until there is one.
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
        const frame = stack.pop();
        if (frame && rules.typeContexts.has(frame.type)) typeDepth--;
      }
    }
  } finally {
    cursor.delete();
  }
}

function roleOf(rules: OccurrenceRules, stack: readonly Frame[], type: string, field: string, inType: boolean): number | null {
  const parent = stack[stack.length - 1];
  if (!parent) return ROLE_INDEX.reference;
  if (rules.ignore[parent.type]?.includes(field)) return null;
  if (rules.declaringNames.has(type) || rules.definitions[parent.type]?.includes(field)) return ROLE_INDEX.definition;
  const list = rules.declaringLists[parent.type];
  if (list !== undefined) {
    const grand = stack[stack.length - 2];
    if (list === null || (grand && list.includes(`${grand.type}.${parent.field}`))) return ROLE_INDEX.definition;
  }
  if (rules.calls[parent.type] === field) return ROLE_INDEX.call;
  if (rules.members[parent.type]?.[1] === field) {
    const grand = stack[stack.length - 2];
    if (grand && rules.calls[grand.type] === parent.field) return ROLE_INDEX.call;
  }
  if (inType || rules.typeNames.has(type)) return ROLE_INDEX.type;
  return ROLE_INDEX.reference;
}
