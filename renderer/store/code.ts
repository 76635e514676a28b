// The code view: which file is open at which line, its text and outline, and the symbol picked in
// the outline with its external calls.
import type { DependencyRow, FileContent, SymbolRow } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import { openError } from './openError.js';
import type { Slice } from './index.js';

export interface CodeTarget {
  repo: string;
  path: string;
  line: number;
  /** 1-based UTF-16 column of the identifier to highlight at the line, when known. */
  column?: number;
  /**
   * A jump the reader made from the code (F12, Ctrl+click, the picker, back and forward): the keyboard goes on in the
   * editor there, so Shift+F12 or F12 works without a click (another file's editor is a new one, and focus went with the old).
   */
  focus?: boolean;
}

export interface CodeSlice {
  target: CodeTarget | null;
  file: FileContent | null;
  outline: SymbolRow[];
  codeError: string | null;
  selectedSymbol: SymbolRow | null;
  symbolDeps: DependencyRow[] | null;
  /** When the open file was last read again because its repo's index changed and its text or outline differed. */
  fileUpdatedAt: number | null;
  /** Opens a place; `record` false for moves through the history itself (back/forward). */
  openAt(target: CodeTarget, record?: boolean): Promise<void>;
  /** Reads the open file and its outline again (after an index pass), keeping the line and the picked symbol. */
  reloadFile(): Promise<void>;
  closeFile(): void;
  selectSymbol(symbol: SymbolRow | null): Promise<void>;
}

let latest = 0;

/** The innermost symbol that contains the line. */
export const symbolAt = (outline: SymbolRow[], line: number): SymbolRow | null =>
  outline.filter((s) => s.line <= line && s.endLine >= line).sort((a, b) => (a.endLine - a.line) - (b.endLine - b.line))[0] ?? null;

export const codeSlice: Slice<CodeSlice> = (set, get) => ({
  target: null,
  file: null,
  outline: [],
  codeError: null,
  selectedSymbol: null,
  symbolDeps: null,
  fileUpdatedAt: null,
  async openAt(target, record = true) {
    if (record) get().rememberJump(target);
    const request = ++latest;
    const same = get().file?.repo === target.repo && get().file?.path === target.path;
    set({ target, codeError: null });
    if (same) {
      await get().selectSymbol(symbolAt(get().outline, target.line));
      return;
    }
    try {
      const [file, outline] = await Promise.all([call('file:read', { repo: target.repo, path: target.path }), call('file:outline', { repo: target.repo, path: target.path })]);
      if (request !== latest) return;
      set({ file, outline, fileUpdatedAt: null });
      await get().selectSymbol(symbolAt(outline, target.line));
    } catch (e) {
      if (request !== latest) return;
      set({ file: null, outline: [], codeError: openError(e, target.repo, get().repos), selectedSymbol: null, symbolDeps: null });
    }
  },
  async reloadFile() {
    const open = get().file;
    if (!open) return;
    // Not a new request: a file opened meanwhile wins, and this re-read must not cancel an open in flight.
    const request = latest;
    const superseded = (): boolean => request !== latest || get().file !== open;
    try {
      const where = { repo: open.repo, path: open.path };
      const [file, outline] = await Promise.all([call('file:read', where), call('file:outline', where)]);
      if (superseded()) return;
      const changed = file.text !== open.text || JSON.stringify(outline) !== JSON.stringify(get().outline);
      if (!changed) return;
      const picked = get().selectedSymbol;
      set({ file, outline, fileUpdatedAt: Date.now(), codeError: null });
      // The picked symbol by name: its lines, doc and calls may have changed with the file.
      await get().selectSymbol(picked ? outline.find((s) => s.fqn === picked.fqn) ?? null : null);
    } catch (e) {
      if (superseded()) return;
      set({ file: null, outline: [], codeError: errorMessage(e), selectedSymbol: null, symbolDeps: null });
    }
  },
  closeFile: () => set({ target: null, file: null, outline: [], selectedSymbol: null, symbolDeps: null, codeError: null, fileUpdatedAt: null }),
  async selectSymbol(symbol) {
    set({ selectedSymbol: symbol, symbolDeps: null });
    const repo = get().file?.repo;
    if (!symbol || !repo) return;
    try {
      const deps = await call('deps:symbol', { repo, fqn: symbol.fqn });
      if (get().selectedSymbol === symbol) set({ symbolDeps: deps });
    } catch {
      if (get().selectedSymbol === symbol) set({ symbolDeps: [] });
    }
  },
});
