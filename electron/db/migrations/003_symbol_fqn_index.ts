// Notes name symbols by FQN alone (no repo): without this index every note save scans all symbols.
import type { Migration } from './index.js';

export const m003SymbolFqnIndex: Migration = {
  name: 'symbol fqn index',
  sql: /* sql */ `
CREATE INDEX symbols_fqn ON symbols(fqn);
`,
};
