// A changed file keeps the rows that did not change, through the real Backend on real SQLite files: an unchanged symbol
// is not written at all, one that only moved gets its lines, an unchanged name's occurrence row stays. Whatever was kept,
// the index after the edits holds exactly what a fresh index of the edited tree holds: symbols, units, occurrences
// (places, enclosing symbols, qualifiers) and the word index, column by column.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { codeWordText } from '../../electron/base/query/index.js';
import { databaseFile } from '../../electron/core/dataDir.js';
import { unpackPlaces } from '../../electron/db/occurrencePlaces.js';
import { call, openWriter } from '../helpers/backend.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { indexSnapshot } from '../helpers/indexSnapshot.js';
import { readIndex } from '../helpers/indexReads.js';

const SHOP = `package shop

// Cart holds the items a customer picked.
type Cart struct {
\tItems []Item
}

// Item is one product line.
type Item struct {
\tName  string
\tCents int
}

// Total adds up the cart.
func (c *Cart) Total() int {
\tsum := 0
\tfor _, it := range c.Items {
\t\tsum += it.Cents
\t}
\treturn sum
}

// Add puts an item in the cart.
func (c *Cart) Add(it Item) {
\tc.Items = append(c.Items, it)
}

// Discount takes a share off.
func Discount(total int, percent int) int {
\treturn total - total*percent/100
}
`;

// Two lines more above everything; Discount's signature and doc change, Item's doc only, Total's body only; Add is
// gone, Clear is new.
const SHOP_EDITED = SHOP.replace('package shop\n', 'package shop\n\n// Prices are in cents.\n')
  .replace('// Item is one product line.', '// Item is one line of an order.')
  .replace('\treturn sum\n', '\treturn sum + 0\n')
  .replace(/\/\/ Add puts[^]*?\n}\n\n/, '')
  .replace('// Discount takes a share off.\nfunc Discount(total int, percent int) int {\n\treturn total - total*percent/100',
    '// Discount takes a rebate off the price.\nfunc Discount(total int, rebate float64) int {\n\treturn total - int(float64(total)*rebate)')
  + '\n// Clear empties the cart.\nfunc (c *Cart) Clear() {\n\tc.Items = nil\n}\n';

const REPORT = `import { Cart } from './cart';

/** Sums what was sold. */
export function totalSold(carts: Cart[]): number {
  return carts.reduce((sum, cart) => sum + cart.total(), 0);
}

export class Report {
  constructor(private readonly carts: Cart[]) {}

  /** The report's one line. */
  line(): string {
    return 'sold ' + totalSold(this.carts);
  }
}
`;

// Only added at the end: nothing above moves.
const REPORT_EDITED = `${REPORT}
/** How many carts there were. */
export function cartCount(carts: Cart[]): number {
  return carts.length;
}
`;

/** A Go file of 40 documented functions, several chunks long. */
const STEPS = ['package shop', '', ...Array.from({ length: 40 }, (_, f) => [`// step${f} runs step ${f}.`, `func step${f}(in []int) []int {`,
  ...Array.from({ length: 4 + (f * 5) % 7 }, (_, l) => `\tin = append(in, ${f * 100 + l})`), '\treturn in', '}', '']).flat()].join('\n');
// Two lines more below the package clause: every function moves.
const STEPS_EDITED = STEPS.replace('package shop\n', 'package shop\n\n// Steps run in order.\n');

const CART = `export class Cart {
  total(): number {
    return 0;
  }
}
`;

/** Every symbol with what the index stores of it, by path and FQN (row ids differ between two indexes). */
function symbolRows(dataDir: string): string[] {
  return readIndex(dataDir, (db) => db.prepare<[], string>(
    `SELECT f.path || ' ' || s.fqn || ' ' || s.kind || ' ' || s.start_line || '-' || s.end_line || ' ' || coalesce(p.fqn, '-') || ' ' || s.signature
       || ' ' || coalesce(s.doc, '-') || ' ' || s.modifiers || ' ' || s.body_hash
     FROM symbols s JOIN files f ON f.id = s.file_id LEFT JOIN symbols p ON p.id = s.parent_id ORDER BY 1`).pluck().all());
}

/** Every occurrence place, with its enclosing symbol as an FQN and its qualifier as a name. */
function occurrencePlaces(dataDir: string): string[] {
  return readIndex(dataDir, (db) => {
    const fqn = db.prepare<[number], string>('SELECT fqn FROM symbols WHERE id = ?').pluck();
    const name = db.prepare<[number], string>('SELECT name FROM names WHERE id = ?').pluck();
    const rows = db.prepare<[], { path: string; name: string; places: Buffer }>(
      'SELECT f.path, n.name, o.places FROM occurrences o JOIN files f ON f.id = o.file_id JOIN names n ON n.id = o.name_id').all();
    return rows.flatMap((row) => unpackPlaces(row.places).map(([line, col, role, symbol, qualifier]) =>
      `${row.path} ${row.name} ${line}:${col} ${role} ${symbol === null ? '-' : fqn.get(symbol)} ${qualifier === null ? '-' : name.get(qualifier)}`)).sort();
  });
}

const COLUMNS = ['names', 'signature', 'doc', 'path', 'body'];

/** For each word and column, the rows of the word index holding it, named by symbol or chunk (path and first line). */
function wordIndex(dataDir: string, words: readonly string[]): Record<string, string[]> {
  return readIndex(dataDir, (db) => {
    const owner = (rowid: number): string => rowid % 2 === 0
      ? `symbol ${db.prepare<[number], string>("SELECT f.path || ' ' || s.fqn FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.id = ?").pluck().get(rowid / 2) ?? 'gone'}`
      : `chunk ${db.prepare<[number], string>("SELECT f.path || ':' || c.start_line FROM chunks c JOIN files f ON f.id = c.file_id WHERE c.id = ?").pluck().get((rowid - 1) / 2) ?? 'gone'}`;
    const match = db.prepare<[string], number>('SELECT rowid FROM words_fts WHERE words_fts MATCH ?').pluck();
    return Object.fromEntries(words.flatMap((word) => COLUMNS.map((column) => [`${column}:${word}`, match.all(`${column} : "${word}"`).map(owner).sort()])));
  });
}

/** The data as a fresh index of the tree holds it. */
const everything = (dataDir: string, words: readonly string[]) => ({
  chunks: readIndex(dataDir, (db) => db.prepare<[], string>("SELECT f.path || ':' || c.start_line || ' ' || c.text FROM chunks c JOIN files f ON f.id = c.file_id ORDER BY 1").pluck().all()),
  files: Object.fromEntries(Object.entries(indexSnapshot(databaseFile(dataDir))).map(([path, file]) => [path, { ...file, units: file.units.map((u) => u.split(' ')[1]).sort() }])),
  symbols: symbolRows(dataDir),
  occurrences: occurrencePlaces(dataDir),
  words: wordIndex(dataDir, words),
});

// Written into the incremental index between its two runs: what the second run writes, by kind of write.
const WRITE_LOG = `
CREATE TABLE write_log(what TEXT NOT NULL, subject TEXT NOT NULL);
CREATE TRIGGER log_rewrite AFTER UPDATE OF parent_id, kind, name, signature, doc, modifiers, body_hash ON symbols
  BEGIN INSERT INTO write_log VALUES ('rewritten', new.fqn); END;
CREATE TRIGGER log_lines AFTER UPDATE OF start_line, end_line ON symbols BEGIN INSERT INTO write_log VALUES ('lines', new.fqn); END;
CREATE TRIGGER log_symbol_insert AFTER INSERT ON symbols BEGIN INSERT INTO write_log VALUES ('inserted', new.fqn); END;
CREATE TRIGGER log_symbol_delete AFTER DELETE ON symbols BEGIN INSERT INTO write_log VALUES ('deleted', old.fqn); END;
CREATE TRIGGER log_occurrence_insert AFTER INSERT ON occurrences
  BEGIN INSERT INTO write_log SELECT 'occurrence', f.path || ' ' || n.name FROM files f, names n WHERE f.id = new.file_id AND n.id = new.name_id; END;
CREATE TRIGGER log_occurrence_update AFTER UPDATE ON occurrences
  BEGIN INSERT INTO write_log SELECT 'occurrence', f.path || ' ' || n.name FROM files f, names n WHERE f.id = new.file_id AND n.id = new.name_id; END;
CREATE TRIGGER log_occurrence_delete AFTER DELETE ON occurrences
  BEGIN INSERT INTO write_log SELECT 'occurrence gone', f.path || ' ' || n.name FROM files f, names n WHERE f.id = old.file_id AND n.id = old.name_id; END;
`;

describe('a changed file keeps its unchanged rows', () => {
  const repo = tempDir('clew-kept-repo-');
  const data = tempDir('clew-kept-data-');
  const freshRepo = tempDir('clew-kept-fresh-repo-');
  const freshData = tempDir('clew-kept-fresh-data-');
  afterAll(() => [repo, data, freshRepo, freshData].forEach((d) => d.cleanup()));

  const indexOnce = async (dataDir: string, path: string): Promise<void> => {
    const backend = openWriter(dataDir);
    try {
      await call(backend, 'repo:index', { path });
    } finally {
      await backend.close();
    }
  };
  const log = (): Array<{ what: string; subject: string }> => readIndex(data.path, (db) =>
    db.prepare<[], { what: string; subject: string }>('SELECT what, subject FROM write_log ORDER BY what, subject').all());

  it('writes only what changed, and ends as a fresh index of the edited tree', async () => {
    writeTree(repo.path, { 'shop/shop.go': SHOP, 'shop/steps.go': STEPS, 'web/report.ts': REPORT, 'web/cart.ts': CART });
    await indexOnce(data.path, repo.path);
    const db = new Database(databaseFile(data.path));
    db.exec(WRITE_LOG);
    db.close();

    writeFileSync(join(repo.path, 'shop/shop.go'), SHOP_EDITED);
    writeFileSync(join(repo.path, 'web/report.ts'), REPORT_EDITED);
    writeFileSync(join(repo.path, 'shop/steps.go'), STEPS_EDITED);
    await indexOnce(data.path, repo.path);

    const written = log();
    const of = (what: string): string[] => written.filter((w) => w.what === what).map((w) => w.subject);
    // Moved two lines down, nothing else: the lines only (and those of the three rewritten whole). steps.go's functions
    // all moved: lines only.
    expect(of('lines').filter((fqn) => fqn.includes('.step'))).toHaveLength(40);
    expect(of('lines').filter((fqn) => !fqn.includes('.step'))).toEqual(['Cart', 'Cart.Items', 'Cart.Total', 'Discount', 'Item', 'Item.Cents', 'Item.Name'].map((s) => `shop:shop.${s}`));
    // Rewritten: only the symbols whose signature, doc or body changed.
    expect(of('rewritten')).toEqual(['shop:shop.Cart.Total', 'shop:shop.Discount', 'shop:shop.Item']);
    expect(of('inserted')).toEqual(expect.arrayContaining(['shop:shop.Cart.Clear']));
    expect(of('deleted')).toEqual(['shop:shop.Cart.Add']);
    // report.ts only grew at its end: none of its symbols is written, and neither is the row of a name whose places
    // stayed (`carts` gains uses, `line` and `Report` do not).
    const reportSymbols = written.filter((w) => w.subject.includes('totalSold') || w.subject.includes('Report'));
    expect(reportSymbols.filter((w) => w.what !== 'occurrence')).toEqual([]);
    expect(of('occurrence')).toContain('web/report.ts carts');
    expect(of('occurrence')).toContain('web/report.ts cartCount');
    expect(of('occurrence')).not.toContain('web/report.ts Report');
    expect(of('occurrence')).not.toContain('web/report.ts line');
    // A name the edited file no longer uses loses its row.
    expect(of('occurrence gone')).toEqual(expect.arrayContaining(['shop/shop.go percent', 'shop/shop.go append']));

    // The same tree indexed from nothing.
    cpSync(repo.path, freshRepo.path, { recursive: true });
    await indexOnce(freshData.path, freshRepo.path);
    const texts = ['shop/shop.go', 'shop/steps.go', 'web/report.ts', 'web/cart.ts'].map((path) => readFileSync(join(repo.path, path), 'utf8'));
    const words = [...new Set(texts.flatMap((text) => codeWordText(text).split(' ')).concat(['add', 'percent', 'share', 'product']))].filter(Boolean).sort();
    expect(words.length).toBeGreaterThan(40);
    expect(everything(data.path, words)).toEqual(everything(freshData.path, words));
  }, 60_000);

  it('rewrites every symbol of a file read again for a newer analysis (its word rows may be derived the old way)', async () => {
    const db = new Database(databaseFile(data.path));
    db.exec('DELETE FROM write_log; UPDATE repos SET analysis_version = 0');
    const symbols = db.prepare<[], string>('SELECT fqn FROM symbols ORDER BY fqn').pluck().all();
    db.close();
    await indexOnce(data.path, repo.path);
    expect(log().filter((w) => w.what === 'rewritten').map((w) => w.subject)).toEqual(symbols);
  }, 60_000);
});
