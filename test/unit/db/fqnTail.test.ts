// The end of an FQN, as a person or an agent names a symbol: from a separator on, in every language's FQN form, found
// through the symbols' name index of a real SQLite file.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteDb } from '../../../electron/db/connection.js';
import { fqnEndingWith, fqnEndsWith } from '../../../electron/db/read/fqnTail.js';
import { openMigrated } from '../../helpers/db.js';
import { tempDir } from '../../helpers/fixtures.js';

describe('fqnEndsWith', () => {
  it.each([
    ['usr.lib.python3.dist-packages.django.core.handlers.base.BaseHandler.load_middleware', 'BaseHandler.load_middleware'],
    ['github-gogo-protobuf/github.com/gogo/protobuf/plugin/size:size.test.Generate', 'test.Generate'],
    ['protoc-gen-gogo:main.main', 'main.main'],
    ['src/app/users:UserService.find', 'users:UserService.find'],
    ['crate::sync::Mutex::lock', 'Mutex::lock'],
    ['App\\Http\\Controller#index', 'index'],
  ])('%s ends with %s', (fqn, tail) => expect(fqnEndsWith(fqn, tail)).toBe(true));

  it.each([
    ['a.b.MyHandler.run', 'Handler.run'],
    ['a.b.Handler.run', 'a.b.Handler.run'],
    ['a.b.Handler.run', 'Handler.runner'],
    ['a.b.Handler.run', 'un'],
  ])('%s does not end with %s', (fqn, tail) => expect(fqnEndsWith(fqn, tail)).toBe(false));
});

describe('fqnEndingWith on a real index', () => {
  const data = tempDir('clew-fqn-tail-');
  let db: WriteDb;
  beforeAll(() => {
    db = openMigrated(join(data.path, 'clew.db'));
    db.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0), (2, 'k2', '/s', 's', 0);
      INSERT INTO files(id, repo_id, path, size, mtime_ms, content_hash, line_count) VALUES
        (1, 1, 'web/UserController.java', 1, 1, 'h', 40), (2, 1, 'py/handlers/base.py', 1, 1, 'h', 40), (3, 2, 'other/base.py', 1, 1, 'h', 9);
      INSERT INTO symbols(repo_id, file_id, fqn, kind, name, start_line, end_line, signature, body_hash, fqn_key) VALUES
        (1, 1, 'com.acme.web.UserController.get(long)', 'method', 'get', 10, 12, 'get(long id)', 'b', fqn_key('com.acme.web.UserController.get(long)')),
        (1, 1, 'com.acme.web.UserController.get(java.lang.String)', 'method', 'get', 14, 16, 'get(String n)', 'b', fqn_key('com.acme.web.UserController.get(java.lang.String)')),
        (1, 1, 'com.acme.web.UserController.save(com.acme.User)', 'method', 'save', 18, 20, 'save(User u)', 'b', fqn_key('com.acme.web.UserController.save(com.acme.User)')),
        (1, 2, 'py.handlers.base.BaseHandler.load_middleware', 'method', 'load_middleware', 5, 9, 'def load_middleware(self)', 'b', fqn_key('py.handlers.base.BaseHandler.load_middleware')),
        (2, 3, 'other.base.BaseHandler.load_middleware', 'method', 'load_middleware', 1, 3, 'def load_middleware(self)', 'b', fqn_key('other.base.BaseHandler.load_middleware'));`);
  });
  afterAll(() => {
    db.close();
    data.cleanup();
  });

  it('finds the one FQN a tail ends, in a repo or across repos', () => {
    expect(fqnEndingWith(db, 'BaseHandler.load_middleware', 1)).toBe('py.handlers.base.BaseHandler.load_middleware');
    expect(fqnEndingWith(db, 'UserController.get(long)', 1)).toBe('com.acme.web.UserController.get(long)');
    expect(fqnEndingWith(db, 'get(java.lang.String)', 1)).toBe('com.acme.web.UserController.get(java.lang.String)');
    // Without its parameters, the one method of that name.
    expect(fqnEndingWith(db, 'UserController.save', 1)).toBe('com.acme.web.UserController.save(com.acme.User)');
    expect(fqnEndingWith(db, 'com.acme.web.UserController.save', 1)).toBe('com.acme.web.UserController.save(com.acme.User)');
    expect(fqnEndingWith(db, 'Controller.save', 1)).toBeNull();
    expect(fqnEndingWith(db, 'nothing.here', 1)).toBeNull();
  });

  it('refuses a tail several FQNs end with, naming each with its place', () => {
    expect(() => fqnEndingWith(db, 'UserController.get', 1)).toThrow(
      'UserController.get ends 2 symbols\' FQNs; give more of the one you mean: com.acme.web.UserController.get(long) (web/UserController.java:10), com.acme.web.UserController.get(java.lang.String) (web/UserController.java:14)');
    expect(() => fqnEndingWith(db, 'BaseHandler.load_middleware')).toThrow(/ends 2 symbols' FQNs/);
  });
});
