// Direct access to the real vector store behind a data directory, for seeding damage and checking it.
import { join } from 'node:path';
import { openRead } from '../../electron/db/connection.js';
import { ChromaStore } from '../../electron/vectors/chromaStore.js';
import type { StatusReport } from '../../shared/types.js';

export function activeCollection(dataDir: string): string {
  const db = openRead(join(dataDir, 'clew.db'));
  try {
    const row = db.prepare<[], { collection: string }>("SELECT collection FROM vector_generations WHERE state = 'active'").get();
    if (!row) throw new Error('no active vector generation yet');
    return row.collection;
  } finally {
    db.close();
  }
}

/** vector_id → content_hash of every row SQLite says is synced. */
export function syncedRows(dataDir: string): Map<string, string> {
  const db = openRead(join(dataDir, 'clew.db'));
  try {
    return new Map(db.prepare<[], { vector_id: string; content_hash: string }>('SELECT vector_id, content_hash FROM text_units WHERE synced_hash IS content_hash').all().map((r) => [r.vector_id, r.content_hash]));
  } finally {
    db.close();
  }
}

/** Every (id, hash) the server holds in the active collection. */
export async function remoteRows(url: string, collection: string): Promise<Map<string, string | null>> {
  const store = new ChromaStore(url);
  const out = new Map<string, string | null>();
  for (let offset = 0; ; offset += 1000) {
    const page = await store.page(collection, offset, 1000);
    for (const item of page) out.set(item.id, item.hash);
    if (page.length < 1000) return out;
  }
}

export function serverUrl(status: StatusReport): string {
  if (status.vectorStore.state !== 'ready' || !status.vectorStore.url) throw new Error(`vector server not ready: ${JSON.stringify(status.vectorStore)}`);
  return status.vectorStore.url;
}
