// settings.json as a form: size cap, extra ignores, languages, embedder, Chroma URL, watch. The
// vector-side settings say that they apply at the next start; the Backend validates every save.
import { useCallback, useEffect, useState } from 'react';
import { LANGUAGES, type Language, type Settings } from '../../shared/types.js';
import { PathText } from '../components/PathText.js';
import { SemanticModelSettings } from '../components/SemanticModelSettings.js';
import { useStore } from '../store/index.js';
import { checkMaxKib, type SettingsField } from '../store/settingsErrors.js';

interface Draft {
  maxKib: string;
  ignores: string;
  languages: Language[] | null;
  embedderKind: Settings['embedder']['kind'];
  modelDir: string;
  chromaUrl: string;
  watch: boolean;
}

const toDraft = (s: Settings): Draft => ({
  maxKib: String(Math.round((s.maxFileBytes / 1024) * 100) / 100),
  ignores: s.extraIgnores.join('\n'),
  languages: s.languages,
  embedderKind: s.embedder.kind,
  modelDir: s.embedder.kind === 'hash' ? '' : s.embedder.modelDir,
  chromaUrl: s.chromaUrl ?? '',
  watch: s.watch,
});

/** Only the fields the form owns; a hash embedder's dimension (set in the file) is kept as it is. */
function toPatch(d: Draft, saved: Settings): Partial<Settings> {
  const embedder: Settings['embedder'] = d.embedderKind === 'hash'
    ? (saved.embedder.kind === 'hash' ? saved.embedder : { kind: 'hash' })
    : { kind: d.embedderKind, modelDir: d.modelDir.trim() };
  return {
    maxFileBytes: Math.round(Number(d.maxKib) * 1024),
    extraIgnores: d.ignores.split('\n').map((l) => l.trim()).filter((l) => l.length > 0),
    languages: d.languages,
    embedder,
    chromaUrl: d.chromaUrl.trim() || null,
    watch: d.watch,
  };
}

const Restart = () => <span className="badge" title="Applies when Clew starts next">needs restart</span>;

/** A field's problem in plain words, right under it, tied to the input for screen readers. */
function FieldError({ field }: { field: SettingsField }) {
  const text = useStore((s) => s.settingsFieldErrors[field]);
  return text ? <span className="field-error" id={`settings-error-${field}`} role="alert" data-testid={`settings-error-${field}`}>{text}</span> : null;
}

const invalid = (errors: Partial<Record<SettingsField, string>>, field: SettingsField) =>
  errors[field] ? { 'aria-invalid': true, 'aria-describedby': `settings-error-${field}` } : {};

export function SettingsView() {
  const info = useStore((s) => s.settings);
  const saveError = useStore((s) => s.settingsSaveError);
  const load = useStore((s) => s.loadSettings);
  const save = useStore((s) => s.saveSettings);
  const errors = useStore((s) => s.settingsFieldErrors);
  const [draft, setDraft] = useState<Draft | null>(null);
  const reload = useCallback(() => void load(), [load]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { if (info) setDraft(toDraft(info.saved)); }, [info]);
  if (!info || !draft) return <div className="empty">Loading settings…</div>;
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const toggleLanguage = (lang: Language, on: boolean) => {
    const current = draft.languages ?? [...LANGUAGES];
    const next = on ? [...current, lang] : current.filter((l) => l !== lang);
    change({ languages: next.length === LANGUAGES.length ? null : LANGUAGES.filter((l) => next.includes(l)) });
  };
  return (
    <>
      <div className="pane-head">
        <div className="row"><strong>Settings</strong><PathText path={info.file} className="dim grow" /></div>
        {info.error && <div className="message error" role="alert" data-testid="settings-file-error">This file has problems, so defaults stand in: {info.error}. Saving rewrites it.</div>}
        {info.overridden.length > 0 && <div className="dim">Command-line options override {info.overridden.join(', ')} for this run.</div>}
        {info.restartNeeded.length > 0 && <div className="message info" data-testid="settings-restart">Saved changes to {info.restartNeeded.join(' and ')} apply when Clew starts next.</div>}
      </div>
      {/* noValidate: our words next to the field, not the browser's bubble. */}
      <form className="pane-body settings" noValidate data-testid="settings-form" onSubmit={(e) => {
        e.preventDefault();
        const size = checkMaxKib(draft.maxKib);
        if (size) return useStore.getState().refuseSettings({ maxFileBytes: size });
        void save(toPatch(draft, info.saved));
      }}>
        <label className="field">
          <span>Skip files larger than (KiB)</span>
          <input type="number" step="any" value={draft.maxKib} data-testid="settings-max-kib" {...invalid(errors, 'maxFileBytes')} onChange={(e) => change({ maxKib: e.target.value })} />
          <FieldError field="maxFileBytes" />
        </label>
        <label className="field">
          <span>Extra ignore patterns (gitignore syntax, one per line, for every repo)</span>
          <textarea rows={4} value={draft.ignores} data-testid="settings-ignores" placeholder={'*.generated.ts\nvendor/'} {...invalid(errors, 'extraIgnores')} onChange={(e) => change({ ignores: e.target.value })} />
          <FieldError field="extraIgnores" />
        </label>
        <fieldset className="field">
          <legend>Languages to index (docs and config files are always indexed)</legend>
          <label className="row"><input type="checkbox" checked={draft.languages === null} data-testid="settings-all-languages" onChange={(e) => change({ languages: e.target.checked ? null : ['java'] })} /> All languages</label>
          <div className="languages">
            {LANGUAGES.map((lang) => (
              <label key={lang} className="row"><input type="checkbox" checked={draft.languages === null || draft.languages.includes(lang)} data-testid={`settings-lang-${lang}`} onChange={(e) => toggleLanguage(lang, e.target.checked)} /> {lang}</label>
            ))}
          </div>
          <FieldError field="languages" />
        </fieldset>
        <SemanticModelSettings onSettingsChanged={reload} />
        <fieldset className="field">
          <legend>Embedder <Restart /></legend>
          <label className="row"><input type="radio" name="embedder" checked={draft.embedderKind === 'hash'} onChange={() => change({ embedderKind: 'hash' })} /> Built-in (offline, hashed identifiers)</label>
          <label className="row"><input type="radio" name="embedder" checked={draft.embedderKind === 'transformers'} data-testid="settings-embedder-model" onChange={() => change({ embedderKind: 'transformers' })} /> A local sentence-embedding model folder</label>
          <label className="row"><input type="radio" name="embedder" checked={draft.embedderKind === 'static'} data-testid="settings-embedder-static" onChange={() => change({ embedderKind: 'static' })} /> A local static code-embedding model folder (model2vec: fast, CPU)</label>
          {draft.embedderKind !== 'hash' && <input type="text" aria-label="Model folder" placeholder="/absolute/path/to/model" value={draft.modelDir} data-testid="settings-model-dir" {...invalid(errors, 'embedder')} onChange={(e) => change({ modelDir: e.target.value })} />}
          <FieldError field="embedder" />
        </fieldset>
        <label className="field">
          <span>External Chroma server URL (empty: Clew runs its own) <Restart /></span>
          <input type="text" placeholder="http://127.0.0.1:8000" value={draft.chromaUrl} data-testid="settings-chroma-url" {...invalid(errors, 'chromaUrl')} onChange={(e) => change({ chromaUrl: e.target.value })} />
          <FieldError field="chromaUrl" />
        </label>
        <label className="row"><input type="checkbox" checked={draft.watch} data-testid="settings-watch" onChange={(e) => change({ watch: e.target.checked })} /> Follow file changes in every repo (watch)</label>
        {saveError && <div className="message error" role="alert" data-testid="settings-save-error">{saveError}</div>}
        <div className="row">
          <button type="submit" data-testid="settings-save">Save</button>
          <button type="button" className="link" onClick={() => setDraft(toDraft(info.saved))}>Revert</button>
        </div>
      </form>
    </>
  );
}
