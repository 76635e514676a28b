// Proof that the server on our port is ours, not a stranger that took the port: our Chroma
// directory holds a marker collection whose metadata names this data directory's instance id.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChromaStore } from '../vectors/chromaStore.js';

export const IDENTITY_COLLECTION = 'clew-identity';

export function instanceId(dataDir: string): string {
  const file = join(dataDir, 'chroma-instance');
  if (existsSync(file)) {
    const id = readFileSync(file, 'utf8').trim();
    if (id) return id;
  }
  const id = randomUUID();
  writeFileSync(file, `${id}\n`);
  return id;
}

/**
 * True when the server at `url` serves our Chroma directory. A directory without the marker (new,
 * or wiped while stopped) is claimed only if the server created its database file there.
 */
export async function verifyIdentity(url: string, chromaDir: string, instance: string): Promise<{ ok: boolean; reason: string | null }> {
  const store = new ChromaStore(url);
  const marker = await store.findCollection(IDENTITY_COLLECTION);
  if (marker) {
    const found = marker.metadata?.instance;
    return found === instance ? { ok: true, reason: null } : { ok: false, reason: `the server at ${url} belongs to another Clew data directory (${String(found)})` };
  }
  if (!existsSync(join(chromaDir, 'chroma.sqlite3'))) return { ok: false, reason: `the server at ${url} is not using ${chromaDir}` };
  await store.ensureCollection(IDENTITY_COLLECTION, { instance });
  return { ok: true, reason: null };
}
