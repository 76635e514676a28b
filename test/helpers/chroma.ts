// Starts the real Chroma server (pinned bindings) through the real supervisor, for tests.
import { ChromaSidecar } from '../../electron/sidecar/chromaSidecar.js';
import { nodeLauncher } from '../../electron/sidecar/nodeLauncher.js';
import type { VectorStoreStatus } from '../../shared/types.js';

export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 30_000, everyMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export async function startSidecar(dataDir: string, options: { healthIntervalMs?: number } = {}): Promise<{ sidecar: ChromaSidecar; url: string }> {
  const sidecar = new ChromaSidecar({ dataDir, launcher: nodeLauncher, ...options });
  sidecar.start();
  const url = await waitFor('the Chroma sidecar to be ready', () => sidecar.readyUrl());
  return { sidecar, url };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const readyPid = (status: VectorStoreStatus): number | null => (status.state === 'ready' ? status.pid : null);
