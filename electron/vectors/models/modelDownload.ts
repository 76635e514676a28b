// Downloads a catalogue model into <data dir>/models/<owner>--<name>@<revision>/: every file's
// metadata first (so progress has a total), then each file resumably into a staging folder, which is
// renamed into place only when every file passed its size and hash check.
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CatalogueModel, ModelState } from '../../../shared/models.js';
import { cancelled, downloadHubFile, hubFileMeta, type HubFileMeta } from './hubFile.js';

export const modelsDir = (dataDir: string): string => join(dataDir, 'models');

/** The model's folder: the repository (`/` → `--`, as the hub's own cache names it) and the revision. */
export function modelFolder(dataDir: string, model: Pick<CatalogueModel, 'repo' | 'revision'>): string {
  return join(modelsDir(dataDir), `${model.repo.replace(/\//g, '--')}@${model.revision}`);
}

const stagingOf = (folder: string): string => `${folder}.partial`;
const localName = (file: CatalogueModel['files'][number]): string => file.saveAs ?? file.path;

export function modelState(dataDir: string, model: CatalogueModel): Exclude<ModelState, 'downloading'> {
  const folder = modelFolder(dataDir, model);
  if (existsSync(folder)) return 'ready';
  return existsSync(stagingOf(folder)) ? 'partial' : 'absent';
}

export interface DownloadProgress {
  file: string;
  bytesDone: number;
  bytesTotal: number;
}

export interface ModelDownloadOptions {
  dataDir: string;
  endpoint: string;
  signal?: AbortSignal;
  onProgress?: (p: DownloadProgress) => void;
  retries?: number;
}

export function fileUrl(endpoint: string, model: Pick<CatalogueModel, 'repo' | 'revision'>, path: string): string {
  const encode = (s: string): string => s.split('/').map(encodeURIComponent).join('/');
  return `${endpoint.replace(/\/+$/, '')}/${encode(model.repo)}/resolve/${encodeURIComponent(model.revision)}/${encode(path)}`;
}

const PROGRESS_EVERY_MS = 100;

/** Resolves with the model's folder; a failure or cancel leaves what was fetched (checked files, `.part`s) for the next try. */
export async function downloadModel(model: CatalogueModel, options: ModelDownloadOptions): Promise<string> {
  const folder = modelFolder(options.dataDir, model);
  if (existsSync(folder)) return folder;
  const staging = stagingOf(folder);
  const metas: HubFileMeta[] = [];
  for (const file of model.files) metas.push(await hubFileMeta(fileUrl(options.endpoint, model, file.path), options.signal));
  const bytesTotal = metas.reduce((n, m) => n + m.size, 0);
  mkdirSync(staging, { recursive: true });
  let finished = 0;
  let lastReport = 0;
  let lastFile = '';
  const report = (file: string, done: number, force = false): void => {
    const now = performance.now();
    // Throttled, except the first bytes of each file: a file's start is always shown.
    if (!force && file === lastFile && now - lastReport < PROGRESS_EVERY_MS) return;
    lastReport = now;
    lastFile = file;
    options.onProgress?.({ file, bytesDone: finished + done, bytesTotal });
  };
  for (const [i, file] of model.files.entries()) {
    const meta = metas[i]!;
    const target = join(staging, localName(file));
    // A file that passed its check in an earlier try was renamed from its .part; only its size is compared again.
    if (!(existsSync(target) && statSync(target).size === meta.size)) {
      mkdirSync(dirname(target), { recursive: true });
      const part = `${target}.part`;
      await downloadHubFile(meta, part, { onBytes: (done) => report(file.path, done), ...(options.signal ? { signal: options.signal } : {}), ...(options.retries !== undefined ? { retries: options.retries } : {}) });
      renameSync(part, target);
    }
    finished += meta.size;
    report(file.path, 0, true);
    if (options.signal?.aborted) throw cancelled();
  }
  renameSync(staging, folder);
  return folder;
}
