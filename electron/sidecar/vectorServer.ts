// What the Backend needs from a vector server, whether Clew runs it (sidecar) or someone else does (external).
import type { VectorStoreStatus } from '../../shared/types.js';

export interface VectorServer {
  status(): VectorStoreStatus;
  /** The server's URL while it is ready, else null. */
  readyUrl(): string | null;
  onChange(listener: (status: VectorStoreStatus) => void): () => void;
  start(): void;
  stop(): Promise<void>;
}

/** Small shared base: state plus change listeners. */
export class ServerState {
  private readonly listeners = new Set<(status: VectorStoreStatus) => void>();
  constructor(private current: VectorStoreStatus) {}

  get(): VectorStoreStatus {
    return { ...this.current };
  }

  set(patch: Partial<VectorStoreStatus>): void {
    const next = { ...this.current, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    for (const listener of this.listeners) listener(this.get());
  }

  onChange(listener: (status: VectorStoreStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export async function heartbeat(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(new URL('/api/v2/heartbeat', url), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function serverVersion(url: string, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetch(new URL('/api/v2/version', url), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? String(await response.json()) : null;
  } catch {
    return null;
  }
}
