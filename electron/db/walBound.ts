// The index writer folds the WAL back itself once the file passes a bound. The sync thread's passive checkpoints copy
// pages out between the writer's commits, but SQLite starts a WAL over only when a write begins with every frame
// copied, which never happens while the writer commits batch after batch: during a first index of the Go tree the
// WAL grew to twice clew.db (598 MiB, README). Checkpointed by the writer between its batches, nothing is appended
// meanwhile, so its next batch starts the WAL over and cuts it back to journal_size_limit (connection.ts). The same
// holds for the steps of the full-text merge and of giving free pages back at the end of a large run.
import { statSync } from 'node:fs';

/** The WAL size past which the writer checkpoints after a batch: the journal_size_limit it is cut back to. */
export const WAL_BOUND_BYTES = 64 * 1024 * 1024;

/** What WalBound needs of a write connection. */
interface WalWriter {
  readonly name: string;
  pragma(source: string): unknown;
}

export class WalBound {
  private readonly walFile: string;

  constructor(private readonly db: WalWriter, private readonly boundBytes = WAL_BOUND_BYTES) {
    this.walFile = `${db.name}-wal`;
  }

  /** After a commit (a batch, a merge step): checkpoints (passively: never waiting for a reader) when the WAL is past the bound. */
  afterCommit(): void {
    let bytes: number;
    try {
      bytes = statSync(this.walFile).size;
    } catch {
      return; // No WAL file (an in-memory database, or the file was just checkpointed away).
    }
    if (bytes <= this.boundBytes) return;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Another connection holds the checkpoint (the sync thread's): the batch is committed all the same, and the next tries again.
    }
  }
}
