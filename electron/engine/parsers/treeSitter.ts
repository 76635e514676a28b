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

const GRAMMAR_FILES: Record<Language, string | null> = {
  java: 'tree-sitter-java.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  python: 'tree-sitter-python.wasm',
  go: 'tree-sitter-go.wasm',
  rust: 'tree-sitter-rust.wasm',
  csharp: 'tree-sitter-c-sharp.wasm',
  cpp: 'tree-sitter-cpp.wasm',
  c: 'tree-sitter-cpp.wasm', // no C grammar ships; C parses well enough as C++
  ruby: 'tree-sitter-ruby.wasm',
  php: 'tree-sitter-php.wasm',
  bash: 'tree-sitter-bash.wasm',
  css: 'tree-sitter-css.wasm',
};

let initPromise: Promise<void> | null = null;
const languages = new Map<Language, Promise<TS.Language>>();
const parsers = new Map<Language, TS.Parser>();

function init(): Promise<void> {
  initPromise ??= runtime.Parser.init({ locateFile: (file: string) => join(wasmDir, file) });
  return initPromise;
}

export async function loadLanguage(lang: Language): Promise<TS.Language> {
  let loaded = languages.get(lang);
  if (!loaded) {
    const file = GRAMMAR_FILES[lang];
    if (!file) throw new Error(`no grammar for ${lang}`);
    loaded = init().then(() => runtime.Language.load(join(wasmDir, file)));
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
