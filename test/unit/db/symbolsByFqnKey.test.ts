// Reads that name a symbol by FQN seek its 8-byte key and then compare the FQN (migration 017): each finds its symbol
// on a real SQLite file, and a symbol whose key equals another FQN's (a shared key) is not taken for it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteDb } from '../../../electron/db/connection.js';
import { fqnKey } from '../../../electron/db/fqnKey.js';
import { listDeps } from '../../../electron/db/read/lists.js';
import { NavRows } from '../../../electron/db/read/nav/navRows.js';
import { listNotes } from '../../../electron/db/read/notes.js';
import { openMigrated } from '../../helpers/db.js';
import { tempDir } from '../../helpers/fixtures.js';

describe('symbols by FQN key', () => {
  const data = tempDir('clew-fqn-key-');
  let db: WriteDb;

  beforeAll(() => {
    db = openMigrated(join(data.path, 'clew.db'));
    db.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0);
      INSERT INTO files(id, repo_id, path, size, mtime_ms, content_hash, line_count) VALUES (1, 1, 'a/api.go', 1, 1, 'h', 9), (2, 1, 'b/other.go', 1, 1, 'h', 9);
      INSERT INTO symbols(id, repo_id, file_id, fqn, kind, name, start_line, end_line, signature, body_hash, fqn_key) VALUES
        (1, 1, 1, 'a:api.Get', 'function', 'Get', 1, 3, 'func Get()', 'b1', fqn_key('a:api.Get')),
        -- Stored under Get's key on purpose: two FQNs that share a key.
        (2, 1, 2, 'b:other.Put', 'function', 'Put', 1, 3, 'func Put()', 'b2', fqn_key('a:api.Get'));
      INSERT INTO external_calls(repo_id, file_id, symbol_id, kind, client, target, line) VALUES (1, 1, 1, 'http', 'net/http', '/users', 2), (1, 2, 2, 'sql', 'database/sql', 'users', 2);
      INSERT INTO notes(id, repo_id, fqn, text, created_at, updated_at) VALUES (1, 1, 'a:api.Get', 'hot path', 0, 0);`);
  });
  afterAll(() => {
    db.close();
    data.cleanup();
  });

  it('finds the symbol by its FQN, not the one that shares its key', () => {
    expect(new NavRows(db).symbolsByFqn(1, 'a:api.Get').map((s) => s.id)).toEqual([1]);
    expect(listDeps(db, '/r', 'a:api.Get').calls).toEqual([{ symbol: 'a:api.Get', kind: 'http', target: '/users', client: 'net/http', file: 'a/api.go', line: 2 }]);
    expect(listNotes(db).map((n) => [n.fqn, n.file])).toEqual([['a:api.Get', 'a/api.go']]);
  });

  it('keeps the key every index already holds: the first 8 bytes of the MD5, in the parse workers and in SQL alike', () => {
    expect(fqnKey('a:api.Get')).toBe(-5826114322914670450n);
    expect(db.prepare('SELECT fqn_key(?)').safeIntegers().pluck().get('a:api.Get')).toBe(-5826114322914670450n);
  });

  it('finds nothing for an FQN whose key no symbol is stored under', () => {
    expect(new NavRows(db).symbolsByFqn(1, 'b:other.Put')).toEqual([]);
    expect(() => listDeps(db, '/r', 'b:other.Put')).toThrow(/no symbol b:other.Put/);
  });
});
