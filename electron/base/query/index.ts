// Query understanding: what a query is, the words it means, and how names match it.
export { classifyQuery, extractTerms, type ParsedQuery, type PathParts, type QueryKind, type QueryTerm } from './classify.js';
export { editDistance, matchName, normalizeIdentifier, type NameMatch, type NameMatchKind } from './nameMatch.js';
export { identifierSpellings } from './spellings.js';
export { stem } from './stem.js';
export { isEnglishStopWord, isStopWord, STOP_WORDS } from './stopWords.js';
export { parseQuerySyntax, type QuerySyntax } from './syntax.js';
export { codeWords, codeWordText, pathWordText } from './codeWords.js';
