// What each vector carries besides its hash, so searches filter inside the vector store (a `where`
// condition) instead of over a fixed number of nearest neighbours: repo key, language, kind, path
// and the folders above the file (`d1` = first folder, `d2` = first two …), which a glob's literal
// folder prefix selects.
export const MAX_FOLDER_DEPTH = 8;

export interface UnitMetaRow {
  repoKey: string;
  /** The symbol's kind, or `chunk` / `note`. */
  kind: string;
  language: string | null;
  path: string | null;
}

export type VectorMeta = Record<string, string>;

export function vectorMeta(row: UnitMetaRow): VectorMeta {
  const meta: VectorMeta = { repo: row.repoKey, kind: row.kind };
  if (row.language) meta['lang'] = row.language;
  if (row.path) {
    meta['path'] = row.path;
    const folders = row.path.split('/').slice(0, -1);
    for (let d = 1; d <= Math.min(folders.length, MAX_FOLDER_DEPTH); d++) meta[`d${d}`] = folders.slice(0, d).join('/');
  }
  return meta;
}

/** The literal folder a path glob starts with (`src/api/**\/*.ts` → `src/api`), or null when it has none. */
export function globFolder(glob: string): string | null {
  const wild = glob.search(/[*?[\]{}]/);
  const literal = wild < 0 ? glob : glob.slice(0, wild);
  // Without a wildcard the glob may name a file (`src/a.ts`): only the folders above it are sure.
  const slash = literal.lastIndexOf('/');
  if (slash <= 0) return null;
  const folder = literal.slice(0, slash).replace(/^\.\//, '');
  return folder && !folder.startsWith('/') && folder.split('/').length <= MAX_FOLDER_DEPTH ? folder : null;
}

/** Equalities on metadata keys, one or several ANDed (the shape Chroma's `where` takes). */
export type MetaEquals = Record<string, string>;
export type MetaWhere = MetaEquals | { $and: MetaEquals[] };

/** The store-side condition for these filters, or null when none applies. */
export function metaWhere(filters: { repoKey?: string | undefined; lang?: string | undefined; kind?: string | undefined; folder?: string | null | undefined }): MetaWhere | null {
  const parts: MetaEquals[] = [];
  if (filters.repoKey) parts.push({ repo: filters.repoKey });
  if (filters.lang) parts.push({ lang: filters.lang.toLowerCase() });
  if (filters.kind) parts.push({ kind: filters.kind });
  if (filters.folder) parts.push({ [`d${filters.folder.split('/').length}`]: filters.folder });
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as MetaEquals) : { $and: parts };
}
