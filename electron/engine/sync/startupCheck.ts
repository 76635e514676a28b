// The cheap check run when the vector server first comes up: counts on both sides plus a health
// probe (no full diff; that is repair's job). A collection that vanished entirely (its data
// directory was wiped) is certain loss, so its rows are re-queued at once.
import type { VectorCheck } from '../../../shared/types.js';
import type { Db } from '../../db/connection.js';
import { Generations } from './generations.js';
import { errorText, isUnreachable, type VectorStorePort } from './ports.js';
import { SyncQueue } from './queue.js';
import { recordCheck } from './checks.js';
import { healthCheck } from './repair.js';

export async function startupCheck(db: Db, store: VectorStorePort & { findCollection(name: string): Promise<unknown> }, embedderId: string): Promise<VectorCheck> {
  const found = new Generations(db).active();
  // A changed embedder means a new generation is about to be filled: nothing to compare yet.
  const active = found?.embedderId === embedderId ? found : null;
  const synced = db.prepare('SELECT count(*) FROM text_units WHERE synced_hash IS content_hash').pluck().get() as number;
  const tombstones = db.prepare('SELECT count(*) FROM vector_outbox').pluck().get() as number;
  const check: VectorCheck = { at: Date.now(), kind: 'startup', orphans: 0, missing: 0, stale: 0, healthy: true, detail: null };
  if (found && !active) check.detail = `embedder changed from ${found.embedderId} to ${embedderId}; every row is being re-embedded`;
  if (active) {
    try {
      if (!(await store.findCollection(active.collection))) {
        check.missing = synced;
        check.detail = `collection ${active.collection} is gone from the server; ${new SyncQueue(db).requeueAll()} rows re-queued`;
      } else {
        const remote = await store.count(active.collection);
        check.missing = Math.max(0, synced - remote);
        check.orphans = Math.max(0, remote - synced - tombstones);
        const health = await healthCheck(db, store, active.collection);
        check.healthy = health.healthy;
        check.detail = health.error;
      }
    } catch (e) {
      if (isUnreachable(e)) throw e;
      check.healthy = false;
      check.detail = errorText(e);
    }
  }
  recordCheck(db, check);
  return check;
}
