// Following code: back/forward history of jumps, go to definition (with a picker when several
// candidates), the references panel, the side tab (outline or file tree) and the flow of an entry point.
import type { EntryPointRow } from '../../shared/types.js';
import type { DefinitionHit, NavPosition, ReferencesAnswer } from '../../shared/nav.js';
import { call, errorMessage } from '../api.js';
import type { CodeTarget } from './code.js';
import type { Slice } from './index.js';

export type SideTab = 'outline' | 'files';

export interface ReferencesState {
  /** What was asked, for the panel's title. */
  label: string;
  answer: ReferencesAnswer | null;
  error: string | null;
}

export interface NavSlice {
  back: CodeTarget[];
  forward: CodeTarget[];
  /** The line the cursor is on in the open file (what breadcrumbs and history remember). */
  cursorLine: number | null;
  picker: DefinitionHit[] | null;
  references: ReferencesState | null;
  sideTab: SideTab;
  /** A folder the file tree should show opened (set from the breadcrumbs). */
  revealFolder: string | null;
  flowEntry: EntryPointRow | null;
  /** Called by openAt: remembers where the reader was before a jump. */
  rememberJump(to: CodeTarget): void;
  goBack(): Promise<void>;
  goForward(): Promise<void>;
  setCursorLine(line: number | null): void;
  goToDefinition(at: NavPosition, word: string): Promise<void>;
  openDefinition(hit: DefinitionHit): Promise<void>;
  closePicker(): void;
  findReferences(at: NavPosition, word: string): Promise<void>;
  closeReferences(): void;
  setSideTab(tab: SideTab): void;
  showFolder(path: string): void;
  showFlow(entry: EntryPointRow | null): void;
}

const HISTORY_MAX = 100;
const same = (a: CodeTarget, b: CodeTarget): boolean => a.repo === b.repo && a.path === b.path && a.line === b.line;

const BRIEF_MS = 4000;

export const navSlice: Slice<NavSlice> = (set, get) => {
  /** A message that goes away by itself unless another replaced it. */
  const brief = (text: string): void => {
    get().notify(text);
    const shown = get().message;
    setTimeout(() => { if (get().message === shown) get().dismissMessage(); }, BRIEF_MS);
  };
  /** Where the reader is now: the open file at the cursor's line. */
  const here = (): CodeTarget | null => {
    const { file, target, cursorLine } = get();
    if (!file || !target) return null;
    return { repo: file.repo, path: file.path, line: cursorLine ?? target.line };
  };
  const step = async (from: 'back' | 'forward'): Promise<void> => {
    const stack = get()[from];
    const to = stack[stack.length - 1];
    if (!to) return;
    const now = here();
    const other = from === 'back' ? 'forward' : 'back';
    set({ [from]: stack.slice(0, -1), [other]: now ? [...get()[other], now] : get()[other] } as Pick<NavSlice, 'back' | 'forward'>);
    await get().openAt({ ...to, focus: true }, false);
  };
  return {
    back: [],
    forward: [],
    cursorLine: null,
    picker: null,
    references: null,
    sideTab: 'outline',
    revealFolder: null,
    flowEntry: null,
    rememberJump(to) {
      const now = here();
      if (!now || same(now, to)) return;
      const back = get().back;
      if (back.length > 0 && same(back[back.length - 1] as CodeTarget, now)) return set({ forward: [] });
      set({ back: [...back, now].slice(-HISTORY_MAX), forward: [] });
    },
    goBack: () => step('back'),
    goForward: () => step('forward'),
    setCursorLine: (cursorLine) => set({ cursorLine }),
    async goToDefinition(at, word) {
      try {
        const hits = await call('nav:def', at);
        if (hits.length === 0) return brief(`No definition found for ${word || 'this position'}`);
        // One function's body and its declarations (C++ `Cls::m` declared in the class, defined out of line) are one
        // answer: the body, which comes first; F12 there goes on to the declaration.
        const one = hits.every((h) => h.fqn === hits[0]?.fqn && h.confidence === 'exact');
        if (hits.length === 1 || one) return await get().openDefinition(hits[0] as DefinitionHit);
        set({ picker: hits });
      } catch (e) {
        get().notify(`Go to definition: ${errorMessage(e)}`, 'error');
      }
    },
    async openDefinition(hit) {
      set({ picker: null });
      await get().openAt({ repo: hit.repo, path: hit.file, line: hit.line, column: hit.column, focus: true });
    },
    closePicker: () => set({ picker: null }),
    async findReferences(at, word) {
      set({ references: { label: word, answer: null, error: null } });
      try {
        const answer = await call('nav:refs', { repo: at.repo, position: at, limit: 500 });
        const label = answer.targets[0]?.name ?? word;
        if (get().references?.label === word) set({ references: { label, answer, error: null } });
      } catch (e) {
        if (get().references?.label === word) set({ references: { label: word, answer: null, error: errorMessage(e) } });
      }
    },
    closeReferences: () => set({ references: null }),
    setSideTab: (sideTab) => set({ sideTab }),
    showFolder: (path) => set({ sideTab: 'files', revealFolder: path, outlineOpen: true }),
    showFlow: (flowEntry) => set({ flowEntry }),
  };
};
