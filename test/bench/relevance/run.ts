// Relevance benchmark: hand-written queries with checked answers over real open-source codebases,
// every Clew search mode side by side with ripgrep and a plain BM25 in the same run.
// Run: npm run bench:relevance [-- --corpus gin,flask] [--modes keyword,hybrid,ripgrep,bm25] [--keep] [--worst 20]
// Prints figures and writes every query's results to test/bench/output/; asserts nothing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Bm25Index } from './baselines/bm25.js';
import { ripgrepAvailable, ripgrepSearch, type BaselineResult } from './baselines/ripgrep.js';
import { CLEW_MODES, ClewUnderTest, type OpenedCorpus } from './clew.js';
import { CORPORA, cacheDir, describeSource, fetchCorpus, type Corpus } from './corpora.js';
import { loadQueries, queryCorpora, type BenchQuery } from './queries.js';
import { byCorpusTable, byKindTable, overallTable, recallByKindTable, type QueryRecord, type SystemRun } from './report.js';
import { worstQueries } from './worst.js';
import { scoreFiles, scoreHits } from './score.js';

const BASELINES = ['ripgrep', 'ripgrep-stop', 'bm25'] as const;
const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    modes: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // Prints the N queries where the first Clew mode scored lowest: expected files and its top 10 with reasons.
    worst: { type: 'string' },
  },
});

const allSystems: string[] = [...CLEW_MODES, ...BASELINES];
const systems = values.modes ? values.modes.split(',').map((s) => s.trim()) : allSystems;
const unknownSystems = systems.filter((s) => !allSystems.includes(s));
if (unknownSystems.length) throw new Error(`unknown mode(s) ${unknownSystems.join(', ')}; choose from ${allSystems.join(', ')}`);
const clewModes = CLEW_MODES.filter((m) => systems.includes(m));
const wanted = values.corpus ? new Set(values.corpus.split(',').map((s) => s.trim())) : null;
const corpora = CORPORA.filter((c) => !wanted || wanted.has(c.name));
if (wanted && corpora.length !== wanted.size) throw new Error(`unknown corpus; choose from ${CORPORA.map((c) => c.name).join(', ')}`);
const orphanQueryFiles = queryCorpora().filter((name) => !CORPORA.some((c) => c.name === name));
if (orphanQueryFiles.length) console.error(`!! query files without a corpus: ${orphanQueryFiles.join(', ')}`);
if (systems.some((s) => s.startsWith('ripgrep')) && !ripgrepAvailable()) throw new Error('ripgrep (rg) is not installed: apt-get install -y ripgrep');

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'output');
const WORK = mkdtempSync(join(tmpdir(), 'clew-relevance-'));
const log = (line = ''): void => console.log(line);

function baselineRun(q: BenchQuery, result: () => BaselineResult): SystemRun {
  try {
    const r = result();
    return { ...scoreFiles(q, r.files), ms: r.ms, error: null, notice: null };
  } catch (e) {
    return { ...scoreFiles(q, []), ms: NaN, error: (e as Error).message, notice: null };
  }
}

/** Indexes once more after a failure, saying so: a transient error (e.g. SQLITE_BUSY on a loaded machine)
 *  should not drop a corpus, and should not go unseen either. */
async function indexOnceRetried(clew: ClewUnderTest, corpus: string, root: string): Promise<OpenedCorpus> {
  try {
    return await clew.index(root);
  } catch (e) {
    console.error(`!! ${corpus}: indexing failed (${(e as Error).message}); retrying once`);
    return clew.index(root);
  }
}

interface CorpusRun {
  records: QueryRecord[];
  index: { files: number; symbols: number; units: number; indexMs: number; syncMs: number; vectorsSynced: number; drained: boolean };
}

async function benchCorpus(corpus: Corpus, root: string): Promise<CorpusRun> {
  const clew = ClewUnderTest.open(WORK, corpus.name);
  try {
    const opened = await indexOnceRetried(clew, corpus.name, root);
    const { report } = opened;
    const { queries: loaded, problems } = loadQueries(corpus.name, root, opened.files);
    for (const p of problems) console.error(`!! ${corpus.name}: ${p}`);
    // A query whose expected file is missing would score 0 for every system: leave it out, loudly (above).
    const queries = loaded.filter((q) => q.missingFiles.length === 0);
    log(`\n## ${corpus.name} (${corpus.language}, ${describeSource(corpus.source)}): ${queries.length} queries`);
    log(`indexed ${report.files} files, ${report.symbols} symbols, ${report.units} units in ${(opened.indexMs / 1000).toFixed(1)} s; ` +
      `vectors ${opened.drained ? 'synced' : 'NOT fully synced'} (${opened.sync.synced} synced, ${opened.sync.pending} pending, ${opened.sync.failed} failed) in ${(opened.syncMs / 1000).toFixed(1)} s`);
    const bm25 = systems.includes('bm25') ? Bm25Index.fromDisk(root, opened.files) : null;
    // One untimed query per mode first: the first semantic query loads the embedder and opens the collection.
    for (const mode of clewModes) await clew.search(queries[0]?.q ?? 'warm up', mode);

    // Mode by mode, then the baselines: a synchronous ripgrep run between two Clew queries would leave
    // the Backend's queued work (worker messages, timers) to land inside the next timed query.
    const runs = new Map<string, Record<string, SystemRun>>(queries.map((q) => [q.id, {}]));
    for (const mode of clewModes) {
      for (const q of queries) {
        await new Promise((resolve) => setImmediate(resolve));
        const answer = await clew.search(q.q, mode);
        const top = answer.hits.slice(0, 10).map((h) => `${h.path}:${h.line}${h.symbol ? ` ${h.symbol}` : ''} ${h.score}${h.why?.length ? ` [${h.why.join('; ')}]` : ''}`);
        runs.get(q.id)![mode] = { ...scoreHits(q, answer.hits), top, ms: answer.ms, error: answer.error, notice: answer.notice };
      }
    }
    for (const q of queries) {
      if (systems.includes('ripgrep')) runs.get(q.id)!.ripgrep = baselineRun(q, () => ripgrepSearch(root, q.q));
      if (systems.includes('ripgrep-stop')) runs.get(q.id)!['ripgrep-stop'] = baselineRun(q, () => ripgrepSearch(root, q.q, true));
      if (bm25) runs.get(q.id)!.bm25 = baselineRun(q, () => bm25.search(q.q));
    }
    const records: QueryRecord[] = queries.map((q) => ({
      id: q.id, corpus: corpus.name, kind: q.kind, q: q.q, expected: { files: q.files, symbols: q.symbols ?? [] }, systems: runs.get(q.id)!,
    }));
    log(overallTable(records, systems));
    const index = { files: report.files, symbols: report.symbols, units: report.units, indexMs: opened.indexMs, syncMs: opened.syncMs, vectorsSynced: opened.sync.synced, drained: opened.drained };
    return { records, index };
  } finally {
    await clew.close();
  }
}

log(`# clew relevance bench — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores, ${execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0]}`);
log(`corpora cache: ${cacheDir()} (CLEW_BENCH_CACHE); systems: ${systems.join(', ')}`);
const records: QueryRecord[] = [];
const indexed: Record<string, CorpusRun['index']> = {};
const skipped: string[] = [];
try {
  for (const corpus of corpora) {
    const fetched = fetchCorpus(corpus);
    if ('error' in fetched) {
      console.error(`!! ${corpus.name}: cannot fetch ${describeSource(corpus.source)}, skipped: ${fetched.error}`);
      skipped.push(corpus.name);
      continue;
    }
    try {
      const run = await benchCorpus(corpus, fetched.root);
      records.push(...run.records);
      indexed[corpus.name] = run.index;
    } catch (e) {
      console.error(`!! ${corpus.name}: failed, skipped: ${(e as Error).stack ?? e}`);
      skipped.push(corpus.name);
    }
  }
} finally {
  if (!values.keep) rmSync(WORK, { recursive: true, force: true });
}

const ran = corpora.filter((c) => !skipped.includes(c.name));
const languages = new Set(ran.map((c) => c.language));
const nl = records.filter((r) => r.kind === 'nl').length;
log(`\n# All corpora: ${records.length} queries over ${ran.length} corpora in ${languages.size} languages (${((100 * nl) / Math.max(1, records.length)).toFixed(0)}% natural language)${skipped.length ? `; skipped: ${skipped.join(', ')}` : ''}`);
log('Per query, the mean over queries; "definition first" over identifier queries, "symbol recall" over queries that name symbols.\n');
log(overallTable(records, systems));
log('');
log(byKindTable(records, systems));
log('');
log(recallByKindTable(records, systems));
log('');
log(byCorpusTable(records, systems));
if (values.worst && clewModes[0]) {
  log('');
  log(worstQueries(records, clewModes[0], Number(values.worst)));
}

mkdirSync(OUTPUT, { recursive: true });
const out = join(OUTPUT, `relevance-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), systems, corpora: ran.map((c) => ({ ...c, source: describeSource(c.source), index: indexed[c.name] })), skipped, records }, null, 1));
log(`\nper-query results: ${out}`);
