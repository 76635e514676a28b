// `npm run bench:nav-rust`: Clew's go to definition on real Rust crates (tokio, and hyper held out), scored against
// answers checked by hand in rust-cases.json (no Rust language server runs here). Prints figures; asserts nothing.
//   npm run bench:nav-rust -- [--misses]
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Backend } from '../../../electron/core/backend.js';
import type { DefinitionHit } from '../../../shared/nav.js';
import type { Result } from '../../../shared/result.js';
import { fetchCorpus } from '../relevance/corpora.js';

interface JsonCase { corpus: string; at: string; name: string; expected: string[]; why: string }
/** `role`: whether the rules were written against the corpus, or its cases were answered before Clew ran on it. */
interface JsonCases { corpora: Record<string, { role: string; pkg: string; version: string; subdir: string }>; definitions: JsonCase[] }

async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const r = await pending;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const place = (text: string): { path: string; line: number; column: number } => {
  const m = /^(.+?):(\d+)(?::(\d+))?$/u.exec(text);
  if (!m) throw new Error(`rust-cases.json: bad place ${text}`);
  return { path: m[1]!, line: Number(m[2]), column: Number(m[3] ?? 1) };
};

/** Throws when the identifier at the place is not the one the case names (the pinned source moved). */
function checkName(root: string, c: JsonCase): void {
  const at = place(c.at);
  const line = readFileSync(join(root, at.path), 'utf8').split('\n')[at.line - 1] ?? '';
  const found = /^[\p{L}\p{N}_]*/u.exec(line.slice(at.column - 1))?.[0] ?? '';
  if (found !== c.name) throw new Error(`rust-cases.json: ${c.at} reads '${found}', the case says '${c.name}'`);
}

/** Right: the first answer is an expected line, or, for an item outside the repo, there is no answer. */
const isRight = (c: JsonCase, hits: DefinitionHit[]): boolean =>
  c.expected.length === 0 ? hits.length === 0 : c.expected.some((e) => { const p = place(e); return hits[0]?.file === p.path && hits[0].line === p.line; });

const pct = (n: number, of: number): string => (of === 0 ? '–' : `${((n / of) * 100).toFixed(1)}% (${n}/${of})`);

async function main(): Promise<void> {
  const showMisses = process.argv.includes('--misses');
  const json = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'rust-cases.json'), 'utf8')) as JsonCases;
  const rows: string[] = [];
  const misses: string[] = [];
  for (const [name, source] of Object.entries(json.corpora)) {
    const fetched = fetchCorpus({ name, language: 'rust', source: { kind: 'deb', pkg: source.pkg, version: source.version }, subdir: source.subdir });
    if ('error' in fetched) {
      console.error(`${name}: cannot fetch ${source.pkg}=${source.version}: ${fetched.error}`);
      continue;
    }
    const cases = json.definitions.filter((c) => c.corpus === name);
    for (const c of cases) checkName(fetched.root, c);
    const dataDir = join(tmpdir(), `clew-bench-nav-rust-${process.pid}-${name}`);
    mkdirSync(dataDir, { recursive: true });
    const backend = Backend.open({ dataDir, write: true, command: 'bench:nav-rust', vectors: { mode: 'off' } });
    try {
      const report = await unwrap(backend.invoke('repo:index', { path: fetched.root }));
      console.error(`${name} ${source.version}: ${report.files} files, ${report.symbols} symbols; ${cases.length} cases`);
      let right = 0;
      let exact = 0;
      let exactWrong = 0;
      let inRepo = 0;
      let inRepoRight = 0;
      let outside = 0;
      let outsideRight = 0;
      for (const c of cases) {
        const at = place(c.at);
        const hits = await unwrap(backend.invoke('nav:def', { repo: report.repo.path, path: at.path, line: at.line, column: at.column }));
        const ok = isRight(c, hits);
        right += ok ? 1 : 0;
        if (hits[0]?.confidence === 'exact') {
          exact++;
          if (!ok) exactWrong++;
        }
        if (c.expected.length > 0) {
          inRepo++;
          inRepoRight += ok ? 1 : 0;
        } else {
          outside++;
          outsideRight += ok ? 1 : 0;
        }
        if (!ok) misses.push(`${name} ${c.at} ${c.name} (${c.why}) → expected ${c.expected.join(', ') || 'nothing'}, got ${hits[0] ? `${hits[0].file}:${hits[0].line} ${hits[0].confidence}` : 'nothing'}`);
      }
      rows.push(`| ${name} ${source.version} (${source.role}) | ${cases.length} | ${pct(right, cases.length)} | ${pct(inRepoRight, inRepo)} | ${pct(outsideRight, outside)} | ${pct(exact, cases.length)} | ${exactWrong} |`);
    } finally {
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log('| corpus | cases | top-1 right | defined in the repo: right | outside the repo: no answer | answered exact | exact and wrong |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  console.log(rows.join('\n'));
  if (showMisses) console.log(`\nmisses:\n${misses.join('\n')}`);
}

await main();
