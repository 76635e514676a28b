// `clew models`: list the curated models; `download <id>` fetches one (progress on stderr), `use <id|hash>`
// re-embeds into a new generation with it (progress on stderr) and returns when it is in use.
import { call } from '../shared/contract.js';
import type { ModelsInfo, ReembedProgress, ModelProgress } from '../shared/models.js';
import type { Backend } from './core/backend.js';
import { ClewFailure } from './base/failure.js';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

export function formatModels(info: ModelsInfo): string {
  const lines = info.models.map((m) => {
    const size = mb(m.files.reduce((n, f) => n + f.bytes, 0));
    return `${m.active ? '*' : ' '} ${m.id.padEnd(16)} ${m.state.padEnd(8)} ${size.padStart(9)}  ${m.dimension} dims  ${m.repo}@${m.revision}\n    ${m.goodFor}`;
  });
  const current = info.current.kind === 'hash' ? 'the built-in hash embedder' : info.current.modelId ?? info.current.modelDir;
  return [`in use: ${current}   endpoint: ${info.endpoint}`, ...lines].join('\n');
}

/** Progress lines: rewritten in place on a terminal, else one line per 10% so a log stays short. */
function reporter(write: (text: string) => void, inPlace: boolean): (done: number, total: number, text: string) => void {
  let lastTenth = -1;
  return (done, total, text) => {
    const tenth = total > 0 ? Math.floor((10 * done) / total) : 0;
    if (!inPlace && tenth === lastTenth) return;
    lastTenth = tenth;
    write(text);
  };
}

export async function modelsCommand(backend: Backend, rest: string[], io: { err: (t: string) => void; progress?: ((t: string) => void) | undefined }): Promise<ModelsInfo | ModelProgress | ReembedProgress> {
  const [sub, id] = rest;
  if (sub === undefined || sub === 'list') return call(backend, 'models:list', {});
  if (!id) throw new ClewFailure('BAD_REQUEST', `models ${sub} needs a model id (\`clew models\` lists them)`);
  const report = reporter(io.progress ?? io.err, io.progress !== undefined);
  if (sub === 'download') {
    const ended = new Promise<ModelProgress>((resolve) => backend.on('models:progress', (p) => {
      if (p.id !== id) return;
      if (p.state !== 'downloading') resolve(p);
      else report(p.bytesDone, p.bytesTotal, `downloading ${id}: ${p.file} ${mb(p.bytesDone)}/${mb(p.bytesTotal)}`);
    }));
    const info = await call(backend, 'models:download', { id });
    if (info.models.find((m) => m.id === id)?.state === 'ready') return { id, file: '', bytesDone: 0, bytesTotal: 0, state: 'done', error: null };
    const end = await ended;
    if (end.state !== 'done') throw new ClewFailure('UNAVAILABLE', end.error ?? `the download ${end.state}`);
    return end;
  }
  if (sub === 'use') {
    const label = id === 'hash' ? 'hash' : id;
    const ended = new Promise<ReembedProgress>((resolve) => backend.on('models:reembed', (r) => {
      if (r.model !== label) return;
      if (r.state !== 'running') resolve(r);
      else report(r.done, r.total, `re-embedding for ${label}: ${r.done}/${r.total}${r.etaSeconds === null ? '' : `, ~${r.etaSeconds} s left`}`);
    }));
    const info = await call(backend, 'models:use', { id });
    if (!info.reembed || info.reembed.model !== label) return { model: label, state: 'done', done: 0, total: 0, etaSeconds: 0, error: null };
    const end = await ended;
    if (end.state !== 'done') throw new ClewFailure('UNAVAILABLE', end.error ?? `re-embedding ${end.state}`);
    return end;
  }
  throw new ClewFailure('BAD_REQUEST', `models needs "list", "download <id>" or "use <id|hash>", got ${JSON.stringify(sub)}`);
}
