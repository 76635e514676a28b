// Supervises the Chroma server Clew runs itself: a child process on a free 127.0.0.1 port with its
// data under the data directory. Waits for the heartbeat, checks the server is ours, watches it,
// restarts it with backoff when it dies or hangs, and stops it last.
import { createWriteStream, mkdirSync, statSync, truncateSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './freePort.js';
import { instanceId, verifyIdentity } from './identity.js';
import type { ChildHandle, ProcessLauncher } from './launcher.js';
import { type ServerEntry, serverEntry } from './serverEntry.js';
import type { VectorServer } from './vectorServer.js';
import { heartbeat, ServerState, serverVersion } from './vectorServer.js';

export interface SidecarOptions {
  dataDir: string;
  launcher: ProcessLauncher;
  entry?: ServerEntry;
  startTimeoutMs?: number;
  healthIntervalMs?: number;
  maxBackoffMs?: number;
}

const LOG_LIMIT = 5 * 1024 * 1024;
const MISSED_HEARTBEATS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves true when `done` settles first, false after `ms`; the timer never outlives the race. */
async function within(done: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  try {
    return await Promise.race([done.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const chromaDir = (dataDir: string): string => join(dataDir, 'chroma');

export class ChromaSidecar implements VectorServer {
  private readonly state: ServerState;
  private child: ChildHandle | null = null;
  private launches = 0;
  private failures = 0;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private log: WriteStream | null = null;
  private url: string | null = null;
  private exitWaiters: Array<() => void> = [];

  constructor(private readonly options: SidecarOptions) {
    this.state = new ServerState({ mode: 'sidecar', url: null, state: 'stopped', pid: null, port: null, version: null, restarts: 0, lastError: null });
  }

  status = () => this.state.get();
  readyUrl = () => (this.state.get().state === 'ready' ? this.url : null);
  onChange = (listener: Parameters<ServerState['onChange']>[0]) => this.state.onChange(listener);

  start(): void {
    this.stopped = false;
    void this.launch().catch((e: unknown) => this.scheduleRestart(`could not start: ${e instanceof Error ? e.message : String(e)}`));
  }

  private openLog(): WriteStream {
    const file = join(this.options.dataDir, 'chroma.log');
    try {
      if (statSync(file).size > LOG_LIMIT) truncateSync(file, 0);
    } catch {
      // No log yet.
    }
    return createWriteStream(file, { flags: 'a' });
  }

  private async launch(): Promise<void> {
    if (this.stopped) return;
    const dir = chromaDir(this.options.dataDir);
    mkdirSync(dir, { recursive: true });
    const instance = instanceId(this.options.dataDir);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const launch = ++this.launches;
    const { entry, execArgv } = this.options.entry ?? serverEntry();
    this.log ??= this.openLog();
    this.log.write(`--- ${new Date().toISOString()} starting Chroma on ${url}\n`);
    this.state.set({ state: this.state.get().restarts > 0 ? 'restarting' : 'starting', port, url, pid: null });
    const child = this.options.launcher.launch(entry, ['--path', dir, '--host', '127.0.0.1', '--port', String(port)], { env: { NO_COLOR: '1' }, execArgv });
    this.child = child;
    let exited = false;
    child.onOutput((chunk) => this.log?.write(chunk));
    child.onExit((code, signal) => {
      exited = true;
      this.log?.write(`--- Chroma exited (${signal ?? `code ${code}`})\n`);
      if (launch === this.launches) this.onChildExit(signal ?? `code ${code}`);
    });
    this.state.set({ pid: child.pid ?? null });

    const deadline = Date.now() + (this.options.startTimeoutMs ?? 30_000);
    let alive = false;
    while (!exited && !this.stopped && Date.now() < deadline) {
      if ((alive = await heartbeat(url, 1000))) break;
      await sleep(100);
    }
    if (exited || this.stopped || launch !== this.launches) return;
    if (!alive) return this.abandon(child, `no heartbeat within ${this.options.startTimeoutMs ?? 30_000} ms`);
    // A server whose port was taken exits at once; give it that moment before trusting the answer.
    await sleep(150);
    if (exited || this.stopped) return;
    const identity = await verifyIdentity(url, dir, instance).catch((e: unknown) => ({ ok: false, reason: e instanceof Error ? e.message : String(e) }));
    if (exited || this.stopped) return;
    if (!identity.ok) return this.abandon(child, identity.reason ?? 'not our server');
    this.url = url;
    this.failures = 0;
    this.state.set({ state: 'ready', version: await serverVersion(url, 3000), lastError: null });
    this.watch(child, url, launch);
  }

  private abandon(child: ChildHandle, reason: string): void {
    this.state.set({ lastError: reason });
    child.kill('SIGKILL');
  }

  /** Heartbeats while ready: a server that stops answering is killed and restarted. */
  private watch(child: ChildHandle, url: string, launch: number): void {
    let missed = 0;
    const tick = async (): Promise<void> => {
      if (this.stopped || launch !== this.launches) return;
      missed = (await heartbeat(url, 2000)) ? 0 : missed + 1;
      if (this.stopped || launch !== this.launches) return;
      if (missed >= MISSED_HEARTBEATS) return this.abandon(child, `stopped answering heartbeats on ${url}`);
      this.healthTimer = setTimeout(() => void tick(), this.options.healthIntervalMs ?? 2000);
    };
    this.healthTimer = setTimeout(() => void tick(), this.options.healthIntervalMs ?? 2000);
  }

  private onChildExit(how: string): void {
    this.child = null;
    this.url = null;
    if (this.healthTimer) clearTimeout(this.healthTimer);
    for (const resolve of this.exitWaiters.splice(0)) resolve();
    if (this.stopped) {
      this.state.set({ state: 'stopped', pid: null });
      return;
    }
    const previous = this.state.get().lastError;
    this.scheduleRestart(previous && this.state.get().state !== 'ready' ? previous : `the server exited (${how})`);
  }

  private scheduleRestart(reason: string): void {
    if (this.stopped) return;
    this.failures++;
    const base = Math.min(this.options.maxBackoffMs ?? 30_000, 250 * 2 ** (this.failures - 1));
    const delay = Math.round(base / 2 + Math.random() * (base / 2));
    this.state.set({ state: this.failures >= 3 ? 'down' : 'restarting', pid: null, restarts: this.state.get().restarts + 1, lastError: reason });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      void this.launch().catch((e: unknown) => this.scheduleRestart(`could not start: ${e instanceof Error ? e.message : String(e)}`));
    }, delay);
  }

  /** Stops the server (SIGTERM, then SIGKILL after a grace period) and waits for it to exit. */
  async stop(graceMs = 5000): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.healthTimer) clearTimeout(this.healthTimer);
    const child = this.child;
    if (child) {
      const exited = new Promise<void>((resolve) => this.exitWaiters.push(resolve));
      child.kill('SIGTERM');
      if (!(await within(exited, graceMs))) {
        child.kill('SIGKILL');
        await within(exited, 2000);
      }
    }
    this.state.set({ state: 'stopped', pid: null });
    await new Promise<void>((resolve) => (this.log ? this.log.end(resolve) : resolve()));
    this.log = null;
  }
}
