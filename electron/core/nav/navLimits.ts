// Bounds shared by the navigation answers, by syntax (navService.ts) and by name (byName.ts).

/** Definitions answered for one place at most. */
export const DEFINITION_LIMIT = 20;
/** How long a references answer may search before it answers what it found, marked cut. */
export const REFS_BUDGET_MS = 1500;
