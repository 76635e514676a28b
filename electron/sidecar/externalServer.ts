// A Chroma server someone else runs (`--chroma-url`): Clew only watches its heartbeat.
import { maskCredentials } from './maskCredentials.js';
import type { VectorServer } from './vectorServer.js';
import { heartbeat, ServerState, serverVersion } from './vectorServer.js';

const POLL_MS = 2000;

export class ExternalServer implements VectorServer {
  private readonly state: ServerState;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly url: string, private readonly pollMs = POLL_MS) {
    this.state = new ServerState({ mode: 'external', url: maskCredentials(url), state: 'starting', pid: null, port: Number(new URL(url).port) || null, version: null, restarts: 0, lastError: null });
  }

  status = () => this.state.get();
  readyUrl = () => (this.state.get().state === 'ready' ? this.url : null);
  onChange = (listener: Parameters<ServerState['onChange']>[0]) => this.state.onChange(listener);

  start(): void {
    void this.poll();
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    const alive = await heartbeat(this.url, 3000);
    if (this.stopped) return;
    if (alive) {
      const version = this.state.get().version ?? (await serverVersion(this.url, 3000));
      this.state.set({ state: 'ready', version, lastError: null });
    } else this.state.set({ state: 'down', lastError: `no heartbeat from ${maskCredentials(this.url)}` });
    this.timer = setTimeout(() => void this.poll(), this.pollMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.state.set({ state: 'stopped' });
  }
}
