// Baseline (b): plain Okapi BM25 (k1 = 1.2, b = 0.75) over whole files, the same files Clew indexed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaselineResult } from './ripgrep.js';
import { queryTerms, tokenize } from './words.js';

const K1 = 1.2;
const B = 0.75;

export class Bm25Index {
  private readonly termFreqs: Array<Map<string, number>> = [];
  private readonly lengths: number[] = [];
  private readonly docFreq = new Map<string, number>();
  private avgLength = 0;

  constructor(readonly paths: readonly string[], read: (path: string) => string) {
    for (const path of paths) {
      const tf = new Map<string, number>();
      const tokens = tokenize(read(path));
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1);
      this.termFreqs.push(tf);
      this.lengths.push(tokens.length);
    }
    this.avgLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  static fromDisk(root: string, paths: readonly string[]): Bm25Index {
    return new Bm25Index(paths, (p) => readFileSync(join(root, p), 'utf8'));
  }

  /** Files with a positive score, best first (ties: path). */
  search(query: string): BaselineResult {
    const started = performance.now();
    const n = this.paths.length;
    const terms = queryTerms(query);
    const scores = new Map<number, number>();
    for (const term of terms) {
      const df = this.docFreq.get(term);
      if (!df) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      this.termFreqs.forEach((tf, doc) => {
        const f = tf.get(term);
        if (!f) return;
        const norm = f + K1 * (1 - B + (B * this.lengths[doc]!) / this.avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + idf * ((f * (K1 + 1)) / norm));
      });
    }
    const files = [...scores.entries()]
      .sort(([da, a], [db, b]) => b - a || this.paths[da]!.localeCompare(this.paths[db]!))
      .map(([doc]) => this.paths[doc]!);
    return { files, ms: performance.now() - started };
  }
}
