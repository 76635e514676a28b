// settings.json as the Backend sees it: load it, save a change, and remember the last save's outcome.
import type { Settings, SettingsInfo } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import type { Slice } from './index.js';

export interface SettingsSlice {
  settings: SettingsInfo | null;
  /** The Backend's refusal of the last save (a field it found invalid), shown next to the form. */
  settingsSaveError: string | null;
  loadSettings(): Promise<void>;
  saveSettings(patch: Partial<Settings>): Promise<boolean>;
}

const LABELS: Record<string, string> = { embedder: 'the embedder', chromaUrl: 'the Chroma URL' };

export const settingsSlice: Slice<SettingsSlice> = (set, get) => ({
  settings: null,
  settingsSaveError: null,
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
      set({ settings: info, settingsSaveError: null });
      const restart = info.restartNeeded.map((k) => LABELS[k] ?? k).join(' and ');
      get().notify(restart ? `Settings saved. Restart Clew to switch ${restart}.` : 'Settings saved; the next index uses them.');
      return true;
    } catch (e) {
      set({ settingsSaveError: errorMessage(e) });
      return false;
    }
  },
});
