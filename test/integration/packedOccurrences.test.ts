// Occurrences stored one row per (file, name), places packed: through the real indexer and a real SQLite file,
// every place the analysis found reads back through NavRows as the resolver receives it (name, role, enclosing
// symbol, qualifier), by position (at and inside its name), by name in a file, as a file's calls and as a
// repo-wide scan, and the table holds one row per name a file uses, not one per place.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRead } from '../../electron/db/connection.js';
import { NavRows, type NavOccurrence } from '../../electron/db/read/nav/navRows.js';
import { prepareFile } from '../../electron/engine/prepareFile.js';
import { OCCURRENCE_ROLES } from '../../shared/nav.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { NAV_TREE } from '../helpers/navTree.js';

interface Expected { line: number; col: number; name: string; role: number; symbol: { name: string; startLine: number } | null; qualifier: string | null }

/** A file's places as the analysis gives them, the first at a place kept (as the writer keeps it). */
async function analysed(root: string, relPath: string): Promise<Expected[]> {
  const p = await prepareFile({ absPath: join(root, relPath), relPath, repoKey: 'k', embedderId: 'test', previousHash: null });
  if (p.kind !== 'text' || !p.analysis?.occurrences) return [];
  const { names, rows } = p.analysis.occurrences;
  const symbols = p.analysis.symbols;
  const out: Expected[] = [];
  for (let i = 0; i < rows.length; i += 6) {
    const last = out[out.length - 1];
    if (last && last.line === rows[i] && last.col === rows[i + 1]) continue;
    const s = rows[i + 4]! < 0 ? null : symbols[rows[i + 4]!]!;
    out.push({ line: rows[i]!, col: rows[i + 1]!, name: names[rows[i + 2]!]!, role: rows[i + 3]!, symbol: s && { name: s.name, startLine: s.startLine }, qualifier: rows[i + 5]! < 0 ? null : names[rows[i + 5]!]! });
  }
  return out;
}

describe('packed occurrences through the real index', () => {
  const index = useIndexedTrees('clew-packed-occ', [NAV_TREE]);

  it('reads back every place of every file, by position, by name, as calls and by a repo-wide scan', async () => {
    const rows = new NavRows(openRead(join(index.data.path, 'clew.db')));
    const repoId = rows.db.prepare<[], number>('SELECT id FROM repos').pluck().get()!;
    const got = (o: NavOccurrence | undefined): Expected | undefined => {
      if (!o) return undefined;
      const s = o.symbolId === null ? null : rows.symbolById(o.symbolId)!;
      return { line: o.line, col: o.col, name: o.name, role: o.role, symbol: s && { name: s.name, startLine: s.startLine }, qualifier: o.qualifier };
    };
    let places = 0;
    let namesUsed = 0;
    const perName = new Map<string, number>();
    for (const relPath of Object.keys(NAV_TREE)) {
      const expected = await analysed(index.repo.path, relPath);
      if (expected.length === 0) continue;
      const file = rows.file(repoId, relPath)!;
      places += expected.length;
      for (const e of expected) {
        expect(got(rows.occurrenceBefore(file.id, e.line, e.col)), `${relPath}:${e.line}:${e.col}`).toEqual(e);
        // Inside the name (its last character): the same place, found from the name under the column.
        expect(got(rows.occurrenceBefore(file.id, e.line, e.col + e.name.length - 1))).toEqual(e);
        perName.set(e.name, (perName.get(e.name) ?? 0) + 1);
      }
      const names = [...new Set(expected.map((e) => e.name))];
      namesUsed += names.length;
      for (const name of names) {
        expect(rows.occurrencesNamedInFile(file.id, name).map(got)).toEqual(expected.filter((e) => e.name === name));
        const defs = expected.filter((e) => e.name === name && e.role === 0);
        expect(rows.fileDefinitionsNamed(file.id, name).map(got)).toEqual(defs);
        expect(rows.definitionRows(file.id, rows.nameId(name)!).map(([line, col]) => [line, col])).toEqual(defs.map((d) => [d.line, d.col]));
      }
      const calls = expected.filter((e) => e.role === OCCURRENCE_ROLES.indexOf('call'));
      expect(rows.callsIn(file.id, 1, file.lineCount).map(got)).toEqual(calls);
      const firstImport = expected.find((e) => e.role === OCCURRENCE_ROLES.indexOf('import'));
      if (firstImport) expect(got(rows.importAt(file.id, firstImport.line, firstImport.name))).toEqual(firstImport);
    }
    for (const [name, count] of perName) {
      const scanned = [...rows.occurrenceBatchesNamed(repoId, rows.nameId(name)!, 100_000)];
      expect(scanned.reduce((n, b) => n + b.rows.length, 0), name).toBe(count);
    }
    expect(places).toBeGreaterThan(100);
    // One row per name a file uses: fewer rows than places.
    expect(rows.db.prepare('SELECT count(*) FROM occurrences').pluck().get()).toBe(namesUsed);
    expect(namesUsed).toBeLessThan(places * 0.8);
    rows.db.close();
  });
});
