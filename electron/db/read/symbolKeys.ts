// How SQL names a symbol by FQN: a seek on its 8-byte key (symbols_repo_fqn_key, migration 017), then the FQN itself,
// since two FQNs may share a key. `fqnSql` is any SQL expression of the FQN: a parameter or another table's column.
export const symbolFqnIs = (alias: string, fqnSql: string): string => `${alias}.fqn_key = fqn_key(${fqnSql}) AND ${alias}.fqn = ${fqnSql}`;

/** The symbols (alias s) a note (table notes) names: same repo, same FQN. */
export const SYMBOL_OF_NOTE = `s.repo_id = notes.repo_id AND ${symbolFqnIs('s', 'notes.fqn')}`;
