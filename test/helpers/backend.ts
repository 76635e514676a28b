// Opens a real Backend on a temp data dir and unwraps Results for concise tests.
import type { InvokeChannel, Req, Res } from '../../shared/contract.js';
import { unwrap } from '../../shared/result.js';
import { Backend, type BackendOptions } from '../../electron/core/backend.js';

/** Like the shared call(), with the channel named in the error for a readable test failure. */
export async function call<C extends InvokeChannel>(backend: Backend, channel: C, req: Req<C>): Promise<Res<C>> {
  return unwrap(await backend.invoke(channel, req), channel);
}

/** A writer Backend; vectors are off unless a test asks for them (sync tests start the real Chroma). */
export function openWriter(dataDir: string, options: Partial<BackendOptions> = {}): Backend {
  return Backend.open({ dataDir, write: true, command: 'test', vectors: { mode: 'off' }, ...options });
}
