import { describe, expect, it } from 'vitest';
import { rank, type Candidate } from '../../../electron/search/index.js';

type C = Candidate<string>;
const kw = (path: string, line: number, score: number, text = '', extra: Partial<C> = {}): C => ({ source: 'keyword', repo: 'r', path, startLine: line, endLine: line, keywordScore: score, text, payload: `kw:${path}:${line}`, ...extra });
const sym = (path: string, start: number, end: number, name: string, kind: string, extra: Partial<C> = {}): C => ({ source: 'symbol', repo: 'r', path, startLine: start, endLine: end, name, kind, payload: `sym:${path}:${name}`, ...extra });
const sem = (path: string, start: number, end: number, distance: number, extra: Partial<C> = {}): C => ({ source: 'semantic', repo: 'r', path, startLine: start, endLine: end, distance, payload: `sem:${path}:${start}`, ...extra });

const paths = (candidates: C[], query: string): string[] => rank(query, candidates).hits.map((h) => h.path);
const filePaths = (candidates: C[], query: string): string[] => rank(query, candidates).files.map((f) => f.path);

describe('rank: realistic cases', () => {
  it('APIRouter: the file defining class APIRouter beats a test and docs that mention it more', () => {
    const candidates = [
      kw('tests/test_router_events.py', 12, 14.2, 'router = APIRouter(lifespan=lifespan)'),
      kw('tests/test_router_events.py', 40, 13.9, 'app.include_router(APIRouter())'),
      kw('README.md', 88, 11.5, 'from fastapi import APIRouter'),
      kw('docs/en/docs/tutorial/bigger-applications.md', 120, 12.8, 'You can think of APIRouter as a "mini FastAPI" class.'),
      kw('fastapi/routing.py', 596, 6.1, 'class APIRouter(routing.Router):'),
      sym('fastapi/routing.py', 596, 1300, 'APIRouter', 'class', { container: 'fastapi.routing', doc: 'APIRouter class, used to group path operations.' }),
      sym('fastapi/routing.py', 300, 420, 'APIRoute', 'class'),
      sem('fastapi/routing.py', 596, 1300, 0.31),
      sem('docs_src/bigger_applications/app/routers/users.py', 1, 20, 0.28),
    ];
    const r = rank('APIRouter', candidates);
    expect(r.hits[0]).toMatchObject({ path: 'fastapi/routing.py', name: 'APIRouter', startLine: 596 });
    expect(r.hits[0]!.why[0]).toBe('defines APIRouter');
    expect(r.hits[0]!.sources).toEqual(['symbol', 'keyword', 'semantic']);
    expect(r.files[0]!.path).toBe('fastapi/routing.py');
    // The prefix definition APIRoute is the next-best place in that file, above the test and the docs.
    const testRank = r.hits.findIndex((h) => h.path.startsWith('tests/'));
    expect(r.hits.findIndex((h) => h.name === 'APIRoute')).toBeLessThan(testRank);
    expect(r.hits.find((h) => h.path.startsWith('tests/'))!.why).toContain('test file (×0.35)');
    expect(r.hits.find((h) => h.path === 'README.md')!.why).toContain('docs file (×0.45)');
  });

  it('JsonObject: JsonObject.java above JsonObjectTest.java', () => {
    const candidates = [
      sym('gson/src/test/java/com/google/gson/JsonObjectTest.java', 30, 900, 'JsonObjectTest', 'class'),
      kw('gson/src/test/java/com/google/gson/JsonObjectTest.java', 45, 9.4, 'JsonObject jsonObj = new JsonObject();'),
      sym('gson/src/main/java/com/google/gson/JsonObject.java', 34, 300, 'JsonObject', 'class'),
      kw('gson/src/main/java/com/google/gson/JsonObject.java', 34, 5.2, 'public final class JsonObject extends JsonElement {'),
      kw('gson/src/main/java/com/google/gson/JsonParser.java', 80, 3.3, 'return new JsonObject();'),
    ];
    expect(filePaths(candidates, 'JsonObject').slice(0, 2)).toEqual(['gson/src/main/java/com/google/gson/JsonObject.java', 'gson/src/test/java/com/google/gson/JsonObjectTest.java']);
    expect(rank('JsonObject', candidates).files[0]!.why).toEqual(expect.arrayContaining(['defines JsonObject', 'file name matches']));
    // Asking for the test lifts the demotion: the test class is then what the person named.
    expect(paths(candidates, 'JsonObjectTest')[0]).toBe('gson/src/test/java/com/google/gson/JsonObjectTest.java');
  });

  it('"basic auth middleware": middleware/basic_auth.go above a README that says the same words more often', () => {
    const candidates = [
      kw('README.md', 410, 10.2, '### Using BasicAuth() middleware: basic auth for a group of routes'),
      sem('README.md', 405, 430, 0.29),
      sym('auth.go', 60, 85, 'BasicAuth', 'function', { doc: 'BasicAuth returns a Basic HTTP Authorization middleware.' }),
      kw('auth.go', 61, 5.5, 'func BasicAuth(accounts Accounts) HandlerFunc {'),
      sem('auth.go', 60, 85, 0.33),
      kw('middleware/basic_auth.go', 12, 6.0, 'func BasicAuthForRealm(accounts Accounts, realm string) HandlerFunc {'),
      sem('middleware/basic_auth.go', 1, 60, 0.34),
      kw('auth_test.go', 20, 8.1, 'router.Use(BasicAuth(accounts))', { }),
    ];
    const files = filePaths(candidates, 'basic auth middleware');
    expect(files.indexOf('README.md')).toBeGreaterThan(files.indexOf('auth.go'));
    expect(files.indexOf('README.md')).toBeGreaterThan(files.indexOf('middleware/basic_auth.go'));
    expect(files.indexOf('auth_test.go')).toBeGreaterThan(files.indexOf('middleware/basic_auth.go'));
    // Asking for docs lifts the README's demotion.
    const withDocs = rank('basic auth middleware docs', candidates);
    expect(withDocs.files.findIndex((f) => f.path === 'README.md')).toBeLessThan(files.indexOf('README.md'));
    expect(withDocs.hits.find((h) => h.path === 'README.md')!.demotions).toEqual([]);
  });

  it('a header and its implementation both matching: the .c first; a header alone is not demoted', () => {
    const both = [
      sym('include/cjson/cJSON.h', 150, 150, 'cJSON_Parse', 'function', { doc: 'Supply a block of JSON, and this returns a cJSON object you can interrogate.' }),
      sym('src/cJSON.c', 1090, 1120, 'cJSON_Parse', 'function'),
    ];
    const r = rank('cJSON_Parse', both);
    expect(r.hits.map((h) => h.path)).toEqual(['src/cJSON.c', 'include/cjson/cJSON.h']);
    expect(r.hits[1]!.why).toContain('header (src/cJSON.c matches too) (×0.6)');
    const alone = rank('cJSON_Parse', [both[0]!]);
    expect(alone.hits[0]!.demotions).toEqual([]);
  });

  it('a path query finds the file and lifts its demotions', () => {
    const candidates = [
      kw('src/router.ts', 3, 9, 'import { Router } from "./router.test"'),
      kw('src/router.test.ts', 1, 2, 'describe("router")'),
    ];
    expect(paths(candidates, 'router.test.ts')[0]).toBe('src/router.test.ts');
  });
});

describe('rank: demotions', () => {
  const sameScore = (path: string): C => kw(path, 1, 5, 'handleRequest');
  const cases: Array<[string, string]> = [
    ['test', 'src/server_test.go'], ['example', 'examples/server.go'], ['fixture', 'pkg/testdata/server.go'],
    ['vendored', 'vendor/x/server.go'], ['generated', 'api/server.pb.go'], ['minified', 'static/server.min.js'],
    ['lock', 'package-lock.json'], ['declaration', 'types/server.d.ts'], ['docs', 'docs/server.md'],
  ];
  for (const [role, path] of cases) {
    it(`${role} files rank below the same match in source`, () => {
      const r = rank('handleRequest', [sameScore(path), sameScore('src/server.go')]);
      expect(r.hits.map((h) => h.path)).toEqual(['src/server.go', path]);
      expect(r.hits[1]!.demotions.map((d) => d.role)).toEqual([`${role} file`]);
      expect(r.hits[1]!.score).toBeLessThan(r.hits[0]!.score);
    });
  }

  it('asking for tests, examples or docs lifts their demotion', () => {
    expect(rank('handleRequest tests', [sameScore('src/server_test.go')]).hits[0]!.demotions).toEqual([]);
    expect(rank('handleRequest example', [sameScore('examples/server.go')]).hits[0]!.demotions).toEqual([]);
    expect(rank('handleRequest documentation', [sameScore('docs/server.md')]).hits[0]!.demotions).toEqual([]);
  });
});

describe('rank: merging, diminishing returns, determinism, semantic absence', () => {
  it('the same place from several sources is one hit; a keyword line inside a definition joins it', () => {
    const r = rank('parseConfig', [
      sym('a.ts', 10, 30, 'parseConfig', 'function'),
      sem('a.ts', 10, 30, 0.2),
      kw('a.ts', 12, 4, 'const parseConfig = () => {}'),
      kw('a.ts', 50, 2, 'parseConfig()'),
    ]);
    expect(r.hits).toHaveLength(2);
    expect(r.hits[0]).toMatchObject({ startLine: 10, sources: ['symbol', 'keyword', 'semantic'] });
    expect(r.hits[0]!.payloads).toEqual(['sym:a.ts:parseConfig', 'sem:a.ts:10', 'kw:a.ts:12']);
    expect(r.hits[0]!.signals.keyword).toBe(1);
  });

  it('many hits in one file give diminishing returns and a file view with its best hits', () => {
    const many = Array.from({ length: 6 }, (_, i) => kw('big.go', 10 * (i + 1), 5, 'router'));
    const r = rank('router', [...many, kw('other.go', 1, 4.5, 'router')], { hitsPerFile: 2 });
    expect(r.hits[0]!.path).toBe('big.go');
    expect(r.hits[1]!.path).toBe('other.go');
    expect(r.hits[2]!.why).toContain('2nd hit in this file');
    const big = r.files.find((f) => f.path === 'big.go')!;
    expect(big.hits).toHaveLength(2);
    expect(big.why).toContain('6 hits in this file');
    expect(r.files.map((f) => f.path)).toEqual(['big.go', 'other.go']);
  });

  it('ties break by definition strength, then sources, then path and line: the order never depends on input order', () => {
    const candidates = [kw('b.go', 5, 3, 'x'), kw('a.go', 9, 3, 'x'), kw('a.go', 2, 3, 'x'), kw('c.go', 1, 3, 'x')];
    const first = rank('x', candidates).hits.map((h) => `${h.path}:${h.startLine}`);
    expect(first.slice(0, 3)).toEqual(['a.go:2', 'b.go:5', 'c.go:1']);
    for (let i = 0; i < 5; i++) {
      const shuffled = [...candidates].sort(() => Math.random() - 0.5);
      expect(rank('x', shuffled).hits.map((h) => `${h.path}:${h.startLine}`)).toEqual(first);
    }
  });

  it('without semantic candidates it ranks from the rest, reweights, and says so', () => {
    const r = rank('session cookie signed', [kw('sessions.py', 300, 7, 'def save_session(self, app, session, response):'), sym('sessions.py', 40, 80, 'SecureCookieSessionInterface', 'class')]);
    expect(r.semantic).toBe('absent');
    expect(r.notes).toEqual(['no semantic candidates: ranked from keyword and symbol matches only']);
    expect(r.weights.semantic).toBe(0);
    expect(Object.values(r.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(rank('x', [sem('a', 1, 2, 0.3)]).semantic).toBe('used');
  });

  it('query kind picks the weights: names lean on definitions, questions on meaning and BM25', () => {
    const id = rank('APIRouter', [sem('a', 1, 2, 0.3)]).weights;
    const question = rank('how are routes grouped', [sem('a', 1, 2, 0.3)]).weights;
    expect(id.definition).toBeGreaterThan(question.definition);
    expect(question.semantic).toBeGreaterThan(id.semantic);
    expect(question.keyword).toBeGreaterThan(id.keyword);
  });

  it('a question: semantic and BM25 decide, and no candidate needs every word', () => {
    const r = rank('where is the session cookie signed', [
      sem('src/flask/sessions.py', 290, 330, 0.25, { name: 'get_signing_serializer', kind: 'method' }),
      kw('src/flask/sessions.py', 300, 6.2, 'signer_kwargs = dict(key_derivation=..., digest_method=...)'),
      sem('src/flask/helpers.py', 10, 30, 0.45, { name: 'get_debug_flag', kind: 'function' }),
      kw('CHANGES.rst', 1200, 8.0, 'The session cookie is signed using itsdangerous'),
    ]);
    expect(r.files[0]!.path).toBe('src/flask/sessions.py');
    expect(r.hits[0]!.why.some((w) => w.startsWith('close in meaning'))).toBe(true);
  });

  it('no candidates, empty query and scores that are not numbers do not throw', () => {
    expect(rank('anything', []).hits).toEqual([]);
    expect(rank('', [kw('a.go', 1, 2)]).hits).toHaveLength(1);
    const r = rank('x', [kw('a.go', 1, Number.NaN), { source: 'semantic', repo: 'r', path: 'b.go', startLine: 1, endLine: 1, distance: Number.POSITIVE_INFINITY }]);
    expect(r.hits.every((h) => Number.isFinite(h.score))).toBe(true);
    expect(r.semantic).toBe('absent');
  });
});

describe('rank: files without symbols and questions naming an identifier', () => {
  it('a keyword line that defines the name ranks above lines that use it, in a file no parser read', () => {
    const r = rank('JsonObject', [
      kw('src/main/kotlin/Usage.kt', 10, 9, 'val o = JsonObject(mapOf())'),
      kw('src/main/kotlin/JsonObject.kt', 3, 4, 'class JsonObject(private val members: Map<String, JsonElement>) {'),
    ]);
    expect(r.hits[0]!.path).toBe('src/main/kotlin/JsonObject.kt');
    expect(r.hits[0]!.why).toContain('looks like the definition of JsonObject');
  });

  it('a question with one identifier weighs its definition between a name query and a question', () => {
    const name = rank('APIRouter', [sem('a', 1, 2, 0.3)]).weights;
    const question = rank('how are routes grouped', [sem('a', 1, 2, 0.3)]).weights;
    const mixed = rank('what does APIRouter do', [sem('a', 1, 2, 0.3)]).weights;
    expect(mixed.definition).toBeCloseTo((name.definition + question.definition) / 2);
    expect(Object.values(mixed).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});

describe('rank: regexes and questions', () => {
  it('a regex query: lines matching the pattern rank above lines that only share its words and score higher on BM25', () => {
    const r = rank('class \\w+Processor implements ProcessorInterface', [
      kw('Processor/ProcessorInterface.php', 15, 12, 'interface ProcessorInterface'),
      kw('Handler/ProcessableHandlerInterface.php', 14, 11, 'interface ProcessableHandlerInterface extends ProcessorInterface'),
      kw('Processor/GitProcessor.php', 24, 9, 'class GitProcessor implements ProcessorInterface'),
    ]);
    expect(r.hits[0]!.path).toBe('Processor/GitProcessor.php');
    expect(r.hits[0]!.why).toContain('matches the pattern');
  });

  it("a question: the file whose several units hold its words ranks above one strong line elsewhere", () => {
    const r = rank('turn a view return value into a response object', [
      kw('helpers.py', 163, 13.5, 'def make_response(*args): convert the return value of a view into a response object'),
      kw('app.py', 2052, 13, 'def make_response(self, rv): convert the return value from a view function to a response object'),
      kw('app.py', 1773, 9, 'the return value of the view or error handler'),
      kw('app.py', 1800, 8, 'rv = self.make_response(rv)  # view return value into a response'),
    ]);
    expect(r.hits[0]!.path).toBe('app.py');
    expect(r.hits[0]!.why).toContain('its file matches the words in 3 places');
  });

  it('a question leans on BM25 and word coverage more than on semantic similarity', () => {
    const question = rank('how are routes grouped', [sem('a', 1, 2, 0.3)]).weights;
    expect(question.keyword).toBeGreaterThan(question.semantic);
    expect(question.keyword + question.coverage).toBeGreaterThan(0.5);
    expect(question.literal).toBe(0);
  });
});

describe('rank: several repositories and bad input', () => {
  it('the same path in two repositories is two files; a header pairs only with its own repository', () => {
    const r = rank('cJSON_Parse', [
      { ...sym('include/cJSON.h', 1, 1, 'cJSON_Parse', 'function'), repo: 'a' },
      { ...sym('src/cJSON.c', 10, 40, 'cJSON_Parse', 'function'), repo: 'b' },
      { ...sym('include/cJSON.h', 1, 1, 'cJSON_Parse', 'function'), repo: 'b' },
    ]);
    expect(r.files).toHaveLength(3);
    const headerA = r.hits.find((h) => h.repo === 'a')!;
    const headerB = r.hits.find((h) => h.repo === 'b' && h.path.endsWith('.h'))!;
    expect(headerA.demotions).toEqual([]);
    expect(headerB.demotions.map((d) => d.role)).toEqual(['header (src/cJSON.c matches too)']);
  });

  it('a 10,000-character query, control characters and another script rank without trouble', () => {
    const candidates = Array.from({ length: 300 }, (_, i) => kw(`src/f${i % 40}.go`, i, (i % 13) + 1, `func handler${i}(w http.ResponseWriter) { session cookie ${i} }`));
    const t0 = performance.now();
    const long = rank(`session cookie ${'x'.repeat(10_000)}`, candidates);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(long.hits).toHaveLength(300);
    expect(rank('session\u0000cookie\u0007', candidates).query.terms.map((t) => t.word)).toEqual(['session', 'cookie']);
    expect(rank('где cookie', candidates).hits[0]!.score).toBeGreaterThan(0);
  });
});
