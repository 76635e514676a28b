// Loads the tree-sitter WASM runtime and grammars once per thread from @vscode/tree-sitter-wasm.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as TS from '@vscode/tree-sitter-wasm';
import type { Language } from '../../../shared/types.js';

const requireCjs = createRequire(import.meta.url);
// The package is UMD; require() gives its exports object in both ESM and bundled builds.
const runtime = requireCjs('@vscode/tree-sitter-wasm') as typeof TS;
const wasmDir = dirname(requireCjs.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));

export type Tree = TS.Tree;
export type SyntaxNode = TS.Node;

// Module paths of each grammar, resolved through node_modules (electron-builder.yml unpacks every one of them).
export const GRAMMAR_MODULES: Record<Language, string | null> = {
  java: '@vscode/tree-sitter-wasm/wasm/tree-sitter-java.wasm',
  typescript: '@vscode/tree-sitter-wasm/wasm/tree-sitter-typescript.wasm',
  tsx: '@vscode/tree-sitter-wasm/wasm/tree-sitter-tsx.wasm',
  javascript: '@vscode/tree-sitter-wasm/wasm/tree-sitter-javascript.wasm',
  python: '@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm',
  go: '@vscode/tree-sitter-wasm/wasm/tree-sitter-go.wasm',
  rust: '@vscode/tree-sitter-wasm/wasm/tree-sitter-rust.wasm',
  csharp: '@vscode/tree-sitter-wasm/wasm/tree-sitter-c-sharp.wasm',
  cpp: '@vscode/tree-sitter-wasm/wasm/tree-sitter-cpp.wasm',
  c: '@repomix/tree-sitter-wasms/out/tree-sitter-c.wasm',
  ruby: '@vscode/tree-sitter-wasm/wasm/tree-sitter-ruby.wasm',
  php: '@vscode/tree-sitter-wasm/wasm/tree-sitter-php.wasm',
  bash: '@vscode/tree-sitter-wasm/wasm/tree-sitter-bash.wasm',
  css: '@vscode/tree-sitter-wasm/wasm/tree-sitter-css.wasm',
  kotlin: '@tree-sitter-grammars/tree-sitter-kotlin/tree-sitter-kotlin.wasm',
  scala: 'tree-sitter-scala/tree-sitter-scala.wasm',
  swift: '@repomix/tree-sitter-wasms/out/tree-sitter-swift.wasm',
  haskell: 'tree-sitter-haskell/tree-sitter-haskell.wasm',
  lua: '@tree-sitter-grammars/tree-sitter-lua/tree-sitter-lua.wasm',
  zig: '@tree-sitter-grammars/tree-sitter-zig/tree-sitter-zig.wasm',
  elixir: 'tree-sitter-elixir/tree-sitter-elixir.wasm',
};

let initPromise: Promise<void> | null = null;
const languages = new Map<Language, Promise<TS.Language>>();
const parsers = new Map<Language, TS.Parser>();
// Emscripten keeps its Module settings object and sets its heap views on it (again each time the heap
// grows): read, they give the heap's size. It grows to fit the largest tree and never shrinks (a parse
// worker is replaced once it is large; see parsePool.ts). The typings list only locateFile.
// The runtime is made once per thread, from the first settings object passed to init: a second copy of this
// module in the thread (a bench loading an older checkout beside this one) shares that object, through globalThis.
type ModuleOptions = { locateFile: (file: string) => string; HEAP8?: Int8Array } & Partial<WasmRuntime>;
const SHARED_OPTIONS = Symbol.for('clew.treeSitter.moduleOptions');
const shared = globalThis as { [SHARED_OPTIONS]?: ModuleOptions };
const moduleOptions: ModuleOptions = (shared[SHARED_OPTIONS] ??= { locateFile: (file: string) => join(wasmDir, file) });

/**
 * The runtime's own exports that queryMatches.ts reads a query's matches through (Emscripten puts them on the
 * same settings object): the heap as 32-bit words, the C entry point web-tree-sitter's `Query.matches` calls,
 * `free`, and `ts_init`, which gives the address of the transfer buffer the C side writes counts into.
 */
export interface WasmRuntime {
  HEAP32: Int32Array;
  _ts_query_matches_wasm(query: number, tree: number, startRow: number, startColumn: number, endRow: number, endColumn: number,
    startIndex: number, endIndex: number, matchLimit: number, maxStartDepth: number, timeoutMicros: number): void;
  _free(address: number): void;
  _ts_init(): number;
}

/** The runtime's exports (after init); throws if this web-tree-sitter build does not have them. */
export function wasmRuntime(): WasmRuntime {
  const m = moduleOptions;
  if (!m.HEAP32 || !m._ts_query_matches_wasm || !m._free || !m._ts_init) throw new Error('tree-sitter runtime not initialised or without the query exports');
  return m as WasmRuntime;
}

/** Loads the runtime (not yet a grammar): a parse worker does it while starting. */
export function init(): Promise<void> {
  initPromise ??= runtime.Parser.init(moduleOptions);
  return initPromise;
}

/** Bytes the tree-sitter WASM heap of this thread holds (its high-water mark); 0 before init. */
export const wasmHeapBytes = (): number => moduleOptions.HEAP8?.byteLength ?? 0;

export async function loadLanguage(lang: Language): Promise<TS.Language> {
  let loaded = languages.get(lang);
  if (!loaded) {
    const file = GRAMMAR_MODULES[lang];
    if (!file) throw new Error(`no grammar for ${lang}`);
    loaded = init().then(() => runtime.Language.load(requireCjs.resolve(file)));
    languages.set(lang, loaded);
  }
  return loaded;
}

/** A parser for the language, reused across files (parsers are cheap to keep, costly to create). */
export async function parserFor(lang: Language): Promise<TS.Parser> {
  let parser = parsers.get(lang);
  if (!parser) {
    const language = await loadLanguage(lang);
    parser = new runtime.Parser();
    parser.setLanguage(language);
    parsers.set(lang, parser);
  }
  return parser;
}

/** Parses source text; the caller must call tree.delete() when done (WASM memory is not GC'd). */
export async function parse(lang: Language, source: string): Promise<TS.Tree> {
  const parser = await parserFor(lang);
  const tree = parser.parse(source);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${lang}`);
  return tree;
}


export type Query = TS.Query;

/** Compiles a query once; each pattern must be one the grammar allows. */
export async function compileQuery(lang: Language, patterns: readonly string[]): Promise<TS.Query> {
  return new runtime.Query(await loadLanguage(lang), patterns.join('\n'));
}
