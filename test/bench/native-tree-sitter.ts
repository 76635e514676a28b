// Would a native tree-sitter binding close the index-time gap to ctags? Times, on the index-peers Go tree, tree-sitter's
// parse, the occurrence query and a walk over every node, in the WASM runtime as Clew runs it and in the native
// Node binding (`tree-sitter` and `tree-sitter-go` from npm, built once into the bench cache), same grammar version.
// Run it as: node --import tsx test/bench/native-tree-sitter.ts [--rounds N]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { compileQuery, parse } from '../../electron/engine/parsers/treeSitter.js';
import { occurrencePatterns } from '../../electron/engine/parsers/occurrenceRules.js';
import { rawMatches } from '../../electron/engine/parsers/queryMatches.js';
import { codeOrigin, textOnly } from '../../electron/engine/codeOrigin.js';
import { goTree } from './indexPeers/goTree.js';
import { cacheDir } from './relevance/corpora.js';

// The grammar @vscode/tree-sitter-wasm 0.3.1 builds its Go WASM from (ABI 15, so the 0.25 runtime).
const NATIVE_PACKAGES = ['tree-sitter@0.25.0', 'tree-sitter-go@0.25.0'];
const MAX_FILE_BYTES = 1 << 20;
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '2' } } });

/** What this bench calls on either runtime's cursor: both share these names. */
interface Cursor {
  readonly nodeType: string;
  readonly startIndex: number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}
interface NativeTree { readonly rootNode: object; walk(): Cursor }
interface NativeParserClass {
  new (): { setLanguage(language: unknown): void; parse(source: string): NativeTree };
  Query: new (language: unknown, source: string) => { captures(node: object): unknown[] };
}

function loadNative(): { Parser: NativeParserClass; go: unknown } {
  const dir = join(cacheDir(), 'native-tree-sitter');
  if (!existsSync(join(dir, 'node_modules', 'tree-sitter-go', 'package.json'))) {
    console.log(`installing ${NATIVE_PACKAGES.join(' ')} into ${dir} (builds from source, about a minute)`);
    execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--legacy-peer-deps', ...NATIVE_PACKAGES], { stdio: 'inherit' });
  }
  const require = createRequire(join(dir, 'node_modules', 'x.js'));
  return { Parser: require('tree-sitter') as NativeParserClass, go: require('tree-sitter-go') as unknown };
}

/** Visits every node depth-first, reading what an extractor reads first (its type and where it starts). */
function walkAll(cursor: Cursor): number {
  let visited = 0;
  for (;;) {
    visited += cursor.nodeType.length > 0 && cursor.startIndex >= 0 ? 1 : 0;
    if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) continue;
    for (;;) {
      if (!cursor.gotoParent()) return visited;
      if (cursor.gotoNextSibling()) break;
    }
  }
}

const cpuSeconds = async (work: () => Promise<number> | number): Promise<{ s: number; count: number }> => {
  const t0 = process.cpuUsage();
  const count = await work();
  const used = process.cpuUsage(t0);
  return { s: (used.user + used.system) / 1e6, count };
};

const tree = goTree();
const paths = execFileSync('find', [tree.root, '-name', '*.go', '-type', 'f', '-size', `-${MAX_FILE_BYTES / 1024 + 1}k`], { encoding: 'utf8', maxBuffer: 64 << 20 })
  .trim().split('\n');
// Only what the indexer parses: minified files and build output are indexed as text (codeOrigin.ts); generated ones are parsed.
const sources = paths.map((p) => readFileSync(p, 'utf8')).filter((text, k) => !textOnly(codeOrigin(relative(tree.root, paths[k] ?? ''), text, text.split('\n'))));
const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s), 0);
const { Parser, go } = loadNative();
const native = new Parser();
native.setLanguage(go);
const patterns = occurrencePatterns('go') ?? [];
const nativeQuery = new Parser.Query(go, patterns.join('\n'));
const wasmQuery = await compileQuery('go', patterns);

const wasm = {
  parse: () => cpuSeconds(async () => { for (const s of sources) (await parse('go', s)).delete(); return sources.length; }),
  query: () => cpuSeconds(async () => { let n = 0; for (const s of sources) { const t = await parse('go', s); n += rawMatches(wasmQuery, t.rootNode).length; t.delete(); } return n; }),
  walk: () => cpuSeconds(async () => { let n = 0; for (const s of sources) { const t = await parse('go', s); n += walkAll(t.walk()); t.delete(); } return n; }),
};
const nat = {
  parse: () => cpuSeconds(() => { for (const s of sources) native.parse(s); return sources.length; }),
  query: () => cpuSeconds(() => { let n = 0; for (const s of sources) n += nativeQuery.captures(native.parse(s).rootNode).length; return n; }),
  walk: () => cpuSeconds(() => { let n = 0; for (const s of sources) n += walkAll(native.parse(s).walk()); return n; }),
};

console.log(`# native vs WASM tree-sitter — ${new Date().toISOString()}, node ${process.version}, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
console.log(`${sources.length} Go files the indexer parses (of ${paths.length} up to 1 MiB; the others generated), ${(bytes / 2 ** 20).toFixed(1)} MiB (tree: ${tree.files} files)`);
console.log('CPU seconds of this thread, rounds alternated; each row includes the parse');
const rows: [string, () => Promise<{ s: number; count: number }>, () => Promise<{ s: number; count: number }>][] = [
  ['parse', wasm.parse, nat.parse],
  ['parse + occurrence query (WASM: Clew\'s raw read; native: captures)', wasm.query, nat.query],
  ['parse + cursor walk over every node', wasm.walk, nat.walk],
];
const nativeParse: number[] = [];
const ctags: number[] = [];
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const [label, runWasm, runNative] of rows) {
    const w = await runWasm();
    const n = await runNative();
    if (runNative === nat.parse) nativeParse.push(n.s);
    console.log(`round ${round}  ${label.padEnd(66)} WASM ${w.s.toFixed(2).padStart(6)} s  native ${n.s.toFixed(2).padStart(6)} s  native/WASM ${(n.s / w.s).toFixed(2)}`);
  }
  ctags.push(timeCtags());
  console.log(`round ${round}  ctags -R over the whole tree (one thread, every file and language): ${ctags.at(-1)?.toFixed(2)} s wall`);
}
const best = (xs: number[]): number => Math.min(...xs);
console.log(`native parse alone, best round, over the two cores: ${(best(nativeParse) / 2).toFixed(2)} s = ${(best(nativeParse) / 2 / best(ctags)).toFixed(1)}× ctags' whole run`);

/** Wall seconds of `ctags -R` over the tree, its tags written to a scratch file (ctags runs on one thread). */
function timeCtags(): number {
  const out = mkdtempSync(join(tmpdir(), 'clew-native-ts-'));
  const t0 = performance.now();
  const run = spawnSync('ctags', ['-R', '-f', join(out, 'tags'), '.'], { cwd: tree.root, stdio: 'ignore' });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (run.error || run.status !== 0) throw new Error(`ctags failed (apt-get install -y universal-ctags): ${run.error?.message ?? `exit ${run.status}`}`);
  return seconds;
}
