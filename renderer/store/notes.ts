// Notes on symbols: list, add, edit, delete. Stale and detached notes come from the Backend.
import type { NoteRow } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import type { Slice } from './index.js';

export interface NotesSlice {
  notes: NoteRow[];
  loadNotes(): Promise<void>;
  addNote(repo: string, fqn: string, text: string): Promise<boolean>;
  updateNote(id: number, text: string): Promise<boolean>;
  deleteNote(id: number): Promise<void>;
}

export const notesSlice: Slice<NotesSlice> = (set, get) => {
  const attempt = async (what: string, run: () => Promise<unknown>): Promise<boolean> => {
    try {
      await run();
      await get().loadNotes();
      return true;
    } catch (e) {
      get().notify(`${what}: ${errorMessage(e)}`, 'error');
      return false;
    }
  };
  return {
    notes: [],
    async loadNotes() {
      try {
        set({ notes: await call('note:list', {}) });
      } catch (e) {
        get().notify(`Could not load notes: ${errorMessage(e)}`, 'error');
      }
    },
    addNote: (repo, fqn, text) => attempt('Could not add the note', () => call('note:add', { repo, fqn, text })),
    updateNote: (id, text) => attempt('Could not save the note', () => call('note:update', { id, text })),
    deleteNote: async (id) => { await attempt('Could not delete the note', () => call('note:delete', { id })); },
  };
};
