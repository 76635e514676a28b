// The settings slice: load, save with the right confirmation (and restart note), and a refused save
// kept next to the form without touching what was loaded.
import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/result.js';
import type { SettingsInfo } from '../../../shared/types.js';
import { checkMaxKib } from '../../../renderer/store/settingsErrors.js';
import { type FakeHost, installHost, store } from './fakeHost.js';

const info = (over: Partial<SettingsInfo> = {}): SettingsInfo => ({
  file: '/data/settings.json',
  saved: { maxFileBytes: 1_048_576, extraIgnores: [], languages: null, embedder: { kind: 'hash' }, chromaUrl: null, watch: true, modelEndpoint: 'https://huggingface.co' },
  overridden: [], error: null, restartNeeded: [], ...over,
});

describe('settings slice', () => {
  let host: FakeHost;
  beforeEach(() => { host = installHost({ 'settings:get': () => ok(info()) }); });

  it('loads the settings', async () => {
    expect(store().settings).toBeNull();
    await store().loadSettings();
    expect(store().settings?.saved.maxFileBytes).toBe(1_048_576);
  });

  it('saves a change and says the next index uses it', async () => {
    host.answers['settings:set'] = (req) => ok(info({ saved: { ...info().saved, ...req } }));
    expect(await store().saveSettings({ extraIgnores: ['*.gen.ts'] })).toBe(true);
    expect(host.calls).toEqual([{ channel: 'settings:set', req: { extraIgnores: ['*.gen.ts'] } }]);
    expect(store().settings?.saved.extraIgnores).toEqual(['*.gen.ts']);
    expect(store().settingsSaveError).toBeNull();
    expect(store().message).toEqual({ text: 'Settings saved; the next index uses them.', kind: 'info' });
  });

  it('names what waits for a restart', async () => {
    host.answers['settings:set'] = () => ok(info({ restartNeeded: ['embedder', 'chromaUrl'] }));
    await store().saveSettings({ chromaUrl: 'http://127.0.0.1:8000' });
    expect(store().message?.text).toBe('Settings saved. Restart Clew to switch the embedder and the Chroma URL.');
  });

  it('keeps a refused save\'s reason for the form, and clears it on the next good save', async () => {
    await store().loadSettings();
    host.answers['settings:set'] = () => err('BAD_REQUEST', 'settings:set: maxFileBytes: Too small; chromaUrl: must look like http://host:port; disk on fire');
    store().notify('Settings saved; the next index uses them.');
    expect(await store().saveSettings({ maxFileBytes: 0 })).toBe(false);
    // Each problem in plain words next to its field; no internals; the earlier "saved" banner is gone.
    expect(store().settingsFieldErrors).toEqual({
      maxFileBytes: 'Use a size above 0 KiB and at most 1 GiB (1,048,576 KiB), like 1024.',
      chromaUrl: 'Type a URL like http://127.0.0.1:8000, or leave it empty so Clew runs its own server.',
    });
    expect(store().settingsSaveError).toBe('disk on fire');
    expect(store().settings?.saved.maxFileBytes).toBe(1_048_576);
    expect(store().message).toBeNull();
    host.answers['settings:set'] = () => ok(info());
    await store().saveSettings({ watch: true });
    expect(store().settingsSaveError).toBeNull();
    expect(store().settingsFieldErrors).toEqual({});
  });

  it('checks the size before sending, in its own words', () => {
    expect(checkMaxKib('-5')).toMatch(/^Use a size above 0 KiB/);
    expect(checkMaxKib('')).not.toBeNull();
    expect(checkMaxKib('512')).toBeNull();
  });

  it('says why the settings could not be read', async () => {
    host.answers['settings:get'] = () => err('UNAVAILABLE', 'lost the connection to clew serve');
    await store().loadSettings();
    expect(store().settings).toBeNull();
    expect(store().message).toEqual({ text: 'Could not read the settings: lost the connection to clew serve', kind: 'error' });
  });
});
