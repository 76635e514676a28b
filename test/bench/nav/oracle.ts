// What an oracle answers, in one shape for the TypeScript language service and the LSP servers
// (pyright, gopls): definitions of a position and references of a definition, as repo-relative
// places with 0-based lines and UTF-16 columns (both LSP's and the TS service's convention).
export interface Place {
  file: string;
  line: number;
  character: number;
}

export interface Oracle {
  readonly name: string;
  /** Definitions of the identifier at `at`, inside the corpus only. */
  definition(at: Place): Promise<Place[]>;
  /** Uses of the definition at `at` (its declaration excluded), inside the corpus only. */
  references(at: Place): Promise<Place[]>;
  close(): Promise<void>;
}

export const placeKey = (p: Place): string => `${p.file}:${p.line}:${p.character}`;
