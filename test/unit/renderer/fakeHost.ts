// The store tests' host: a window.api-shaped object (the renderer's one injected boundary) that answers
// per channel and records every call. The store under test is the real zustand one, reset per test.
import type { ClewApi, InvokeChannel, Req, Res } from '../../../shared/contract.js';
import { err, type Result } from '../../../shared/result.js';
import type { IndexReport, NoteRow, RepoSummary, StatusReport, SymbolRow } from '../../../shared/types.js';
import { connectApi } from '../../../renderer/api.js';
import { useStore } from '../../../renderer/store/index.js';

export type Answers = { [C in InvokeChannel]?: (req: Req<C>) => Result<Res<C>> | Promise<Result<Res<C>>> };

export interface FakeHost {
  calls: Array<{ channel: InvokeChannel; req: unknown }>;
  /** Replace or add answers mid-test. */
  answers: Answers;
  /** The channels called so far, in order. */
  channels(): InvokeChannel[];
}

/** Installs a fresh fake as window.api, connects the renderer to it, and resets the store. */
export function installHost(answers: Answers = {}): FakeHost {
  const host: FakeHost = { calls: [], answers, channels: () => host.calls.map((c) => c.channel) };
  const api: ClewApi = {
    host: { kind: 'browser' },
    async invoke<C extends InvokeChannel>(channel: C, req: Req<C>): Promise<Result<Res<C>>> {
      host.calls.push({ channel, req });
      const answer = host.answers[channel] as ((req: Req<C>) => Result<Res<C>> | Promise<Result<Res<C>>>) | undefined;
      return answer ? answer(req) : err('INTERNAL', `the test gave no answer for ${channel}`);
    },
    on: () => () => undefined,
  };
  (globalThis as unknown as { window: { api: ClewApi } }).window = { api };
  connectApi(() => undefined);
  useStore.setState(useStore.getInitialState(), true);
  return host;
}

/** A promise the test settles by hand, to hold one answer back while another arrives. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

export const store = useStore.getState;
export const setState = useStore.setState;

export const repo = (id: number, path: string, over: Partial<RepoSummary> = {}): RepoSummary => ({
  id, path, name: path.split('/').pop() ?? path, files: 3, symbols: 10, entryPoints: 1, indexedAt: 1, lastIndexMs: 20,
  watch: true, paused: false, watching: false, lastRun: null, ...over,
});

export const indexReport = (id: number, path: string, over: Partial<IndexReport> = {}): IndexReport => ({
  repo: { id, path }, files: 3, symbols: 10, entryPoints: 1, dependencies: 0, packages: 0, units: 10, changed: 3, removed: 0,
  unchanged: 0, skipped: {}, issues: [], durationMs: 1500, ...over,
});

export const note = (id: number, text: string): NoteRow => ({
  id, repo: '/src/a', file: 'a.ts', fqn: 'a:Thing', text, state: 'current', staleReason: null, createdAt: 1, updatedAt: 1,
});

export const symbol = (fqn: string, line: number, endLine: number): SymbolRow => ({
  fqn, kind: 'function', name: fqn.split(':').pop() ?? fqn, file: 'a.ts', line, endLine, signature: `${fqn}()`, parent: null, modifiers: [], doc: null,
});

export const statusReport = (pending: number, repos: RepoSummary[] = []): StatusReport => ({
  dataDir: '/data', repos,
  sync: {
    synced: 5, pending, failed: 0, tombstones: 0, orphans: null, missing: null, stale: null, lastRun: null, lastCheck: null,
    throughputPerSec: 0, active: false, waitingForIndex: false, lastError: null, embedder: 'hash',
  },
  vectorStore: { mode: 'sidecar', url: null, state: 'ready', pid: null, port: null, version: null, restarts: 0, lastError: null },
  settingsError: null, recovery: null, notesCopyReset: null, syncPaused: false, embedderFallback: null,
});
