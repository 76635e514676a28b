// Asking an indexed tree's Backend where a name is defined and used, as navigation tests compare the answers: each hit
// as `file:line:column confidence` (definitions) or `file:line:column role` (references).
import type { DefinitionHit } from '../../shared/nav.js';
import { call } from './backend.js';
import type { IndexedTrees } from './indexedTrees.js';

type Place = [line: number, column: number];

export interface NavAsk {
  /** The definition hits at a place, whole. */
  hits(path: string, at: Place): Promise<DefinitionHit[]>;
  /** The definitions at a place, as `file:line:column confidence`. */
  def(path: string, at: Place): Promise<string[]>;
  /** The references of what is at a place, as `file:line:column role`. */
  refs(path: string, at: Place): Promise<string[]>;
}

/** Navigation asked of the describe block's index, in its first repo. */
export function navAsk(index: IndexedTrees): NavAsk {
  const repo = index.repo.path;
  const hits = (path: string, [line, column]: Place): Promise<DefinitionHit[]> => call(index.backend, 'nav:def', { repo, path, line, column });
  return {
    hits,
    def: async (path, at) => (await hits(path, at)).map((h) => `${h.file}:${h.line}:${h.column} ${h.confidence}`),
    refs: async (path, [line, column]) =>
      (await call(index.backend, 'nav:refs', { repo, position: { repo, path, line, column } })).refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.role}`),
  };
}
