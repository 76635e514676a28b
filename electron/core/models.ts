// The Backend's model side: the catalogue with what is downloaded and in use, downloads (one per
// model, with progress events and cancel), and choosing a model: the engine re-embeds into a new
// generation while the old one answers; only when that is done is the choice saved and used for queries.
import { basename } from 'node:path';
import { MODEL_CATALOGUE, type CatalogueModel, type ModelListing, type ModelProgress, type ModelsInfo, type ReembedProgress } from '../../shared/models.js';
import type { EmbedderSetting } from '../../shared/types.js';
import { ClewFailure, toClewError } from '../base/failure.js';
import { embedderProblem } from './embedderCheck.js';
import { downloadModel, modelFolder, modelState } from '../vectors/models/modelDownload.js';

export interface ModelHost {
  dataDir: string;
  endpoint(): string;
  /** The embedder in use now. */
  embedder(): EmbedderSetting;
  /** Re-embeds with `setting` (null when there is no vector side: the choice simply applies from the next start). */
  switchEmbedder: ((setting: EmbedderSetting) => Promise<unknown>) | null;
  cancelSwitch(): Promise<boolean>;
  /** The switch is done: save the choice and embed queries with it. */
  switched(setting: EmbedderSetting): void;
  /** A switch failed: say so where status shows notices. */
  failed(message: string): void;
  downloadProgress(p: ModelProgress): void;
  reembedProgress(p: ReembedProgress): void;
}

export function catalogueModel(id: string): CatalogueModel {
  const model = MODEL_CATALOGUE.find((m) => m.id === id);
  if (!model) throw new ClewFailure('NOT_FOUND', `no model "${id}" in the catalogue (known: ${MODEL_CATALOGUE.map((m) => m.id).join(', ')})`);
  return model;
}

/** The embedder setting that runs a downloaded catalogue model as it was trained (pooling, prefixes). */
export function settingFor(model: CatalogueModel, folder: string): EmbedderSetting {
  const prefixes = { ...(model.queryPrefix ? { queryPrefix: model.queryPrefix } : {}), ...(model.documentPrefix ? { documentPrefix: model.documentPrefix } : {}) };
  return model.kind === 'static' ? { kind: 'static', modelDir: folder, ...prefixes } : { kind: 'transformers', modelDir: folder, pooling: model.pooling, ...prefixes };
}

export class ModelManager {
  private readonly downloads = new Map<string, { abort: AbortController; progress: ModelProgress }>();
  private reembed: ReembedProgress | null = null;

  constructor(private readonly host: ModelHost) {}

  private folderOf(model: CatalogueModel): string {
    return modelFolder(this.host.dataDir, model);
  }

  list(): ModelsInfo {
    const current = this.host.embedder();
    const modelDir = current.kind === 'hash' ? null : current.modelDir;
    const models: ModelListing[] = MODEL_CATALOGUE.map((m) => {
      const download = this.downloads.get(m.id);
      const folder = this.folderOf(m);
      return { ...m, folder, state: download ? 'downloading' : modelState(this.host.dataDir, m), active: modelDir === folder, progress: download ? { ...download.progress } : null };
    });
    return {
      endpoint: this.host.endpoint(), models, reembed: this.reembed && { ...this.reembed },
      current: { kind: current.kind, modelId: models.find((m) => m.active)?.id ?? null, modelDir },
    };
  }

  /** Starts the download (progress comes as events); answers at once with the listing. */
  download(id: string): ModelsInfo {
    const model = catalogueModel(id);
    if (this.downloads.has(id) || modelState(this.host.dataDir, model) === 'ready') return this.list();
    const abort = new AbortController();
    const total = model.files.reduce((n, f) => n + f.bytes, 0);
    const entry = { abort, progress: { id, file: model.files[0]?.path ?? '', bytesDone: 0, bytesTotal: total, state: 'downloading', error: null } as ModelProgress };
    this.downloads.set(id, entry);
    const report = (patch: Partial<ModelProgress>): void => {
      entry.progress = { ...entry.progress, ...patch };
      this.host.downloadProgress({ ...entry.progress });
    };
    report({});
    void downloadModel(model, { dataDir: this.host.dataDir, endpoint: this.host.endpoint(), signal: abort.signal, onProgress: (p) => report(p) }).then(
      () => {
        this.downloads.delete(id);
        report({ state: 'done', bytesDone: entry.progress.bytesTotal });
      },
      (e: unknown) => {
        this.downloads.delete(id);
        report({ state: abort.signal.aborted ? 'cancelled' : 'failed', error: toClewError(e).message });
      },
    );
    return this.list();
  }

  /** Cancels the model's download, or the re-embedding for it. */
  async cancel(id: string): Promise<{ cancelled: boolean }> {
    const download = this.downloads.get(id);
    if (download) {
      download.abort.abort();
      return { cancelled: true };
    }
    if (this.reembed?.state === 'running' && this.reembed.model === id) return { cancelled: await this.host.cancelSwitch() };
    return { cancelled: false };
  }

  /** Chooses a model: 'hash', a downloaded catalogue id, or 'folder' with a local model folder. Re-embedding runs in the background. */
  use(req: { id: string; modelDir?: string | undefined; kind?: 'static' | 'transformers' | undefined }): ModelsInfo {
    if (this.reembed?.state === 'running') throw new ClewFailure('BAD_REQUEST', `re-embedding for ${this.reembed.model} is running; cancel it first`);
    const { setting, label } = this.settingOf(req);
    if (JSON.stringify(setting) === JSON.stringify(this.host.embedder())) return this.list();
    if (!this.host.switchEmbedder) {
      this.host.switched(setting);
      return this.list();
    }
    const progress = (this.reembed = { model: label, state: 'running', done: 0, total: 0, etaSeconds: null, error: null });
    const report = (patch: Partial<ReembedProgress>): void => {
      Object.assign(progress, patch);
      this.host.reembedProgress({ ...progress });
    };
    report({});
    void this.host.switchEmbedder(setting).then(
      () => {
        this.host.switched(setting);
        report({ state: 'done', done: progress.total, etaSeconds: 0 });
      },
      (e: unknown) => {
        const message = toClewError(e).message;
        const cancelled = /cancelled/.test(message);
        if (!cancelled) this.host.failed(message);
        report({ state: cancelled ? 'cancelled' : 'failed', error: message, etaSeconds: null });
      },
    );
    return this.list();
  }

  /** The engine's re-embedding progress, while a switch runs. */
  switchProgress(p: { done: number; total: number; etaSeconds: number | null }): void {
    if (this.reembed?.state !== 'running') return;
    Object.assign(this.reembed, p);
    this.host.reembedProgress({ ...this.reembed });
  }

  private settingOf(req: { id: string; modelDir?: string | undefined; kind?: 'static' | 'transformers' | undefined }): { setting: EmbedderSetting; label: string } {
    if (req.id === 'hash') return { setting: { kind: 'hash' }, label: 'hash' };
    if (req.id === 'folder') {
      if (!req.modelDir) throw new ClewFailure('BAD_REQUEST', 'a local model needs modelDir (an absolute folder path)');
      const problem = embedderProblem({ kind: req.kind ?? 'transformers', modelDir: req.modelDir });
      if (problem) throw new ClewFailure('BAD_REQUEST', `modelDir: ${problem}`);
      return { setting: { kind: req.kind ?? 'transformers', modelDir: req.modelDir }, label: basename(req.modelDir) };
    }
    const model = catalogueModel(req.id);
    if (modelState(this.host.dataDir, model) !== 'ready') throw new ClewFailure('BAD_REQUEST', `${model.id} is not downloaded yet; download it first`);
    return { setting: settingFor(model, this.folderOf(model)), label: model.id };
  }
}
