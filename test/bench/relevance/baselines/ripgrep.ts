// Baseline (a): ripgrep with the query's words OR'd, case-insensitive, files ranked by how many
// distinct words they contain (ties: total matches, then path). `ripgrep` takes every word of the query,
// as issue 11 defines it; `ripgrep-stop` first drops stop words, which a person typing the question would not.
import { spawnSync } from 'node:child_process';
import { queryWords } from './words.js';

export interface BaselineResult {
  files: string[];
  ms: number;
}

export function ripgrepAvailable(): boolean {
  return spawnSync('rg', ['--version']).status === 0;
}

export function ripgrepSearch(root: string, query: string, dropStopWords = false): BaselineResult {
  const words = queryWords(query, dropStopWords);
  if (words.length === 0) return { files: [], ms: 0 };
  const started = performance.now();
  // One run: every match of any word, printed as "path:match" (-o), fixed strings, ignoring case.
  const r = spawnSync('rg', ['-i', '-F', '-o', '--no-line-number', '--with-filename', '--no-messages', '--no-heading', '--color', 'never', ...words.flatMap((w) => ['-e', w]), '.'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed (${r.status}): ${r.stderr}`);
  const perFile = new Map<string, { words: Set<string>; total: number }>();
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const cut = line.lastIndexOf(':');
    const path = line.slice(0, cut).replace(/^\.\//, '');
    const word = line.slice(cut + 1).toLowerCase();
    const entry = perFile.get(path) ?? { words: new Set<string>(), total: 0 };
    entry.words.add(word);
    entry.total++;
    perFile.set(path, entry);
  }
  const files = [...perFile.entries()]
    .sort(([pa, a], [pb, b]) => b.words.size - a.words.size || b.total - a.total || pa.localeCompare(pb))
    .map(([path]) => path);
  return { files, ms };
}
