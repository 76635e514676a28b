// The desktop host's IPC: the native "Open folder…" dialog. Sender-frame checked like every Backend
// channel; answers are Results, never thrown errors.
import { err, ok, type Result } from '../../shared/result.js';
import type { IpcMainLike } from '../transport/ipc.js';
import { HOST_PICK_FOLDER } from '../../shared/contract.js';

export interface DialogLike {
  showOpenDialog(options: { title: string; properties: Array<'openDirectory'> }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** The folder the person chose, or null when they cancelled. */
export async function pickFolder(dialog: DialogLike): Promise<Result<string | null>> {
  try {
    const chosen = await dialog.showOpenDialog({ title: 'Open a repository folder', properties: ['openDirectory'] });
    return ok(chosen.canceled ? null : chosen.filePaths[0] ?? null);
  } catch (e) {
    return err('INTERNAL', `cannot open the folder dialog: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Registers the host channels; returns a function that removes them. */
export function registerHostIpc(ipcMain: IpcMainLike, dialog: DialogLike, isTrustedFrame: (url: string) => boolean): () => void {
  ipcMain.handle(HOST_PICK_FOLDER, async (event, payload) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedFrame(url)) return err('BAD_REQUEST', `refused ${HOST_PICK_FOLDER} from untrusted frame ${url || '(none)'}`);
    if (payload !== undefined) return err('BAD_REQUEST', `${HOST_PICK_FOLDER} takes no payload`);
    return pickFolder(dialog);
  });
  return () => ipcMain.removeHandler(HOST_PICK_FOLDER);
}
