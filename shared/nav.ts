// Types of the navigation verbs (definition, references, callers/callees, flow, file tree), shared by
// the Backend, the CLI, the MCP tools and the renderer. Lines and columns are 1-based; a column
// counts UTF-16 code units, as editors and CodeMirror do.
import type { EntryPointRow, SymbolKind } from './types.js';

/** `exact`: resolved through scope, imports or a known type. `candidate`: a same-named definition, ranked by proximity. */
export type NavConfidence = 'exact' | 'candidate';

/** What an identifier occurrence does at its place. */
export const OCCURRENCE_ROLES = ['definition', 'reference', 'call', 'import', 'type'] as const;
export type OccurrenceRole = (typeof OCCURRENCE_ROLES)[number];

/**
 * A definition occurrence's qualifier is its type hint (`T`, `F()` for a call's result, `=v` for a
 * variable's type); an attribute definition's (`self.x = …`) starts with this mark.
 */
export const ATTRIBUTE_MARK = '.';

/**
 * A use's qualifier when it is a member of an expression no name stands for (`f().x`, `g().a.x`,
 * `(y as T).x`): its receiver is unknown, so it is never resolved as a plain name.
 */
export const EXPRESSION_RECEIVER = '()';

/**
 * A Go type hint or literal key's qualifier naming an anonymous struct by its lines in the file: `{12-20}` (a test
 * table's `[]struct{ name string }`). Its members are the fields declared on those lines.
 */
export const ANONYMOUS_STRUCT = '{';

/** A Python keyword argument's qualifier: `(` and the path called (`(p.prepare` for `p.prepare(cookies=…)`): the name is a parameter of what is called. */
export const KEYWORD_ARGUMENT = '(';

/** A doc comment's name (`{@link Observable.pipe}`, `@param x`): `@` and its receiver, if any. Resolved exactly or not at all, never guessed. */
export const DOC_NAME = '@';

/**
 * The type hint of an untyped parameter of a function passed as an argument (TypeScript, JavaScript): `^`, the path
 * called, the argument's and the parameter's index (`^Observable:0:0` for `new Observable((subscriber) => …)`). Its
 * type is the one the callee's signature gives that parameter.
 */
export const CALLBACK_PARAMETER = '^';

/** A place in a file of a registered repository. */
export interface NavPosition {
  repo: string;
  path: string;
  line: number;
  column: number;
}

/** One definition a position or a name resolves to. */
export interface DefinitionHit {
  fqn: string;
  name: string;
  kind: SymbolKind;
  repo: string;
  file: string;
  /** Where the name is written in the declaration (not where its annotations start). */
  line: number;
  column: number;
  endLine: number;
  signature: string;
  doc: string | null;
  confidence: NavConfidence;
}

/** One use of a symbol. */
export interface ReferenceHit {
  repo: string;
  file: string;
  line: number;
  column: number;
  role: OccurrenceRole;
  /** FQN of the symbol the occurrence sits in, or null at top level. */
  enclosing: string | null;
  /** The occurrence's line, trimmed. */
  snippet: string;
  confidence: NavConfidence;
}

export interface ReferencesAnswer {
  /** What the request resolved to; empty when the name or position names nothing. */
  targets: DefinitionHit[];
  refs: ReferenceHit[];
  /** True when `refs` was cut at the limit. */
  truncated: boolean;
}

/** An outside system reached from a call tree's leaf (HTTP, SQL, queues …). */
export interface ExternalLeaf {
  kind: string;
  client: string;
  target: string | null;
  line: number;
}

/** A node of a callers or callees tree. */
export interface CallTreeNode {
  fqn: string;
  name: string;
  kind: SymbolKind;
  file: string;
  line: number;
  confidence: NavConfidence;
  /** True when this symbol already appears above it in the tree: shown once, not expanded again. */
  cycle: boolean;
  /** True when the depth limit stopped the expansion while more existed below. */
  more: boolean;
  /** External calls made from this symbol (callees and flow only). */
  external: ExternalLeaf[];
  children: CallTreeNode[];
}

export interface FlowAnswer {
  entry: EntryPointRow;
  /** The handler's callee tree, or null when the handler could not be resolved to a symbol. */
  root: CallTreeNode | null;
}

/** A child of a folder in the file tree. */
export interface TreeEntry {
  /** Repo-relative, '/' separated. */
  path: string;
  name: string;
  kind: 'dir' | 'file';
  /** Files below (1 for a file). */
  files: number;
  symbols: number;
  language: string | null;
}
