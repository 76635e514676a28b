// What the occurrence pass costs at index time, over the bench:nav corpora: per file, the parse and the
// symbol/entry-point/call extraction the index does anyway, then the occurrence extraction, then writing
// the occurrence and import rows into a real SQLite file (the migrated schema, in one transaction per file
// as the indexer does). Prints CPU milliseconds and the pass's cost relative to the rest. Asserts nothing.
//   node --import tsx test/bench/nav/cost.ts [--corpora zod,flask,gin] [--rounds 2]
//   node --import tsx test/bench/nav/cost.ts --full [--corpora zod,gin] [--tree DIR --max-files 2500] [--rounds 2]
// --full: issue 13's wording, a full index (CPU on one thread) and clew.db with the pass vs without it (indexCost.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectEntryPoints, detectExternalCalls } from '../../../electron/engine/entrypoints/index.js';
import { extractOccurrences, occurrenceQuery } from '../../../electron/engine/parsers/occurrences.js';
import { extractSymbols } from '../../../electron/engine/parsers/symbols.js';
import { parse } from '../../../electron/engine/parsers/treeSitter.js';
import { languageOf } from '../../../electron/base/languages.js';
import { benchSources } from './files.js';
import { fullIndexCost, type IndexCost } from './indexCost.js';
import { migrateDatabase, openWrite } from '../../../electron/db/connection.js';
import { OccurrenceRows } from '../../../electron/db/write/occurrenceRows.js';
import type { FileOccurrences } from '../../../electron/base/fileAnalysis.js';

const argv = process.argv.slice(2);
const value = (flag: string): string | undefined => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const corpora = (value('--corpora') ?? 'zod,flask,gin').split(',');
const rounds = Number(value('--rounds') ?? 2);


/** A transaction per file (the indexer commits a few files at a time). */
function writer(): { write: (fileId: number, occ: FileOccurrences) => void; close: () => void; bytes: () => number } {
  const dir = mkdtempSync(join(tmpdir(), 'clew-occ-cost-'));
  const file = join(dir, 'clew.db');
  migrateDatabase(file);
  const db = openWrite(file);
  // Only the occurrence tables are written: no file rows to point at.
  db.pragma('foreign_keys = OFF');
  const rows = new OccurrenceRows(db);
  const nameId = db.prepare<[string], number>('SELECT id FROM names WHERE name = ?').pluck();
  const insertName = db.prepare<[string], number>('INSERT INTO names(name) VALUES (?) RETURNING id').pluck();
  const names = new Map<string, number>();
  const id = (name: string): number => {
    let found = names.get(name);
    if (found === undefined) names.set(name, (found = nameId.get(name) ?? (insertName.get(name) as number)));
    return found;
  };
  // Symbol ids as the index would give them: one per symbol index.
  const symbolIds = Array.from({ length: 100_000 }, (_, i) => i + 1);
  return {
    write: (fileId, occ) => db.transaction(() => rows.replace(fileId, occ, symbolIds, id))(),
    bytes: () => (db.prepare("SELECT sum(pgsize) AS n FROM dbstat WHERE name IN ('occurrences', 'occurrences_name_file', 'names', 'imports', 'imports_file')").get() as { n: number }).n,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CPU milliseconds of this process (user + system): steadier than wall time on a shared machine. */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** A corpus by name, or `--tree DIR` (its first `--max-files` sources in path order); null when it cannot be had. */
function sourcesOf(name: string): { root: string; files: string[] } | null {
  return benchSources(name, { dir: value('--tree'), maxFiles: Number(value('--max-files') ?? 2500) });
}

/** With vs without the pass, built side by side; the round with the least CPU (the least disturbed). */
async function full(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'clew-index-cost-'));
  const names = value('--tree') ? [...(argv.includes('--corpora') ? corpora : []), 'tree'] : corpora;
  console.log('| corpus | files | index CPU without → with (ms) | index time | of which extraction + writing (ms) | clew.db without → with (KiB) | clew.db |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  try {
    for (const name of names) {
      const sources = sourcesOf(name);
      if (!sources) continue;
      let best: IndexCost | null = null;
      for (let round = 0; round < rounds; round++) {
        const cost = await fullIndexCost(sources.root, sources.files, work);
        if (!best || cost.with.cpuMs + cost.without.cpuMs < best.with.cpuMs + best.without.cpuMs) best = cost;
      }
      if (!best) continue;
      const pct = (a: number, b: number): string => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)}%`;
      const kib = (n: number): string => (n / 1024).toFixed(0);
      console.log(`| ${name} | ${sources.files.length} | ${best.without.cpuMs.toFixed(0)} → ${best.with.cpuMs.toFixed(0)} | ${pct(best.without.cpuMs, best.with.cpuMs)} | ${best.extractMs.toFixed(0)} + ${best.writeMs.toFixed(0)} | ${kib(best.without.dbBytes)} → ${kib(best.with.dbBytes)} | ${pct(best.without.dbBytes, best.with.dbBytes)} |`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (argv.includes('--full')) return full();
  console.log('| corpus | files | occurrences | parse + symbols ms | occurrence extraction ms | occurrence write ms | occurrence share | rows size |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const name of corpora) {
    const found = sourcesOf(name);
    if (!found) continue;
    const sources = found.files.map((f) => ({ path: f, source: readFileSync(join(found.root, f), 'utf8'), language: languageOf(f) }));
    let base = Infinity;
    let extract = Infinity;
    let write = Infinity;
    let rows = 0;
    let bytes = 0;
    for (let round = 0; round < rounds; round++) {
      const w = writer();
      let b = 0;
      let e = 0;
      let t = 0;
      rows = 0;
      for (const [i, f] of sources.entries()) {
        if (!f.language) continue;
        const t0 = cpu();
        const tree = await parse(f.language, f.source);
        const root = tree.rootNode;
        const symbols = extractSymbols(f.language, root, f.source, f.path);
        const warnings: string[] = [];
        detectEntryPoints(f.language, root, f.source, f.path, symbols, warnings);
        detectExternalCalls(f.language, root, f.source, symbols, warnings);
        const t1 = cpu();
        const occ = extractOccurrences(f.language, await occurrenceQuery(f.language), root, f.source, symbols);
        const t2 = cpu();
        tree.delete();
        if (occ) {
          w.write(i + 1, occ);
          rows += occ.rows.length / 6;
        }
        const t3 = cpu();
        b += t1 - t0;
        e += t2 - t1;
        t += t3 - t2;
      }
      bytes = w.bytes();
      w.close();
      // The best round: the least disturbed by other work on the machine.
      if (e + t < extract + write) {
        base = b;
        extract = e;
        write = t;
      }
    }
    console.log(`| ${name} | ${found.files.length} | ${rows} | ${base.toFixed(0)} | ${extract.toFixed(0)} | ${write.toFixed(0)} | ${(((extract + write) / base) * 100).toFixed(0)}% of parse + symbols | ${(bytes / 1024).toFixed(0)} KiB |`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
