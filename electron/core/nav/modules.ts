// Where an import specifier points, per language: the repo files (or folder) that make up the module.
// Pure over the repo's path list, so it is unit-tested without a database.

/**
 * The repo's file paths, built once per index version. The lookups by id and path are built at once; the folder and
 * last-segment indexes when first asked (a Python answer never lists a folder; 10,000 files take milliseconds each).
 */
export class RepoPaths {
  readonly byPath = new Map<string, number>();
  /** Each file's path and language by id: a references scan reads ids only. */
  readonly byId = new Map<number, { path: string; language: string | null }>();
  private foldersIndex: Map<string, number[]> | null = null;
  /** Paths by their last segment, and folders likewise: a suffix lookup reads the few sharing its last segment, not every path. */
  private byBaseNameIndex: Map<string, string[]> | null = null;
  private foldersByBaseNameIndex: Map<string, string[]> | null = null;

  /**
   * `goModule`: go.mod's module path. `pythonPackage`: the repo folder's own name when the folder is itself a Python
   * package (its root holds `__init__.py`, as when site-packages/django is opened): its code imports itself by that name.
   */
  constructor(files: ReadonlyArray<{ id: number; path: string; language?: string | null }>, readonly goModule: string | null, readonly pythonPackage: string | null = null) {
    for (const f of files) {
      this.byPath.set(f.path, f.id);
      this.byId.set(f.id, { path: f.path, language: f.language ?? null });
    }
  }

  /** Each folder's files. */
  get folders(): ReadonlyMap<string, number[]> {
    if (!this.foldersIndex) {
      this.foldersIndex = new Map();
      for (const [path, id] of this.byPath) {
        const folder = folderOf(path);
        const list = this.foldersIndex.get(folder);
        if (list) list.push(id);
        else this.foldersIndex.set(folder, [id]);
      }
    }
    return this.foldersIndex;
  }

  private get byBaseName(): Map<string, string[]> {
    if (!this.byBaseNameIndex) {
      this.byBaseNameIndex = new Map();
      for (const path of this.byPath.keys()) pushTo(this.byBaseNameIndex, baseName(path), path);
    }
    return this.byBaseNameIndex;
  }

  private get foldersByBaseName(): Map<string, string[]> {
    if (!this.foldersByBaseNameIndex) {
      this.foldersByBaseNameIndex = new Map();
      for (const folder of this.folders.keys()) pushTo(this.foldersByBaseNameIndex, baseName(folder), folder);
    }
    return this.foldersByBaseNameIndex;
  }

  /** Builds the folder and last-segment indexes now, off a request's path (a worker when it opens). */
  warm(): void {
    void this.byBaseName;
    void this.foldersByBaseName;
  }

  /** Whether the indexes are built (read by tests). */
  get indexed(): boolean {
    return this.byBaseNameIndex !== null && this.foldersByBaseNameIndex !== null;
  }

  /** The paths whose last segment is `name` (every `Cargo.toml` of a workspace). */
  named(name: string): readonly string[] {
    return this.byBaseName.get(name) ?? [];
  }

  /** Answers of endingWith: every file of a module asks again for the same imports (`pandas/__init__.py` reads ~1,000 paths). */
  private readonly endings = new Map<string, number[]>();

  /** Files whose path ends with `suffix` (at a folder boundary), shortest path first. */
  endingWith(suffix: string): number[] {
    const exact = this.byPath.get(suffix);
    if (exact !== undefined) return [exact];
    let found = this.endings.get(suffix);
    if (!found) {
      const out: Array<[string, number]> = [];
      for (const path of this.byBaseName.get(baseName(suffix)) ?? []) if (path.endsWith(`/${suffix}`)) out.push([path, this.byPath.get(path)!]);
      this.endings.set(suffix, (found = out.sort((a, b) => a[0].length - b[0].length).slice(0, 4).map(([, id]) => id)));
    }
    return found;
  }

  /** The files of the folder whose path ends with `suffix`, for the shortest such folder. */
  folderEndingWith(suffix: string): number[] {
    const exact = this.folders.get(suffix);
    if (exact) return exact;
    let best: string | null = null;
    for (const folder of this.foldersByBaseName.get(baseName(suffix)) ?? []) if (folder.endsWith(`/${suffix}`) && (best === null || folder.length < best.length)) best = folder;
    return best === null ? [] : (this.folders.get(best) ?? []);
  }
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** How near a definition's file is to a use's: the same file 4, its folder 3, its top folder 2, elsewhere 1. */
export function proximity(from: string, to: string): number {
  if (from === to) return 4;
  const a = folderOf(from);
  const b = folderOf(to);
  if (a === b) return 3;
  if (a.split('/')[0] === b.split('/')[0]) return 2;
  return 1;
}

/** Joins a relative specifier to a folder, resolving `.` and `..`; null when it climbs out of the repo. */
export function joinPath(folder: string, relative: string): string | null {
  const parts = folder ? folder.split('/') : [];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

const TS_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

function tsCandidates(base: string): string[] {
  // `./x.js` in TypeScript sources names `./x.ts`.
  const stem = base.replace(/\.(m|c)?jsx?$/u, '');
  const out = [base];
  for (const ext of TS_EXTENSIONS) out.push(stem + ext);
  for (const ext of TS_EXTENSIONS) out.push(`${base}/index${ext}`);
  return out;
}

/** The files an import names; empty when it names nothing in the repo (a package, the standard library). */
export function moduleFiles(paths: RepoPaths, language: string | null, fromPath: string, source: string): number[] {
  const folder = folderOf(fromPath);
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript': {
      if (source.startsWith('.')) {
        const base = joinPath(folder, source);
        if (base === null) return [];
        for (const candidate of tsCandidates(base)) {
          const id = paths.byPath.get(candidate);
          if (id !== undefined) return [id];
        }
        return [];
      }
      // Bare specifiers: path aliases (`@/util`, `src/util`) resolved by their tail, else a package.
      const tail = source.replace(/^[@~#]\/?/u, '');
      if (!tail.includes('/')) return [];
      for (const candidate of tsCandidates(tail)) {
        const found = paths.endingWith(candidate);
        if (found.length) return found.slice(0, 1);
      }
      return [];
    }
    case 'python': {
      const dots = /^\.*/u.exec(source)?.[0].length ?? 0;
      const rest = source.slice(dots).split('.').filter(Boolean).join('/');
      if (dots > 0) {
        let base: string | null = folder;
        for (let i = 1; i < dots && base !== null; i++) base = base ? folderOf(base) : null;
        if (base === null) return [];
        const file = pythonModuleFile(paths, rest ? (base ? `${base}/${rest}` : rest) : base);
        return file === undefined ? [] : [file];
      }
      const own = paths.pythonPackage;
      // `django.db.models.query` inside the django folder itself is `db/models/query.py`.
      if (own && (rest === own || rest.startsWith(`${own}/`))) {
        const file = pythonModuleFile(paths, rest.slice(own.length + 1));
        if (file !== undefined) return [file];
      }
      const asFile = paths.endingWith(`${rest}.py`);
      return asFile.length ? asFile.slice(0, 1) : paths.endingWith(`${rest}/__init__.py`).slice(0, 1);
    }
    case 'go': {
      const module = paths.goModule;
      if (module && (source === module || source.startsWith(`${module}/`))) return paths.folders.get(source.slice(module.length + 1)) ?? [];
      // Without go.mod: the folder that ends like the import path, longest match first.
      const parts = source.split('/');
      for (let i = 0; i < parts.length; i++) {
        const files = paths.folderEndingWith(parts.slice(i).join('/'));
        if (files.length) return files;
      }
      return [];
    }
    case 'java': {
      const asFolder = source.split('.').join('/');
      return paths.endingWith(`${asFolder}.java`);
    }
    default:
      return [];
  }
}

/** The file of a Python module at `stem` from the repo's root (`a/b` → `a/b.py` or `a/b/__init__.py`; '' is the root's `__init__.py`). */
function pythonModuleFile(paths: RepoPaths, stem: string): number | undefined {
  return (stem ? paths.byPath.get(`${stem}.py`) : undefined) ?? paths.byPath.get(stem ? `${stem}/__init__.py` : '__init__.py');
}

/** Java: `import a.b.C` names the file `a/b/C.java`; `import a.b.*` the folder `a/b`. */
export function javaImportFiles(paths: RepoPaths, source: string, imported: string | null): number[] {
  const folder = source.split('.').join('/');
  if (imported === '*' || imported === null) return paths.folderEndingWith(folder);
  const asClass = paths.endingWith(`${folder}/${imported}.java`);
  // A static import: `import static a.b.C.m` has source `a.b.C`, naming the class's file.
  return asClass.length ? asClass : paths.endingWith(`${folder}.java`);
}
