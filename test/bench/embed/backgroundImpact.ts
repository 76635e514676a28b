// What a background re-embed costs the rest of Clew: a real writer Backend (engine worker, sync thread, search
// workers, the Chroma sidecar) indexes a generated repo with the hash embedder, then times keyword searches,
// note saves, re-indexing a changed file, semantic searches and a cheap host round trip (what the UI waits on),
// first idle, then while `models:use` re-embeds every unit with a model folder on the sync thread; then cancels
// the re-embed and times how long the cancel takes to land.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Backend } from '../../../electron/core/backend.js';
import type { InvokeChannel, Req, Res } from '../../../shared/contract.js';
import type { ReembedProgress } from '../../../shared/models.js';
import { unwrap } from '../../../shared/result.js';
import { waitFor } from '../../helpers/chroma.js';
import { generateCorpus } from '../corpus.js';

export interface ImpactOptions {
  modelDir: string;
  /** Java and Python files in the generated repo (each holds several functions: units). */
  files: number;
  log: (line: string) => void;
}

interface Timings {
  keyword: number[];
  semantic: number[];
  note: number[];
  reindex: number[];
  roundTrip: number[];
  /** Host event-loop delay, p99 over the phase, ms. */
  loopP99: number;
  loopMax: number;
}

const KEYWORD_QUERIES = ['findUser', 'parse_config', 'total', 'invoice payment', 'OrderService', 'validate cart', 'session token', 'render report'];
const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const ms = (n: number): string => (Number.isFinite(n) ? (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1)) : 'n/a');

export async function backgroundImpact(options: ImpactOptions): Promise<void> {
  const { log } = options;
  const repo = mkdtempSync(join(tmpdir(), 'clew-embed-impact-repo-'));
  const data = mkdtempSync(join(tmpdir(), 'clew-embed-impact-data-'));
  const backend = Backend.open({ dataDir: data, write: true, command: 'bench', vectors: { mode: 'sidecar' } });
  const call = async <C extends InvokeChannel>(channel: C, req: Req<C>): Promise<Res<C>> => unwrap(await backend.invoke(channel, req), channel);
  const reembeds: ReembedProgress[] = [];
  backend.on('models:reembed', (p) => reembeds.push(p));
  try {
    const javaFiles = Math.round(options.files * 0.6);
    generateCorpus(repo, javaFiles, options.files - javaFiles);
    await call('repo:index', { path: repo });
    await waitFor('every unit synced with the hash embedder', async () => (await call('status:get', {})).sync.pending === 0, 600_000, 200);
    const units = (await call('status:get', {})).sync;
    const fqn = (await call('search:query', { query: 'findUser', mode: 'symbol', limit: 1 })).results[0]?.symbol;
    if (!fqn) throw new Error('the generated repo has no symbol to attach notes to');
    const changed = join(repo, 'python', 'pkg0', 'user_0.py');
    // Warm every path once (search workers, their server clients, the writer's statements).
    await call('search:query', { query: 'findUser', mode: 'keyword', limit: 20 });
    await call('search:query', { query: 'find the user', mode: 'semantic', limit: 10 });
    log(`repo: ${options.files} files, ${units.synced.toLocaleString('en-US')} units synced with ${units.embedder}`);

    let edit = 0;
    const phase = async (rounds: number, stillRunning: () => boolean): Promise<Timings> => {
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const t: Timings = { keyword: [], semantic: [], note: [], reindex: [], roundTrip: [], loopP99: 0, loopMax: 0 };
      const time = async (into: number[], run: () => Promise<unknown>): Promise<void> => {
        const start = performance.now();
        await run();
        into.push(performance.now() - start);
      };
      for (let r = 0; r < rounds && stillRunning(); r++) {
        for (let k = 0; k < 4; k++) await time(t.keyword, () => call('search:query', { query: KEYWORD_QUERIES[(r * 4 + k) % KEYWORD_QUERIES.length]!, mode: 'keyword', limit: 20 }));
        await time(t.semantic, () => call('search:query', { query: 'where is the user found', mode: 'semantic', limit: 10 }));
        await time(t.note, () => call('note:add', { fqn, text: `bench note ${r}` }));
        await time(t.roundTrip, () => call('status:get', {}));
        appendFileSync(changed, `\n\ndef bench_edit_${edit++}(x):\n    return x\n`);
        await time(t.reindex, () => call('repo:index', { path: repo }));
      }
      loop.disable();
      t.loopP99 = loop.percentile(99) / 1e6;
      t.loopMax = loop.max / 1e6;
      return t;
    };

    const rounds = 12;
    const idle = await phase(rounds, () => true);
    const label = basename(options.modelDir);
    const running = (): boolean => !reembeds.some((r) => r.model === label && r.state !== 'running');
    await call('models:use', { id: 'folder', modelDir: options.modelDir, kind: 'transformers' });
    // Timed from the start of the fill (the model loaded, the new collection made): loading is its own figure.
    const started = performance.now();
    await waitFor('the re-embed to start embedding', () => reembeds.some((r) => r.model === label && (r.total > 0 || r.state !== 'running')), 600_000, 20);
    const loadSeconds = (performance.now() - started) / 1000;
    const busy = await phase(rounds, running);
    const progress = reembeds.filter((r) => r.model === label).at(-1);
    const measuredWhileRunning = running();

    const cancelStart = performance.now();
    const { cancelled } = await call('models:cancel', { id: label });
    const ended = await waitFor('the re-embed to end', () => reembeds.find((r) => r.model === label && r.state !== 'running'), 600_000, 20);
    const cancelMs = performance.now() - cancelStart;
    const after = await call('status:get', {});
    const drainStart = performance.now();
    await waitFor('writes made during the re-embed to reach the vectors', async () => (await call('status:get', {})).sync.pending === 0, 600_000, 50);
    const drainMs = performance.now() - drainStart;
    const answer = await call('search:query', { query: 'where is the user found', mode: 'semantic', limit: 10 });
    // Idle again: on a shared machine the load moves; two idle phases bracket the busy one.
    const idleAfter = await phase(rounds, () => true);

    log(`re-embed with ${label}: model loaded and the fill started after ${loadSeconds.toFixed(1)} s; ${progress ? `${progress.done} of ${progress.total} units when the measurements ended` : 'no progress reported'}${measuredWhileRunning ? '' : ' (it ENDED before the measurements did: figures partly idle)'}`);
    const cell = (a: number, b: number): string => `${ms(a)} / ${ms(b)}`.padStart(21);
    const row = (name: string, pick: (t: Timings) => number[]): string =>
      `  ${name.padEnd(34)}${[idle, busy, idleAfter].map((t) => cell(pct(pick(t), 50), pct(pick(t), 95))).join('')}   (n=${pick(busy).length} each)`;
    log(`  ${'ms, median / p95'.padEnd(34)}${['idle before', 'while re-embedding', 'idle after'].map((h) => h.padStart(21)).join('')}`);
    log(row('keyword search (20 hits)', (t) => t.keyword));
    log(row('semantic search (old generation)', (t) => t.semantic));
    log(row('note save (note:add)', (t) => t.note));
    log(row('re-index after one file changed', (t) => t.reindex));
    log(row('host round trip (status:get)', (t) => t.roundTrip));
    log(`  ${'host event-loop delay p99 / max'.padEnd(34)}${[idle, busy, idleAfter].map((t) => cell(t.loopP99, t.loopMax)).join('')}`);
    log(`cancel: ${cancelled ? 'accepted' : 'NOT accepted'}, re-embed ${ended.state} ${ms(cancelMs)} ms later; embedder now ${after.sync.embedder}, ${after.sync.pending} writes made meanwhile still pending (synced ${ms(drainMs)} ms later); semantic search answers ${answer.results.length} hits`);
  } finally {
    await backend.close();
    rmSync(repo, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
}
