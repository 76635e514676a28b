// What kind of file a path is, for demotions: tests, examples, fixtures, vendored, generated, minified, lock files,
// type declarations, docs, C/C++ headers, schema migrations and translation tables. Judged from the path alone, so it
// is cheap and predictable.

export type FileRole = 'test' | 'example' | 'fixture' | 'vendored' | 'generated' | 'minified' | 'lock' | 'declaration' | 'docs' | 'header'
  | 'migration' | 'locale';

const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'testing', 'e2e', 'integration_tests', 'unittests']);
const TEST_FILE = /(^test_.*\.py$)|(_test\.(go|py|rb|exs?|dart|cc|cpp|c|rs)$)|(_spec\.rb$)|(^conftest\.py$)|([.\-_](test|spec)\.[cm]?[jt]sx?$)|((Tests?|IT|Spec)\.(java|kt|scala|cs|swift|groovy)$)|(^Test[A-Z]\w*\.(java|kt|cs|swift)$)/;
const EXAMPLE_DIRS = new Set(['example', 'examples', '_examples', 'demo', 'demos', 'sample', 'samples', 'cookbook']);
const FIXTURE_DIRS = new Set(['fixtures', 'fixture', '__fixtures__', 'testdata', 'test-data', 'test_data', '__snapshots__', '__mocks__', 'mocks', 'testfixtures']);
const VENDORED_DIRS = new Set(['vendor', 'vendors', 'node_modules', 'third_party', 'thirdparty', 'third-party', 'bower_components']);
const GENERATED_DIRS = new Set(['generated', '__generated__', 'dist', 'gen-src', 'autogen']);
const GENERATED_FILE = /(\.pb\.(go|cc|h)$)|(_pb2(_grpc)?\.py$)|(\.pb\.[jt]s$)|([._]generated\.\w+$)|(\.g\.(dart|cs|ts)$)|(\.designer\.cs$)|(_gen\.go$)|(^zz_generated)/;
const MINIFIED_FILE = /([.-]min\.(js|css|mjs)$)|(\.bundle\.js$)/;
const LOCK_FILE = /(^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|Cargo\.lock|Gemfile\.lock|poetry\.lock|composer\.lock|Pipfile\.lock|go\.sum|flake\.lock|bun\.lockb|mix\.lock|pubspec\.lock|packages\.lock\.json)$)|(\.lock$)/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const DOC_FILE = /\.(md|markdown|mdx|rst|txt|adoc|asciidoc|textile|org)$/i;
const DOC_NAME = /^(README|CHANGELOG|CHANGES|HISTORY|LICENSE|LICENCE|COPYING|CONTRIBUTING|AUTHORS|NOTICE)(\.|$)/i;
const DOC_DIRS = new Set(['docs', 'doc', 'documentation', 'docs_src', 'website', 'man']);
const HEADER_FILE = /\.(h|hh|hpp|hxx|h\+\+)$/i;
// Rails `db/migrate`, Laravel `database/migrations`, Django, Alembic, Ecto, Knex: the schema's history, not its code.
const MIGRATION_DIRS = new Set(['migrate', 'migrations']);
// A translation table repeats the app's words once per language (Rails `config/locales/*.yml`, gettext, i18n JSON).
const LOCALE_DIRS = new Set(['locales', 'locale', 'i18n', 'l10n', 'lang', 'langs', 'translations']);
const LOCALE_FILE = /\.(ya?ml|json|po|pot|properties|xliff|xlf|strings|arb|resx|ftl)$/i;
const IMPLEMENTATION_EXTENSIONS = ['c', 'cc', 'cpp', 'cxx', 'c++', 'm', 'mm', 'cu'];

function splitPath(path: string): { dirs: string[]; file: string } {
  const parts = path.split('/').filter(Boolean);
  return { dirs: parts.slice(0, -1).map((d) => d.toLowerCase()), file: parts[parts.length - 1] ?? '' };
}

/** The roles of one path, in a fixed order; usually zero or one. */
export function fileRoles(path: string): FileRole[] {
  const { dirs, file } = splitPath(path);
  const inDir = (set: Set<string>): boolean => dirs.some((d) => set.has(d));
  const roles: FileRole[] = [];
  if (inDir(TEST_DIRS) || TEST_FILE.test(file)) roles.push('test');
  if (inDir(EXAMPLE_DIRS)) roles.push('example');
  if (inDir(FIXTURE_DIRS)) roles.push('fixture');
  if (inDir(VENDORED_DIRS)) roles.push('vendored');
  if (inDir(GENERATED_DIRS) || GENERATED_FILE.test(file)) roles.push('generated');
  if (MINIFIED_FILE.test(file)) roles.push('minified');
  if (LOCK_FILE.test(file)) roles.push('lock');
  if (DECLARATION_FILE.test(file)) roles.push('declaration');
  if ((DOC_FILE.test(file) && file !== 'CMakeLists.txt') || DOC_NAME.test(file) || inDir(DOC_DIRS)) roles.push('docs');
  if (HEADER_FILE.test(file)) roles.push('header');
  if (inDir(MIGRATION_DIRS)) roles.push('migration');
  if (inDir(LOCALE_DIRS) && LOCALE_FILE.test(file)) roles.push('locale');
  return roles;
}

/** File name without directories and extension, lower-cased: `include/json.h` → `json`. */
export function baseName(path: string): string {
  const { file } = splitPath(path);
  const dot = file.indexOf('.');
  return (dot > 0 ? file.slice(0, dot) : file).toLowerCase();
}

/** Whether `path` is a C-family implementation file: a header's counterpart. */
export function isImplementationFile(path: string): boolean {
  const { file } = splitPath(path);
  const dot = file.lastIndexOf('.');
  return dot > 0 && IMPLEMENTATION_EXTENSIONS.includes(file.slice(dot + 1).toLowerCase());
}

/** Test code or its data (tests, fixtures, testdata): what Entry points and Dependencies hide unless asked. */
export function isTestPath(path: string): boolean {
  const roles = fileRoles(path);
  return roles.includes('test') || roles.includes('fixture');
}
