// `npm run bench:nav`: Clew's go-to-definition and find-references measured against real language
// tooling as the oracle (TypeScript language service, pyright, gopls, clangd) over real pinned codebases,
// with in-process latency. Prints figures; asserts nothing.
//   npm run bench:nav -- [--langs typescript,python,go,c] [--defs 200] [--refs 40] [--misses [N per cause]] [--by-name]
// --by-name drops every occurrence row after the index, as for a language without an occurrence pass (Rust, Ruby,
// PHP…), so the same oracle cases measure go-to-definition and references by name (identifierAt, textReferences).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Backend } from '../../../electron/core/backend.js';
import { openWrite } from '../../../electron/db/connection.js';
import type { Result } from '../../../shared/result.js';
import type { DefinitionHit, ReferencesAnswer } from '../../../shared/nav.js';
import type { Language } from '../../../shared/types.js';
import { cacheDir, CORPORA, describeSource, fetchCorpus, type Corpus } from '../relevance/corpora.js';
import { codeOrigin } from '../../../electron/engine/codeOrigin.js';
import { walkSources } from './files.js';
import { printDefinitionMisses, printReferenceMisses } from './misses.js';
import { clangdOracle, goplsOracle, pyrightOracle, type ClangdSetup } from './lspOracle.js';
import type { Oracle, Place } from './oracle.js';
import { identifierPlaces } from './samples.js';
import { percentile, scoreDefinitionsSplit, scoreReferences, type DefCase, type RefCase } from './score.js';
import { typescriptOracle } from './tsOracle.js';

/** `own`: a corpus the relevance bench does not hold (no queries of its own); `clangd`: how clangd compiles a C or C++ one. */
interface NavCorpus { language: Language; corpus: string; extensions: string[]; own?: Corpus; clangd?: ClangdSetup }

const NAV_CORPORA: readonly NavCorpus[] = [
  { language: 'typescript', corpus: 'zod', extensions: ['.ts'] },
  { language: 'python', corpus: 'flask', extensions: ['.py'] },
  { language: 'go', corpus: 'gin', extensions: ['.go'] },
  // Held out (twenty-first session): codebases no rule was written against, one per language above, to read how the
  // TypeScript, JavaScript, Python and Go rules generalise.
  {
    language: 'typescript', corpus: 'rxjs', extensions: ['.ts'],
    own: { name: 'rxjs', language: 'typescript', source: { kind: 'npm', spec: 'rxjs@7.8.1' }, subdir: 'package/src' },
  },
  { language: 'javascript', corpus: 'express', extensions: ['.js'] },
  { language: 'python', corpus: 'requests', extensions: ['.py'] },
  {
    language: 'go', corpus: 'client_golang', extensions: ['.go'],
    own: { name: 'client_golang', language: 'go', source: { kind: 'deb', pkg: 'golang-github-prometheus-client-golang-dev', version: '1.14.0-3' }, subdir: 'usr/share/gocode/src/github.com/prometheus/client_golang' },
  },
  // HashiCorp's go-plugin: hand-written gRPC code over its own protobuf-generated packages (`plugin.ConnInfo`), the
  // "top-1 into generated" column (generated code was text only, so every such case failed, before the twenty-second session).
  {
    language: 'go', corpus: 'go-plugin', extensions: ['.go'],
    own: { name: 'go-plugin', language: 'go', source: { kind: 'deb', pkg: 'golang-github-hashicorp-go-plugin-dev', version: '1.0.1-4' }, subdir: 'usr/share/gocode/src/github.com/hashicorp/go-plugin' },
  },
  // tree-sitter's runtime: hand-written C (structs reached through pointers, typedefs, macros, static helpers).
  {
    language: 'c', corpus: 'tree-sitter-runtime', extensions: ['.c', '.h'], clangd: { languageId: 'c', includeDirs: ['include', 'src'], flags: ['-std=gnu11'], units: ['.c'] },
    own: { name: 'tree-sitter-runtime', language: 'c', source: { kind: 'npm', spec: 'tree-sitter@0.21.1' }, subdir: 'package/vendor/tree-sitter/lib' },
  },
  // libexpat, as vendored by node-expat: another hand's C (the XML parser, its tests and the xmlwf tool); held out while
  // the C rules were written against the corpus above.
  {
    language: 'c', corpus: 'libexpat', extensions: ['.c', '.h'], clangd: { languageId: 'c', includeDirs: ['.', 'lib', 'xmlwf', 'tests'], flags: ['-std=gnu11'], units: ['.c'] },
    own: { name: 'libexpat', language: 'c', source: { kind: 'npm', spec: 'node-expat@2.4.1' }, subdir: 'package/deps/libexpat' },
  },
  // LevelDB 1.20, as vendored by classic-level: Google-style C++ (classes in namespaces, out-of-line methods, `.h` headers).
  {
    language: 'cpp', corpus: 'leveldb', extensions: ['.cc', '.h'],
    clangd: { languageId: 'cpp', includeDirs: ['.', 'include'], flags: ['-std=c++11', '-DLEVELDB_PLATFORM_POSIX'], units: ['.cc'] },
    own: { name: 'leveldb', language: 'cpp', source: { kind: 'npm', spec: 'classic-level@1.4.1' }, subdir: 'package/deps/leveldb/leveldb-1.20' },
  },
  // LibSass 3.6, as vendored by node-sass 9.0.0: modern C++ (an AST of class hierarchies, visitors, templates); held out
  // while the C++ rules were written against LevelDB.
  {
    language: 'cpp', corpus: 'libsass', extensions: ['.cpp', '.hpp', '.h'],
    clangd: { languageId: 'cpp', includeDirs: ['include', 'src'], flags: ['-std=c++11'], units: ['.cpp'] },
    own: { name: 'libsass', language: 'cpp', source: { kind: 'npm', spec: 'node-sass@9.0.0' }, subdir: 'package/src/libsass' },
  },
];

const ORACLE_CACHE_VERSION = 2;

function args(): { langs: string[]; defs: number; refs: number; oracleOnly: boolean; misses: number; byName: boolean } {
  const argv = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    langs: (value('--langs') ?? NAV_CORPORA.map((c) => c.language).join(',')).split(','),
    defs: Number(value('--defs') ?? 200),
    refs: Number(value('--refs') ?? 40),
    /** Only ask (and cache) the oracles: a first run's slow part, on its own. */
    oracleOnly: argv.includes('--oracle-only'),
    /** Print every miss grouped by cause, this many examples per cause (0: only the first few definition misses). */
    misses: argv.includes('--misses') ? Number(/^\d+$/u.test(value('--misses') ?? '') ? value('--misses') : 6) : 0,
    byName: argv.includes('--by-name'),
  };
}

interface OracleAnswers { oracle: string; defs: DefCase[]; refs: RefCase[] }

async function openOracle(nav: NavCorpus, root: string, files: string[]): Promise<Oracle> {
  if (nav.language === 'typescript' || nav.language === 'javascript') return typescriptOracle(root, files);
  if (nav.language === 'python') return pyrightOracle(root);
  if (nav.clangd) return clangdOracle(root, files, nav.clangd);
  // Debian's Go sources live in <gopath>/src/<import path>: the GOPATH is four levels up.
  return goplsOracle(root, join(root, '..', '..', '..', '..'));
}

/** Asks the oracle once per corpus and pin; answers are cached (oracles are slow, and they don't change). */
async function oracleAnswers(nav: NavCorpus, corpus: Corpus, root: string, files: string[], wanted: { defs: number; refs: number }): Promise<OracleAnswers> {
  const file = join(cacheDir(), 'nav-oracle', `${nav.corpus}--${describeSource(corpus.source).replace(/[^A-Za-z0-9._-]+/g, '_')}--v${ORACLE_CACHE_VERSION}-${wanted.defs}-${wanted.refs}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as OracleAnswers;
  const oracle = await openOracle(nav, root, files);
  try {
    const places = await identifierPlaces(root, files, nav.language, wanted.defs * 4);
    const defs: DefCase[] = [];
    for (const at of places) {
      if (defs.length >= wanted.defs) break;
      const found = await oracle.definition(at).catch(() => [] as Place[]);
      // Only references count: a place that is its own definition asks nothing.
      if (found.length === 0 || found.some((d) => d.file === at.file && d.line === at.line && d.character === at.character)) continue;
      defs.push({ at, expected: found });
    }
    const refs: RefCase[] = [];
    const seen = new Set<string>();
    for (const c of defs) {
      if (refs.length >= wanted.refs) break;
      const target = c.expected[0]!;
      const key = `${target.file}:${target.line}:${target.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const expected = await oracle.references(target).catch(() => [] as Place[]);
      if (expected.length === 0) continue;
      refs.push({ at: target, expected });
    }
    const answers = { oracle: oracle.name, defs, refs };
    mkdirSync(join(cacheDir(), 'nav-oracle'), { recursive: true });
    writeFileSync(file, JSON.stringify(answers));
    return answers;
  } finally {
    await oracle.close();
  }
}

async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const r = await pending;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function main(): Promise<void> {
  const { langs, defs, refs, oracleOnly, misses, byName } = args();
  const work = join(tmpdir(), `clew-bench-nav-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const rows: string[][] = [];
  try {
    for (const nav of NAV_CORPORA.filter((c) => langs.includes(c.language) || langs.includes(c.corpus))) {
      const corpus = nav.own ?? CORPORA.find((c) => c.name === nav.corpus)!;
      const fetched = fetchCorpus(corpus);
      if ('error' in fetched) {
        console.error(`${nav.corpus}: ${fetched.error}`);
        continue;
      }
      const root = fetched.root;
      const files = walkSources(root, nav.extensions);
      console.error(`${nav.language}: ${nav.corpus} (${describeSource(corpus.source)}), ${files.length} files; asking the oracle…`);
      const answers = await oracleAnswers(nav, corpus, root, files, { defs, refs });
      console.error(`  ${answers.oracle}: ${answers.defs.length} definition cases, ${answers.refs.length} reference cases (${answers.refs.reduce((n, r) => n + r.expected.length, 0)} places)`);
      if (oracleOnly) continue;
      const dataDir = join(work, `data-${nav.corpus}`);
      rmSync(dataDir, { recursive: true, force: true });
      const open = (): Backend => Backend.open({ dataDir, write: true, command: 'bench:nav', vectors: { mode: 'off' } });
      let backend = open();
      try {
        const t0 = performance.now();
        const report = await unwrap(backend.invoke('repo:index', { path: root }));
        const indexMs = performance.now() - t0;
        const repo = report.repo.path;
        if (byName) {
          await backend.close();
          const db = openWrite(join(dataDir, 'clew.db'));
          db.exec('DELETE FROM occurrences');
          db.close();
          backend = open();
        }
        const defAnswers: Array<{ hits: DefinitionHit[]; ms: number }> = [];
        for (const c of answers.defs) {
          const s = performance.now();
          const hits = await unwrap(backend.invoke('nav:def', { repo, path: c.at.file, line: c.at.line + 1, column: c.at.character + 1 })).catch(() => [] as DefinitionHit[]);
          defAnswers.push({ hits, ms: performance.now() - s });
        }
        const refAnswers: Array<{ answer: ReferencesAnswer | null; ms: number }> = [];
        for (const c of answers.refs) {
          const s = performance.now();
          const answer = await unwrap(backend.invoke('nav:refs', { repo, position: { repo, path: c.at.file, line: c.at.line + 1, column: c.at.character + 1 }, limit: 2000 })).catch(() => null);
          refAnswers.push({ answer, ms: performance.now() - s });
        }
        const generated = new Set(files.filter((f) => {
          const text = readFileSync(join(root, f), 'utf8');
          return codeOrigin(f, text, text.split('\n')) === 'generated';
        }));
        const { all: d, crossFile, intoGenerated } = scoreDefinitionsSplit(answers.defs, defAnswers.map((a) => a.hits), generated);
        const r = scoreReferences(answers.refs, refAnswers.map((a) => a.answer), answers.oracle.startsWith('pyright'));
        console.error(`  indexed in ${(indexMs / 1000).toFixed(1)} s; oracle: ${answers.oracle}`);
        if (misses > 0) {
          printDefinitionMisses(root, answers.defs, defAnswers.map((a) => a.hits), misses);
          printReferenceMisses(root, answers.refs, refAnswers.map((a) => a.answer), misses);
        } else for (const miss of d.misses.slice(0, 8)) console.error(`  def miss ${miss}`);
        rows.push([
          byName ? `${nav.language} (by name)` : nav.language, nav.corpus, answers.oracle, String(answers.defs.length), pct(d.top1), `${pct(crossFile.top1)} (${crossFile.n})`, intoGenerated.n ? `${pct(intoGenerated.top1)} (${intoGenerated.n})` : '–', pct(d.any), pct(d.exactShare),
          String(answers.refs.length), pct(r.precision), pct(r.recall),
          `${percentile(defAnswers.map((a) => a.ms), 50).toFixed(1)}/${percentile(defAnswers.map((a) => a.ms), 95).toFixed(1)}`,
          `${percentile(refAnswers.map((a) => a.ms), 50).toFixed(1)}/${percentile(refAnswers.map((a) => a.ms), 95).toFixed(1)}`,
        ]);
      } finally {
        await backend.close();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const head = ['language', 'corpus', 'oracle', 'def cases', 'def top-1', 'top-1 other file (n)', 'top-1 into generated (n)', 'def any', 'exact share', 'ref cases', 'refs precision', 'refs recall', 'def ms p50/p95', 'refs ms p50/p95'];
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log('\nTargets: def top-1 ≥ 90%; refs recall ≥ 85% at precision ≥ 90%; def p95 ≤ 10 ms and refs p95 ≤ 50 ms (on a 10,000-file repo).');
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
