// The host's "Open folder…" channel: sender-frame checked, payload refused, dialog answers as Results.
import { describe, expect, it } from 'vitest';
import { HOST_PICK_FOLDER } from '../../../shared/contract.js';
import { registerHostIpc } from '../../../electron/app/hostIpc.js';
import { trustedFrame } from '../../../electron/transport/ipc.js';
import { fakeDialog, fakeIpcMain, type Log } from './fakes.js';

const PAGE = 'app://clew/index.html';

function setup(answer: Parameters<typeof fakeDialog>[1]) {
  const log: Log = [];
  const ipcMain = fakeIpcMain(log);
  const dialog = fakeDialog(log, answer);
  const unregister = registerHostIpc(ipcMain, dialog, trustedFrame(PAGE));
  return { log, ipcMain, dialog, unregister };
}

describe('host IPC: pick a folder', () => {
  it('opens a directory-only dialog and answers the chosen path', async () => {
    const { ipcMain, dialog } = setup({ canceled: false, filePaths: ['/home/me/src/repo'] });
    expect(await ipcMain.call(HOST_PICK_FOLDER, PAGE)).toEqual({ ok: true, value: '/home/me/src/repo' });
    expect(dialog.opened[0]!.properties).toEqual(['openDirectory']);
  });

  it('answers null when cancelled, and an error result when the dialog fails', async () => {
    expect(await setup({ canceled: true, filePaths: [] }).ipcMain.call(HOST_PICK_FOLDER, PAGE)).toEqual({ ok: true, value: null });
    expect(await setup(new Error('no display')).ipcMain.call(HOST_PICK_FOLDER, PAGE)).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('no display') } });
  });

  it('refuses other frames and payloads without opening a dialog', async () => {
    const { ipcMain, log } = setup({ canceled: false, filePaths: ['/x'] });
    for (const url of ['https://evil.example/', 'file:///tmp/index.html', 'app://clew/other.html', null]) {
      expect(await ipcMain.call(HOST_PICK_FOLDER, url)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(await ipcMain.call(HOST_PICK_FOLDER, PAGE, { path: '/etc' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(log).not.toContain('dialog:open');
  });

  it('unregisters', () => {
    const { ipcMain, unregister } = setup({ canceled: true, filePaths: [] });
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
