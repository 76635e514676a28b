// Settings → Semantic model: the curated models with size and purpose, Download (with progress and
// Cancel), Use (re-embeds in the background with progress and time left while search keeps answering
// from the current model), and the endpoint models come from (the hub, a mirror or a proxy).
import { useCallback, useEffect, useState } from 'react';
import type { ModelListing, ModelProgress, ModelsInfo, ReembedProgress } from '../../shared/models.js';
import { api, call, errorMessage } from '../api.js';

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
const timeLeft = (s: number | null): string => (s === null ? '' : s >= 60 ? `, ~${Math.floor(s / 60)} min ${s % 60} s left` : `, ~${s} s left`);

function Bar({ done, total, testId, label }: { done: number; total: number; testId: string; label: string }) {
  const pct = total > 0 ? Math.min(100, (100 * done) / total) : 0;
  return (
    <div className="progress" data-testid={testId}>
      <div className="bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <div className={`fill${total === 0 ? ' indeterminate' : ''}`} style={{ width: total ? `${pct}%` : undefined }} />
      </div>
    </div>
  );
}

function ModelRow({ model, busy, act }: { model: ModelListing; busy: boolean; act: (verb: 'download' | 'cancel' | 'use', id: string) => void }) {
  const p = model.progress;
  return (
    <li className="model" data-testid={`model-${model.id}`} data-state={model.state} data-active={model.active}>
      <div className="row">
        <strong className="grow">{model.name}</strong>
        <span className="dim">{megabytes(model.files.reduce((n, f) => n + f.bytes, 0))} · {model.dimension} dims · {model.kind}</span>
        {model.active && <span className="badge" data-testid={`model-${model.id}-active`}>in use</span>}
      </div>
      <div className="dim">{model.goodFor} <code>{model.repo}</code></div>
      {model.state === 'downloading' && p && (
        <>
          <Bar done={p.bytesDone} total={p.bytesTotal} testId={`model-${model.id}-progress`} label={`Downloading ${model.name}`} />
          <div className="dim">{p.file}: {megabytes(p.bytesDone)} of {megabytes(p.bytesTotal)}</div>
        </>
      )}
      <div className="row">
        {(model.state === 'absent' || model.state === 'partial') && (
          <button type="button" data-testid={`model-${model.id}-download`} onClick={() => act('download', model.id)}>{model.state === 'partial' ? 'Resume download' : 'Download'}</button>
        )}
        {model.state === 'downloading' && <button type="button" data-testid={`model-${model.id}-cancel`} onClick={() => act('cancel', model.id)}>Cancel</button>}
        {model.state === 'ready' && !model.active && <button type="button" disabled={busy} data-testid={`model-${model.id}-use`} onClick={() => act('use', model.id)}>Use</button>}
      </div>
    </li>
  );
}

export function SemanticModelSettings({ onSettingsChanged }: { onSettingsChanged?: () => void }) {
  const [info, setInfo] = useState<ModelsInfo | null>(null);
  const [endpoint, setEndpoint] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const next = await call('models:list', {});
      setInfo(next);
      return next;
    } catch (e) {
      setMessage(errorMessage(e));
      return null;
    }
  }, []);
  useEffect(() => { void refresh().then((i) => i && setEndpoint(i.endpoint)); }, [refresh]);
  useEffect(() => {
    const offProgress = api().on('models:progress', (p: ModelProgress) => {
      if (p.state === 'failed') setMessage(p.error);
      if (p.state !== 'downloading') void refresh();
      else setInfo((i) => i && { ...i, models: i.models.map((m) => (m.id === p.id ? { ...m, state: 'downloading', progress: p } : m)) });
    });
    const offReembed = api().on('models:reembed', (r: ReembedProgress) => {
      if (r.state === 'failed') setMessage(r.error);
      // A finished switch saved the embedder setting: the form below must not save its stale copy back.
      if (r.state === 'done') onSettingsChanged?.();
      if (r.state !== 'running') void refresh();
      else setInfo((i) => i && { ...i, reembed: r });
    });
    return () => { offProgress(); offReembed(); };
  }, [refresh, onSettingsChanged]);
  if (!info) return <div className="dim">Loading models…</div>;

  const act = (verb: 'download' | 'cancel' | 'use', id: string): void => {
    setMessage(null);
    const done = verb === 'cancel' ? call('models:cancel', { id }).then(() => refresh()) : call(`models:${verb}`, { id }).then(setInfo);
    void done.catch((e: unknown) => setMessage(errorMessage(e)));
  };
  const saveEndpoint = (): void => {
    void call('settings:set', { modelEndpoint: endpoint.trim() }).then(() => { setMessage(null); onSettingsChanged?.(); return refresh(); }, (e: unknown) => setMessage(errorMessage(e)));
  };
  const r = info.reembed;
  const running = r?.state === 'running';
  return (
    <fieldset className="field" data-testid="semantic-model">
      <legend>Semantic model</legend>
      <div className="dim" data-testid="semantic-model-current">
        In use: {info.current.kind === 'hash' ? 'the built-in offline embedder' : info.current.modelId ?? info.current.modelDir}
        {info.current.kind !== 'hash' && <> · <button type="button" className="link" disabled={running} data-testid="model-hash-use" onClick={() => act('use', 'hash')}>back to the built-in embedder</button></>}
      </div>
      <ul className="models">
        {info.models.map((m) => <ModelRow key={m.id} model={m} busy={running} act={act} />)}
      </ul>
      <div className="dim">A local model folder: choose it under Embedder below.</div>
      {r && running && (
        <div data-testid="reembed-progress">
          <Bar done={r.done} total={r.total} testId="reembed-bar" label={`Re-embedding for ${r.model}`} />
          <div className="row">
            <span className="dim grow">Re-embedding for {r.model}: {r.done.toLocaleString()}/{r.total.toLocaleString()}{timeLeft(r.etaSeconds)}. Search answers from the current model until it is done.</span>
            <button type="button" data-testid="reembed-cancel" onClick={() => act('cancel', r.model)}>Cancel</button>
          </div>
        </div>
      )}
      {r && r.state === 'done' && <div className="dim" data-testid="reembed-done">Now using {r.model}.</div>}
      {message && <div className="message error" role="alert" data-testid="semantic-model-error">{message}</div>}
      <label className="field">
        <span>Download models from (the Hugging Face hub, a mirror or a proxy)</span>
        <span className="row">
          <input type="text" className="grow" value={endpoint} data-testid="settings-model-endpoint" onChange={(e) => setEndpoint(e.target.value)} />
          <button type="button" data-testid="settings-model-endpoint-save" onClick={saveEndpoint}>Save</button>
        </span>
      </label>
    </fieldset>
  );
}
