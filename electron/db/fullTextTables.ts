// The full-text tables searches read: the trigram index of the file text, the fielded word index, symbol-name words.
export const FULL_TEXT_TABLES = ['chunks_fts', 'words_fts', 'symbols_fts'] as const;
