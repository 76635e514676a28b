// The occurrence extraction of an older Clew against this one, interleaved in one process over the same
// parsed trees (least CPU of the rounds each): a change to the pass measured without the rest of indexing,
// whose share moves more than the change on a loaded machine. Prints CPU milliseconds and how many files'
// rows (names, rows, imports) differ between the two; exits 1 when any do.
//   git archive <commit> | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   node --import tsx test/bench/nav/extractCompare.ts --before /tmp/before [--corpora zod,gin,flask,express] [--tree DIR --max-files 600] [--rounds 6]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as after from '../../../electron/engine/parsers/occurrences.js';
import { extractSymbols } from '../../../electron/engine/parsers/symbols.js';
import { parse } from '../../../electron/engine/parsers/treeSitter.js';
import { languageOf } from '../../../electron/base/languages.js';
import { benchSources } from './files.js';

type Pass = typeof after;

const argv = process.argv.slice(2);
const value = (flag: string): string | undefined => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);

// CPU time of this process, not wall: a shared machine stretches wall time, not the work done.
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** A corpus by name, or `--tree DIR` (its first `--max-files` sources in path order). */
function sourcesOf(name: string): { root: string; files: string[] } | null {
  return benchSources(name, { dir: value('--tree'), maxFiles: Number(value('--max-files') ?? 600), extensions: ['.ts', '.tsx', '.js', '.py', '.go', '.java'] });
}

async function main(): Promise<void> {
  const beforeDir = value('--before');
  if (!beforeDir) throw new Error('--before DIR (a checkout of the older commit) is required');
  const before = (await import(pathToFileURL(resolve(beforeDir, 'electron/engine/parsers/occurrences.ts')).href)) as Pass;
  const rounds = Number(value('--rounds') ?? 6);
  const names = [...(value('--corpora') ?? (value('--tree') ? '' : 'zod,gin,flask')).split(',').filter(Boolean), ...(value('--tree') ? ['tree'] : [])];
  console.log('| corpus | files | extraction before → after (CPU ms) | change | files whose rows differ |');
  console.log('|---|---:|---:|---:|---:|');
  for (const name of names) {
    const sources = sourcesOf(name);
    if (!sources) continue;
    const trees = [];
    for (const path of sources.files) {
      const language = languageOf(path);
      if (!language) continue;
      const source = readFileSync(join(sources.root, path), 'utf8');
      const tree = await parse(language, source);
      const symbols = extractSymbols(language, tree.rootNode, source, path);
      trees.push({ path, language, source, tree, symbols, queries: [await before.occurrenceQuery(language), await after.occurrenceQuery(language)] as const });
    }
    const best = [Infinity, Infinity];
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first: neither always gets the warmer cache.
      for (const side of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const pass = side === 0 ? before : after;
        const t0 = cpu();
        for (const t of trees) pass.extractOccurrences(t.language, t.queries[side], t.tree.rootNode, t.source, t.symbols);
        best[side] = Math.min(best[side]!, cpu() - t0);
      }
    }
    // The same rows, file by file: names in the same order, every row, every import.
    let differ = 0;
    for (const t of trees) {
      const rows = [before, after].map((pass, side) => JSON.stringify(pass.extractOccurrences(t.language, t.queries[side], t.tree.rootNode, t.source, t.symbols)));
      if (rows[0] !== rows[1]) {
        differ++;
        if (differ <= 5) console.error(`${name}: ${t.path} differs`);
      }
    }
    if (differ > 0) process.exitCode = 1;
    for (const t of trees) t.tree.delete();
    const [a, b] = best as [number, number];
    console.log(`| ${name} | ${trees.length} | ${a.toFixed(0)} → ${b.toFixed(0)} | ${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)}% | ${differ} |`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
