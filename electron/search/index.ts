// Ranking: the one place that orders search results.
export { rank, DEMOTIONS, type RankOptions } from './rank.js';
export { fileRoles, type FileRole } from '../base/fileRoles.js';
export { weightsFor, weightsForQuery, SIGNAL_NAMES } from './weights.js';
export type { Candidate, CandidateSource, Demotion, RankedFile, RankedHit, Ranking, SignalName, SignalValue, Weights } from './types.js';
