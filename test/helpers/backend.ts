// Opens a real Backend on a temp data dir and unwraps Results for concise tests.
import type { InvokeChannel, Req, Res } from '../../shared/contract.js';
import { Backend } from '../../electron/core/backend.js';

export async function call<C extends InvokeChannel>(backend: Backend, channel: C, req: Req<C>): Promise<Res<C>> {
  const result = await backend.invoke(channel, req);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export function openWriter(dataDir: string): Backend {
  return Backend.open({ dataDir, write: true, command: 'test' });
}
