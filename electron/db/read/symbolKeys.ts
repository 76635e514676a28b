// How SQL names a symbol by FQN: a seek on its 8-byte key (symbols_repo_fqn_key, migration 017), then the FQN itself,
// since two FQNs may share a key. `fqnSql` is any SQL expression of the FQN: a parameter or another table's column.
export const symbolFqnIs = (alias: string, fqnSql: string): string => `${alias}.fqn_key = fqn_key(${fqnSql}) AND ${alias}.fqn = ${fqnSql}`;

/** The symbols (alias `symbol`) a note (alias `note`) names: same repo, same FQN. */
export const symbolOfNote = (symbol: string, note: string): string => `${symbol}.repo_id = ${note}.repo_id AND ${symbolFqnIs(symbol, `${note}.fqn`)}`;
