// The cheap check run each time a vector server comes up (at start, and after it restarted): counts on
// both sides, the latest vectors searched for by their own embedding (a server killed mid-write can
// lose them from its index; those are re-inserted), and a health probe. No full diff: that is
// repair's job. A collection that vanished entirely (its data directory was wiped) is certain loss,
// so its rows are re-queued at once.
import type { VectorCheck } from '../../../shared/types.js';
import type { WriteDb } from '../../db/connection.js';
import { Generations } from '../../vectors/generations.js';
import { errorText, isUnreachable, type VectorStorePort } from '../../vectors/ports.js';
import { syncedUnitCount, tombstoneCount } from '../../db/read/vectorUnits.js';
import { SyncQueue } from '../../db/write/syncQueue.js';
import { recordCheck } from '../../db/write/vectorChecks.js';
import { healthAfter } from './repair.js';
import { findUnsearchable, RECENT_TO_VERIFY, reinsert, vectorsToVerify } from './searchable.js';

export async function startupCheck(db: WriteDb, store: VectorStorePort & { findCollection(name: string): Promise<unknown> }, embedderId: string, kind: 'startup' | 'restart' = 'startup'): Promise<VectorCheck> {
  const found = new Generations(db).active();
  // A changed embedder means a new generation is about to be filled: nothing to compare yet.
  const active = found?.embedderId === embedderId ? found : null;
  const synced = syncedUnitCount(db);
  const tombstones = tombstoneCount(db);
  const check: VectorCheck = { at: Date.now(), kind, orphans: 0, missing: 0, stale: 0, healthy: true, detail: null };
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
        const verified = await findUnsearchable(store, active.collection, vectorsToVerify(db, RECENT_TO_VERIFY, 0));
        const reinserted = await reinsert(db, store, active.collection, verified.lost);
        const health = await healthAfter(verified, db, store, active.collection);
        check.healthy = health.healthy;
        check.detail = [health.error, reinserted > 0 ? `${reinserted} stored vector${reinserted === 1 ? ' that search could not reach was' : 's that search could not reach were'} re-inserted` : null].filter(Boolean).join('; ') || null;
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
