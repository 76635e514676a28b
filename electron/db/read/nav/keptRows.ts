// Rows read for navigation, kept across requests while the index is unchanged: a session's references answers read
// the same symbols, import bindings and definitions again (pandas' `np`, a test module's scopes). The owner clears
// them when another connection has committed; past a bound (rows held) they are dropped wholesale, not one by one.

export class KeptRows<K, V> {
  private readonly rows = new Map<K, V>();
  private held = 0;

  /** `weight`: how many rows a value holds (a list of symbols counts each). */
  constructor(private readonly bound: number, private readonly weight: (value: V) => number = () => 1) {}

  /** The kept value for `key`, else `read()`'s, kept. */
  get(key: K, read: () => V): V {
    const kept = this.rows.get(key);
    if (kept !== undefined) return kept;
    const value = read();
    const weight = this.weight(value) + 1;
    if (this.held + weight > this.bound) this.clear();
    this.rows.set(key, value);
    this.held += weight;
    return value;
  }

  clear(): void {
    this.rows.clear();
    this.held = 0;
  }
}
