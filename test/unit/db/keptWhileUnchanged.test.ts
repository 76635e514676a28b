// Symbol names and file paths kept per read connection while the index is unchanged (symbol search's fuzzy pass, quick
// open), read again once another connection commits.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRead, type ReadDb, type WriteDb } from '../../../electron/db/connection.js';
import { quickOpen } from '../../../electron/db/read/quickOpen.js';
import { symbolNames } from '../../../electron/db/read/symbolNames.js';
import { symbolSearch } from '../../../electron/db/read/symbolSearch.js';
import { openMigrated } from '../../helpers/db.js';
import { tempDir } from '../../helpers/fixtures.js';

describe('symbolNames', () => {
  const data = tempDir('clew-symbol-names-');
  let writer: WriteDb;
  let reader: ReadDb;
  const addSymbol = (id: number, name: string): void => {
    writer.prepare(`INSERT INTO symbols(id, repo_id, file_id, fqn, kind, name, start_line, end_line, signature, body_hash, fqn_key)
      VALUES (?, 1, 1, ?, 'function', ?, 1, 2, ?, 'b', fqn_key(?))`).run(id, `app:${name}`, name, `function ${name}()`, `app:${name}`);
  };
  beforeAll(() => {
    writer = openMigrated(join(data.path, 'clew.db'));
    writer.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0);
      INSERT INTO files(id, repo_id, path, size, mtime_ms, content_hash, line_count) VALUES (1, 1, 'app.ts', 1, 1, 'h', 9);`);
    addSymbol(1, 'parseConfigFile');
    reader = openRead(join(data.path, 'clew.db'));
  });
  afterAll(() => {
    reader.close();
    writer.close();
    data.cleanup();
  });

  const names = (): string[] => [...symbolNames(reader)].map((n) => n.name).sort();

  it('keeps the names with their lower-case forms between reads', () => {
    expect([...symbolNames(reader)]).toEqual([{ name: 'parseConfigFile', lower: 'parseconfigfile' }]);
    // The same array while nothing changed.
    expect(symbolNames(reader)).toBe(symbolNames(reader));
  });

  it('reads them again after another connection commits, so the fuzzy pass finds a new name', () => {
    const before = symbolNames(reader);
    addSymbol(2, 'renderWidgetTree');
    expect(symbolNames(reader)).not.toBe(before);
    expect(names()).toEqual(['parseConfigFile', 'renderWidgetTree']);
    // `rwtree` reaches renderWidgetTree only through the fuzzy pass over the names.
    expect(symbolSearch(reader, { query: 'rwtree', mode: 'symbol' }, 5).map((h) => h.symbol)).toEqual(['app:renderWidgetTree']);
  });

  it('quick open finds a file another connection has just added', () => {
    expect(quickOpen(reader, 'widgets', undefined).filter((i) => i.kind === 'file')).toEqual([]);
    writer.prepare("INSERT INTO files(id, repo_id, path, size, mtime_ms, content_hash, line_count) VALUES (2, 1, 'ui/widgets/tree.ts', 1, 1, 'h', 9)").run();
    expect(quickOpen(reader, 'widgets tree', undefined).filter((i) => i.kind === 'file').map((i) => i.path)).toEqual(['ui/widgets/tree.ts']);
    expect(quickOpen(reader, 'widgets tree', '/r').filter((i) => i.kind === 'file').map((i) => i.path)).toEqual(['ui/widgets/tree.ts']);
  });
});
