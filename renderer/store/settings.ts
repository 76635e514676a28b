// settings.json as the Backend sees it: load it, save a change, and remember the last save's outcome.
import type { Settings, SettingsInfo } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import type { Slice } from './index.js';
import { type FieldErrors, settingsErrors } from './settingsErrors.js';

export interface SettingsSlice {
  settings: SettingsInfo | null;
  /** The Backend's refusal of the last save that names no field, shown above the Save button. */
  settingsSaveError: string | null;
  /** The last refused save's problems in plain words, each shown next to its field. */
  settingsFieldErrors: FieldErrors;
  /** A problem found before sending (the form checks its own fields). */
  refuseSettings(fields: FieldErrors): void;
  loadSettings(): Promise<void>;
  saveSettings(patch: Partial<Settings>): Promise<boolean>;
}

const LABELS: Record<string, string> = { embedder: 'the embedder', chromaUrl: 'the Chroma URL' };

export const settingsSlice: Slice<SettingsSlice> = (set, get) => ({
  settings: null,
  settingsSaveError: null,
  settingsFieldErrors: {},
  refuseSettings(fields) {
    set({ settingsFieldErrors: fields, settingsSaveError: null });
    // An earlier "Settings saved" must not stand beside a refused save.
    get().dismissMessage();
  },
  async loadSettings() {
    try {
      set({ settings: await call('settings:get', {}) });
    } catch (e) {
      get().notify(`Could not read the settings: ${errorMessage(e)}`, 'error');
    }
  },
  async saveSettings(patch) {
    try {
      const info = await call('settings:set', patch);
      set({ settings: info, settingsSaveError: null, settingsFieldErrors: {} });
      const restart = info.restartNeeded.map((k) => LABELS[k] ?? k).join(' and ');
      get().notify(restart ? `Settings saved. Restart Clew to switch ${restart}.` : 'Settings saved; the next index uses them.');
      return true;
    } catch (e) {
      const { fields, other } = settingsErrors(errorMessage(e));
      set({ settingsSaveError: other, settingsFieldErrors: fields });
      get().dismissMessage();
      return false;
    }
  },
});
