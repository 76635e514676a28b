// A unit row's metadata columns as the vector metadata filters match (base/vectorMeta.ts).
import { type VectorMeta, vectorMeta } from '../../base/vectorMeta.js';
import type { UnitMetaColumns } from '../../db/read/vectorUnits.js';

export function metaOf(row: UnitMetaColumns): VectorMeta {
  return vectorMeta({ repoKey: row.repoKey, kind: row.metaKind, language: row.language, path: row.path });
}
