import { describe, expect, it } from 'vitest';
import { baseName, fileRoles, isImplementationFile } from '../../../electron/base/fileRoles.js';

describe('fileRoles', () => {
  it('tests, by folder or by the naming conventions of each language', () => {
    for (const p of [
      'tests/test_router.py', 'fastapi/tests/conftest.py', 'gin/context_test.go', 'src/test/java/com/x/JsonObjectTest.java',
      'src/main/java/com/x/JsonObjectTests.java', 'lib/router.test.ts', 'lib/router.spec.js', 'spec/models/user_spec.rb',
      'src/__tests__/App.tsx', 'core/src/FooIT.java', 'test_utils.py', 'src/TestParser.java', 'crate/src/parser_test.rs',
    ]) expect(fileRoles(p), p).toContain('test');
    for (const p of ['fastapi/testclient.py', 'src/contest.ts', 'lib/attestation.go', 'src/Tester.java', 'latest/index.js', 'protest.py']) {
      expect(fileRoles(p), p).not.toContain('test');
    }
  });

  it('examples, fixtures, vendored, generated, minified, lock files, declarations', () => {
    expect(fileRoles('examples/basic/main.go')).toEqual(['example']);
    expect(fileRoles('docs_src/bigger_applications/app/main.py')).toEqual(['docs']);
    expect(fileRoles('test/fixtures/app.js')).toEqual(['test', 'fixture']);
    expect(fileRoles('pkg/testdata/input.go')).toEqual(['fixture']);
    expect(fileRoles('vendor/github.com/x/y.go')).toEqual(['vendored']);
    expect(fileRoles('web/node_modules/react/index.js')).toEqual(['vendored']);
    expect(fileRoles('third_party/zlib/inflate.c')).toEqual(['vendored']);
    expect(fileRoles('api/v1/service.pb.go')).toEqual(['generated']);
    expect(fileRoles('proto/service_pb2.py')).toEqual(['generated']);
    expect(fileRoles('src/schema.generated.ts')).toEqual(['generated']);
    expect(fileRoles('dist/app.js')).toEqual(['generated']);
    expect(fileRoles('static/jquery.min.js')).toEqual(['minified']);
    expect(fileRoles('package-lock.json')).toEqual(['lock']);
    expect(fileRoles('rust/Cargo.lock')).toEqual(['lock']);
    expect(fileRoles('go.sum')).toEqual(['lock']);
    expect(fileRoles('types/index.d.ts')).toEqual(['declaration']);
    expect(fileRoles('src/index.ts')).toEqual([]);
  });

  it('docs and headers', () => {
    expect(fileRoles('README.md')).toEqual(['docs']);
    expect(fileRoles('LICENSE')).toEqual(['docs']);
    expect(fileRoles('docs/guide/routing.rst')).toEqual(['docs']);
    expect(fileRoles('CHANGES.txt')).toEqual(['docs']);
    expect(fileRoles('CMakeLists.txt')).toEqual([]);
    expect(fileRoles('include/json.h')).toEqual(['header']);
    expect(fileRoles('src/json.hpp')).toEqual(['header']);
  });

  it('schema migrations and translation tables', () => {
    expect(fileRoles('db/migrate/20110412065600_add_issues_is_private.rb')).toEqual(['migration']);
    expect(fileRoles('database/migrations/2014_10_12_000000_create_users_table.php')).toEqual(['migration']);
    expect(fileRoles('shop/migrations/0001_initial.py')).toEqual(['migration']);
    expect(fileRoles('config/locales/en.yml')).toEqual(['locale']);
    expect(fileRoles('locale/fr/LC_MESSAGES/django.po')).toEqual(['locale']);
    // Code that handles locales is code: zod's `locales/en.ts` builds its messages.
    expect(fileRoles('src/v4/locales/en.ts')).toEqual([]);
    expect(fileRoles('app/models/migration_helper.rb')).toEqual([]);
  });

  it('baseName and implementation files pair headers with their sources', () => {
    expect(baseName('include/cjson/cJSON.h')).toBe('cjson');
    expect(baseName('src/cJSON.c')).toBe('cjson');
    expect(baseName('Makefile')).toBe('makefile');
    expect(isImplementationFile('src/cJSON.c')).toBe(true);
    expect(isImplementationFile('src/x.cpp')).toBe(true);
    expect(isImplementationFile('src/x.h')).toBe(false);
    expect(isImplementationFile('src/x.go')).toBe(false);
  });
});
