// How a reader (no writer lock) reaches the vector server: the one the writer runs (its address is
// in the data directory), an external one, or, when no writer runs at all, a short-lived sidecar of
// its own. Every probe is bounded: a server that does not answer costs about a second, not minutes.
import type { VectorStoreStatus } from '../../shared/types.js';
import { ChromaSidecar } from '../sidecar/chromaSidecar.js';
import { maskCredentials } from '../sidecar/maskCredentials.js';
import { nodeLauncher } from '../sidecar/nodeLauncher.js';
import { readServerAddress } from '../sidecar/serverAddress.js';
import { heartbeat } from '../sidecar/vectorServer.js';
import { lockFile } from './dataDir.js';
import { liveHolder } from './lock.js';

export type ReaderSetting = { mode: 'sidecar' } | { mode: 'external'; url: string };

const PROBE_MS = 1000;
const OWN_START_MS = 30_000;

export interface ReaderUrl {
  url: string | null;
  /** Why there is none, for the UNAVAILABLE message or the hybrid notice. */
  why: string;
}

export class ReaderVectors {
  private own: ChromaSidecar | null = null;

  constructor(private readonly dataDir: string, private readonly setting: ReaderSetting) {}

  /** A URL that answered a heartbeat just now, or why there is none. */
  async url(): Promise<ReaderUrl> {
    if (this.setting.mode === 'external') {
      const url = this.setting.url;
      return (await heartbeat(url, PROBE_MS)) ? { url, why: '' } : { url: null, why: `down (no heartbeat from ${maskCredentials(url)})` };
    }
    const ownUrl = this.own?.readyUrl();
    if (ownUrl) return { url: ownUrl, why: '' };
    const address = readServerAddress(this.dataDir);
    if (address && (await heartbeat(address.url, PROBE_MS))) return { url: address.url, why: '' };
    const writer = liveHolder(lockFile(this.dataDir));
    if (writer) return { url: null, why: `not answering (it is run by ${writer.command}, pid ${writer.pid}${address ? `, at ${address.url}` : ', which has none ready'})` };
    return this.startOwn();
  }

  /** No writer runs: start the sidecar for this command only (stopped by stop()). */
  private async startOwn(): Promise<ReaderUrl> {
    this.own ??= new ChromaSidecar({ dataDir: this.dataDir, launcher: nodeLauncher, startTimeoutMs: OWN_START_MS });
    const own = this.own;
    own.start();
    const deadline = Date.now() + OWN_START_MS + 1000;
    while (Date.now() < deadline) {
      const url = own.readyUrl();
      if (url) return { url, why: '' };
      const state = own.status();
      if (state.state === 'down' || (state.restarts > 0 && state.lastError)) return { url: null, why: `down (${state.lastError ?? 'could not start'})` };
      await new Promise((r) => setTimeout(r, 50));
    }
    return { url: null, why: `not ready after ${OWN_START_MS} ms` };
  }

  /** The vector server as it is now, probed (a reader's status tells the truth about the writer's server). */
  async status(): Promise<VectorStoreStatus> {
    if (this.own) return this.own.status();
    const base: VectorStoreStatus = { mode: this.setting.mode, url: null, state: 'stopped', pid: null, port: null, version: null, restarts: 0, lastError: null };
    if (this.setting.mode === 'external') {
      const url = this.setting.url;
      const alive = await heartbeat(url, PROBE_MS);
      return { ...base, url: maskCredentials(url), port: Number(new URL(url).port) || null, state: alive ? 'ready' : 'down', lastError: alive ? null : `no heartbeat from ${maskCredentials(url)}` };
    }
    const address = readServerAddress(this.dataDir);
    const writer = liveHolder(lockFile(this.dataDir));
    if (!address || !writer) return { ...base, lastError: writer ? `the writer (${writer.command}, pid ${writer.pid}) has no vector server ready` : null };
    const alive = await heartbeat(address.url, PROBE_MS);
    return { ...base, url: address.url, pid: address.pid, port: Number(new URL(address.url).port), version: address.version, state: alive ? 'ready' : 'down', lastError: alive ? null : `no heartbeat from ${address.url}` };
  }

  async stop(): Promise<void> {
    await this.own?.stop();
  }
}
