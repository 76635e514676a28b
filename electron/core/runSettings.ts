// The settings of one run: the file's values (re-read after every change), what the run started
// with (the vector side keeps those until a restart), and what the command line overrode.
import type { RestartSetting, Settings, SettingsInfo } from '../../shared/types.js';
import { maskCredentials } from '../sidecar/maskCredentials.js';
import { settingsFile } from './dataDir.js';
import { embedderProblem } from './embedderCheck.js';
import { ClewFailure } from '../base/failure.js';
import { readSettings, writeSettings } from './settingsFile.js';

const RESTART_SETTINGS: readonly RestartSetting[] = ['embedder', 'chromaUrl'];

export class RunSettings {
  private saved: Settings;
  private problem: string | null;
  private atStart: Settings;

  constructor(private readonly dataDir: string, private readonly overridden: ReadonlyArray<keyof Settings>) {
    const loaded = readSettings(dataDir);
    this.saved = loaded.settings;
    this.problem = loaded.error;
    this.atStart = loaded.settings;
  }

  /** The file's settings (defaults where it was missing or invalid). */
  get current(): Settings {
    return this.saved;
  }

  get error(): string | null {
    return this.problem;
  }

  info(): SettingsInfo {
    const restartNeeded = RESTART_SETTINGS.filter((key) => JSON.stringify(this.saved[key]) !== JSON.stringify(this.atStart[key]));
    // The UI shows and edits the Chroma URL with its password masked; set() puts the saved one back.
    const saved = this.saved.chromaUrl ? { ...this.saved, chromaUrl: maskCredentials(this.saved.chromaUrl) } : this.saved;
    return { file: settingsFile(this.dataDir), saved, overridden: [...this.overridden], error: this.problem, restartNeeded };
  }

  /** Saves a change that already took effect in this run (a model switched without a restart). */
  apply(patch: Partial<Settings>): SettingsInfo {
    this.set(patch);
    this.atStart = { ...this.atStart, ...patch };
    return this.info();
  }

  /** Saves a validated change; the whole file is rewritten, so saving also repairs a bad file. */
  set(patch: Partial<Settings>): SettingsInfo {
    // A model folder that cannot be used is refused now, not discovered at the next start.
    const problem = patch.embedder && embedderProblem(patch.embedder);
    if (problem) throw new ClewFailure('BAD_REQUEST', `embedder.modelDir: ${problem}`);
    const next: Settings = { ...this.saved, ...patch };
    if (patch.chromaUrl && this.saved.chromaUrl && patch.chromaUrl === maskCredentials(this.saved.chromaUrl)) next.chromaUrl = this.saved.chromaUrl;
    writeSettings(this.dataDir, next);
    this.saved = next;
    this.problem = null;
    return this.info();
  }
}
