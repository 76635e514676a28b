// One zustand store made of slices. Components select the smallest value they need; boot-time
// listeners and actions write with getState()/set, outside React.
import { create, type StateCreator } from 'zustand';
import { type CodeSlice, codeSlice } from './code.js';
import { type NavSlice, navSlice } from './nav.js';
import { type NotesSlice, notesSlice } from './notes.js';
import { type RepoControlSlice, repoControlSlice } from './repoControl.js';
import { type ReposSlice, reposSlice } from './repos.js';
import { type SearchSlice, searchSlice } from './search.js';
import { type SettingsSlice, settingsSlice } from './settings.js';
import { type SyncSlice, syncSlice } from './sync.js';
import { type UiSlice, uiSlice } from './ui.js';

export type State = ReposSlice & SearchSlice & CodeSlice & SyncSlice & NotesSlice & UiSlice & SettingsSlice & RepoControlSlice & NavSlice;
export type Slice<T> = StateCreator<State, [], [], T>;

export const useStore = create<State>()((...a) => ({
  ...reposSlice(...a), ...searchSlice(...a), ...codeSlice(...a), ...syncSlice(...a), ...notesSlice(...a), ...uiSlice(...a), ...settingsSlice(...a), ...repoControlSlice(...a), ...navSlice(...a),
}));
