// Repair's progress in words a person reads ("Comparing 1,200 vectors…"), not its phase names.
import type { RepairProgress, RepairReport } from '../../shared/types.js';

const n = (v: number): string => v.toLocaleString();

export function repairStep(p: RepairProgress | null): string {
  if (!p) return 'Starting the repair…';
  switch (p.phase) {
    case 'diff': return `Comparing the index with the vector store: ${n(p.done)} of ${n(p.total)} vectors checked…`;
    case 'verify': return 'Checking that search can find the latest vectors…';
    case 'health': return 'Checking the vector store’s health…';
    case 'rebuild': return `Rebuilding the vector collection: ${n(p.done)} of ${n(p.total)} vectors sent…`;
    case 'done': return 'Finishing…';
  }
}

/** A dry run that found nothing to delete, re-send or rebuild: no repair to offer. */
export function nothingToRepair(r: RepairReport): boolean {
  return r.orphans === 0 && r.missing === 0 && r.stale === 0 && r.unsearchable === 0 && r.healthy;
}
