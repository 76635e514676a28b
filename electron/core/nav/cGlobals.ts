// C's names outside functions: one namespace for functions, variables, macros, enumerators and typedefs and one for
// struct, union and enum tags, shared by every file of the program (headers bring them in; a `static` one stays in its
// `.c` file). A function may be declared in a header and defined in a `.c` file: uses go to the body, as clangd does.
// C++ keeps one namespace for both (a class is named without `class`), and its globals may sit inside namespaces.
import type { NavSymbol } from '../../db/read/nav/navRows.js';
import { proximity } from './modules.js';
import { leftOutByDefault } from './preprocessorBranch.js';

/** The words that put a C name in the tag namespace; the occurrence pass keeps one as a type use's qualifier. */
export const C_TAG_WORDS: ReadonlySet<string> = new Set(['struct', 'union', 'enum']);
/** The kinds a tag declares (unions are extracted as structs). */
export const C_TAG_KINDS: ReadonlySet<string> = new Set(['struct', 'enum']);
const TYPE_KINDS = new Set(['type', 'struct', 'enum', 'class']);
/** What one function or variable may be declared as, more than once. */
const ENTITY_KINDS = new Set(['function', 'variable']);
/** C++ functions and methods declared in one place and defined in another (`void Cls::m() {…}`). */
const CPP_CALLABLE = new Set(['function', 'method', 'constructor']);
const C_FILE = /\.(?:c|cc|cpp|cxx)$/iu;
const ROLE_CALL = 2;
const ROLE_TYPE = 4;

/** What the lookups read, from the resolver's per-request caches. */
export interface CReads {
  named(name: string): NavSymbol[];
  symbol(id: number | null): NavSymbol | null;
  lineText(fileId: number, line: number): string | null;
  /** Whether any file of the repo defines the name (a `#define X` with no value is no symbol, but is a definition). */
  definedAnywhere(name: string): boolean;
}

export interface CUse {
  name: string;
  language: string | null;
  role: number;
  qualifier: string | null;
  fileId: number;
  path: string;
}

/** Languages whose names outside functions are the whole program's, looked up among the repo's globals here. */
export const isCFamily = (language: string | null): boolean => language === 'c' || language === 'cpp';

export const isCTagUse = (use: { role: number; qualifier: string | null }): boolean =>
  use.role === ROLE_TYPE && use.qualifier !== null && C_TAG_WORDS.has(use.qualifier);

/** `typedef struct Stack Stack` → the tag `Stack`; `typedef uint16_t TSSymbol` → `uint16_t`; null for a function pointer type. */
export function typedefTarget(signature: string): { name: string; tag: boolean } | null {
  // C++: `using Handle = Cache::Handle` names its last name.
  const using = /^using\s+[\p{L}_][\p{L}\p{N}_]*\s*=\s*(?:typename\s+)?(?:const\s+)?(?:[\p{L}_][\p{L}\p{N}_]*::)*([\p{L}_][\p{L}\p{N}_]*)\s*[*&]*\s*;?$/u.exec(signature.trim());
  if (using?.[1]) return { name: using[1], tag: false };
  const m = /^typedef\s+(?:(?:const|volatile)\s+)*(?:(struct|union|enum)\s+)?([A-Za-z_]\w*)/u.exec(signature.trim());
  if (!m?.[2] || /^typedef\s[^;]*\(\s*\*/u.test(signature) || (m[1] === undefined && C_TAG_WORDS.has(m[2]))) return null;
  return { name: m[2], tag: m[1] !== undefined };
}

const PROTOTYPE_END = /;\s*(?:\/\/.*|\/\*.*\*\/\s*)?$/u;

export class CGlobals {
  private readonly prototypeCache = new Map<number, boolean>();

  constructor(private readonly reads: CReads) {}

  /** A function declared without its body (`int f(void);`), read off the line it ends on. */
  isPrototype(s: NavSymbol): boolean {
    if (s.kind !== 'function' || s.signature.startsWith('#define')) return false;
    let found = this.prototypeCache.get(s.id);
    if (found === undefined) this.prototypeCache.set(s.id, (found = PROTOTYPE_END.test(this.reads.lineText(s.fileId, s.endLine) ?? '')));
    return found;
  }

  /** The repo's global definitions a use of a name may mean, best first (its namespace, bodies before declarations, nearest first). */
  lookup(use: CUse): NavSymbol[] {
    const tag = isCTagUse(use);
    const globals = this.globalsNamed(use.name, use.fileId);
    if (!globals.length) return [];
    const declarations = this.declarationsOnly(globals);
    const group = (s: NavSymbol): number => (use.language === 'cpp' ? cppGroup(use.role, s.kind) : tag ? (C_TAG_KINDS.has(s.kind) ? 0 : 1)
      : use.role === ROLE_TYPE ? (s.kind === 'type' ? 0 : C_TAG_KINDS.has(s.kind) ? 1 : 2)
      : use.role === ROLE_CALL ? (s.kind === 'function' ? 0 : TYPE_KINDS.has(s.kind) ? 2 : 1)
      : (s.kind === 'type' ? 1 : C_TAG_KINDS.has(s.kind) ? 2 : 0));
    const rank = (s: NavSymbol): number => (declarations.has(s.id) ? 4 : 0) + (s.kind === 'function' ? 0 : 2) + (s.fileId === use.fileId ? 0 : 1);
    const best = Math.min(...globals.map(group));
    // Another namespace's definitions only when the use's own has none (a `sizeof(Type)` is written as a plain name).
    // Of two alike, the one an `#ifdef` of the default build compiles goes first (`#else typedef char XML_Char`).
    return globals.filter((s) => group(s) === best)
      .sort((a, b) => rank(a) - rank(b) || this.leftOut(a) - this.leftOut(b) || proximity(use.path, b.path) - proximity(use.path, a.path));
  }

  private readonly leftOutCache = new Map<number, number>();
  private readonly definedCache = new Map<string, boolean>();

  private isDefined(name: string): boolean {
    let found = this.definedCache.get(name);
    if (found === undefined) this.definedCache.set(name, (found = this.reads.definedAnywhere(name)));
    return found;
  }

  /** 1 when the definition sits in a preprocessor branch the default build leaves out (preprocessorBranch.ts), else 0. */
  private leftOut(s: NavSymbol): number {
    let found = this.leftOutCache.get(s.id);
    if (found === undefined) {
      const out = leftOutByDefault(s.startLine, (line) => this.reads.lineText(s.fileId, line), (name) => this.isDefined(name));
      this.leftOutCache.set(s.id, (found = out ? 1 : 0));
    }
    return found;
  }

  /**
   * A function's or variable's other declarations: its body for a prototype (or an `extern`, or a variable naming a
   * function, `static PROLOG_HANDLER prolog1;`), those for a body. F12 on one goes to the other; references count both.
   */
  counterparts(s: NavSymbol): NavSymbol[] {
    // C++: the same qualified name and parameters, declared in its class (or a header) and defined out of line.
    if (s.language === 'cpp' && CPP_CALLABLE.has(s.kind)) return this.reads.named(s.name).filter((o) => o.id !== s.id && o.fqn === s.fqn && CPP_CALLABLE.has(o.kind));
    if (!ENTITY_KINDS.has(s.kind) || !this.isGlobal(s)) return [];
    const same = this.globalsNamed(s.name, s.fileId).filter((o) => ENTITY_KINDS.has(o.kind));
    const declarations = this.declarationsOnly(same);
    return same.filter((o) => o.id !== s.id && declarations.has(o.id) !== declarations.has(s.id));
  }

  /** Top level, an enumerator (its enum's scope is the file's), or in C++ inside namespaces. */
  isGlobal(s: NavSymbol): boolean {
    if (s.parentId === null) return true;
    const parent = this.reads.symbol(s.parentId);
    if (s.kind === 'constant' && parent?.kind === 'enum') return parent.parentId === null || this.isGlobal(parent);
    // C++: a name inside namespaces is the program's (`leveldb::Slice` is found as `Slice`).
    return s.language === 'cpp' && parent?.kind === 'namespace' && this.isGlobal(parent);
  }

  private globalsNamed(name: string, fileId: number): NavSymbol[] {
    return this.reads.named(name).filter((s) => isCFamily(s.language) && this.isGlobal(s) && this.visibleFrom(s, fileId));
  }

  /** Of one name's globals, those that only declare: prototypes, `extern`s, and variables beside a function body of the name. */
  private declarationsOnly(globals: readonly NavSymbol[]): Set<number> {
    const body = globals.some((s) => s.kind === 'function' && !this.isPrototype(s));
    return new Set(globals.filter((s) => this.isPrototype(s) || (s.kind === 'variable' && (body || /^extern\b/u.test(s.signature)))).map((s) => s.id));
  }

  /** The type a typedef names, looked up from the typedef's place. */
  typedefTypes(s: NavSymbol): NavSymbol[] {
    const target = typedefTarget(s.signature);
    if (!target || (target.name === s.name && !target.tag)) return [];
    const found = this.lookup({ name: target.name, language: s.language, role: ROLE_TYPE, qualifier: target.tag ? 'struct' : null, fileId: s.fileId, path: s.path });
    return found.filter((t) => t.id !== s.id);
  }

  /** A `static` definition in a `.c` file is seen there only; one in a header, by every file that includes it. */
  private visibleFrom(s: NavSymbol, fileId: number): boolean {
    return s.fileId === fileId || !C_FILE.test(s.path) || !/^static\b/u.test(s.signature);
  }
}

/** C++'s one namespace, by use: a type use means a type, a call a function (or a class constructed), a value anything else first. */
function cppGroup(role: number, kind: string): number {
  if (role === ROLE_TYPE) return TYPE_KINDS.has(kind) ? 0 : kind === 'namespace' ? 2 : 1;
  if (role === ROLE_CALL) return kind === 'function' ? 0 : TYPE_KINDS.has(kind) ? 1 : 2;
  return TYPE_KINDS.has(kind) || kind === 'namespace' ? 1 : 0;
}
