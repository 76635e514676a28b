import { describe, expect, it } from 'vitest';
import { classifyQuery } from '../../../electron/base/query/index.js';
import {
  coverageSignal, definitionSignal, docCommentSignal, fileKeywordSignal, fileNameSignal, keywordSignal, kindWeight, literalSignal, semanticSignal, signalContext,
  type MergedHit,
} from '../../../electron/search/signals.js';

function hit(fields: Partial<MergedHit> & { path: string }): MergedHit {
  return { repo: 'r', startLine: 1, endLine: 1, name: null, kind: null, container: null, doc: null, declaredPublic: null, texts: [], keywordScore: null, distance: null, ...fields };
}

const ctxFor = (query: string, hits: MergedHit[] = []) => signalContext(classifyQuery(query), hits);

describe('definition signal', () => {
  it('exact > other spelling > prefix > parts > one typo, types a little above functions', () => {
    const ctx = ctxFor('APIRouter');
    const v = (name: string, kind = 'class') => definitionSignal(ctx, hit({ path: 'a.py', name, kind })).value;
    expect(v('APIRouter')).toBe(1);
    expect(v('api_router')).toBeCloseTo(0.8);
    expect(v('APIRouterFactory')).toBeCloseTo(0.6);
    expect(v('RouterAPI')).toBeCloseTo(0.5);
    expect(v('APIRoutr')).toBeCloseTo(0.4);
    expect(v('Router')).toBe(0);
    expect(v('APIRouter', 'function')).toBeLessThan(v('APIRouter', 'class'));
    expect(v('APIRouter', 'variable')).toBeLessThan(v('APIRouter', 'function'));
    expect(definitionSignal(ctx, hit({ path: 'a.py' }))).toEqual({ value: 0, reason: null });
    // A definition declared private goes just below a public one, and stays above the next kind or spelling.
    const pub = (declaredPublic: boolean | null) => definitionSignal(ctx, hit({ path: 'a.rs', name: 'APIRouter', kind: 'class', declaredPublic })).value;
    expect(pub(false)).toBeLessThan(pub(true));
    expect(pub(null)).toBe(pub(true));
    expect(pub(false)).toBeGreaterThan(v('APIRouter', 'function'));
  });

  it('counts a variable bound by an import as naming the definition, not being it', () => {
    const ctx = ctxFor('Layer');
    const imported = definitionSignal(ctx, hit({ path: 'lib/router/route.js', name: 'Layer', kind: 'variable', texts: ["var Layer = require('./layer');"] }));
    const defined = definitionSignal(ctx, hit({ path: 'lib/router/layer.js', name: 'Layer', kind: 'function', texts: ['function Layer(path, options, fn) {'] }));
    expect(imported.reason).toBe('imports Layer');
    expect(imported.value).toBeLessThan(defined.value / 2);
    for (const text of ["import { Layer } from './layer';", 'from .layer import Layer', "Layer = importlib.import_module('layer')"]) {
      expect(definitionSignal(ctx, hit({ path: 'x', name: 'Layer', kind: 'variable', texts: [text] })).reason).toBe('imports Layer');
    }
    // A variable that is computed, not imported, still defines its name.
    expect(definitionSignal(ctx, hit({ path: 'x', name: 'Layer', kind: 'variable', texts: ['const Layer = makeLayer();'] })).reason).toBe('defines Layer');
  });

  it('explains the match', () => {
    const ctx = ctxFor('parse_config');
    expect(definitionSignal(ctx, hit({ path: 'a.ts', name: 'parse_config', kind: 'function' })).reason).toBe('defines parse_config');
    expect(definitionSignal(ctx, hit({ path: 'a.ts', name: 'parseConfig', kind: 'function' })).reason).toBe('defines parseConfig (parse_config spelled differently)');
    expect(definitionSignal(ctx, hit({ path: 'a.ts', name: 'parseConfigFile', kind: 'function' })).reason).toBe('defines parseConfigFile (starts with parse_config)');
  });

  it('a dotted name prefers the definition inside its container', () => {
    const ctx = ctxFor('Flask.route');
    const inside = definitionSignal(ctx, hit({ path: 'src/flask/app.py', name: 'route', kind: 'method', container: 'flask.app.Flask' }));
    const elsewhere = definitionSignal(ctx, hit({ path: 'src/flask/blueprints.py', name: 'route', kind: 'method', container: 'flask.blueprints.Blueprint' }));
    expect(inside.value).toBeGreaterThan(elsewhere.value);
    expect(inside.reason).toBe('defines route in Flask');
  });

  it('identifiers typed inside a question count; otherwise the name must spell half the words', () => {
    expect(definitionSignal(ctxFor('where is parseConfig called'), hit({ path: 'a.ts', name: 'parseConfig', kind: 'function' })).value).toBeCloseTo(0.95);
    const q = ctxFor('basic auth middleware');
    const named = definitionSignal(q, hit({ path: 'auth.go', name: 'BasicAuth', kind: 'function' }));
    expect(named.value).toBeCloseTo(0.7 * (2 / 3) * 0.95);
    expect(named.reason).toBe('BasicAuth is named for 2 of 3 query words');
    expect(definitionSignal(q, hit({ path: 'auth.go', name: 'Middleware', kind: 'function' })).value).toBe(0);
  });
});

describe('file name signal', () => {
  it('an identifier equal to the file name, in any spelling', () => {
    expect(fileNameSignal(ctxFor('JsonObject'), hit({ path: 'gson/src/main/java/com/google/gson/JsonObject.java' }))).toEqual({ value: 1, reason: 'file name matches' });
    expect(fileNameSignal(ctxFor('basic_auth'), hit({ path: 'middleware/BasicAuth.go' })).value).toBe(1);
    expect(fileNameSignal(ctxFor('JsonObject'), hit({ path: 'gson/JsonObjectTest.java' })).value).toBeLessThan(1);
  });

  it('paths: the whole path, then the file name, then its base', () => {
    expect(fileNameSignal(ctxFor('middleware/basic_auth.go'), hit({ path: 'gin/middleware/basic_auth.go' })).value).toBe(1);
    expect(fileNameSignal(ctxFor('middleware/basic_auth.go'), hit({ path: 'other/basic_auth.go' })).value).toBe(0.9);
    expect(fileNameSignal(ctxFor('basic_auth.py'), hit({ path: 'other/basic_auth.go' })).value).toBe(0.75);
  });

  it('question words in the file name count fully, in folders less', () => {
    const ctx = ctxFor('basic auth middleware');
    const s = fileNameSignal(ctx, hit({ path: 'middleware/basic_auth.go' }));
    expect(s.value).toBeCloseTo(0.8 * (2.6 / 3));
    expect(s.reason).toBe('path matches basic, auth, middleware');
    expect(fileNameSignal(ctx, hit({ path: 'README.md' })).value).toBe(0);
    // Word forms: "routing" matches "routes".
    expect(fileNameSignal(ctxFor('how routes are registered'), hit({ path: 'src/routing.py' })).value).toBeGreaterThan(0);
  });
});

describe('doc comment, semantic, keyword and coverage signals', () => {
  it('doc comment: share of query words it mentions, word forms included', () => {
    const s = docCommentSignal(ctxFor('where is the session cookie signed'), hit({ path: 'a.py', doc: 'Signs the cookie with the secret key so the session cannot be forged.' }));
    expect(s.value).toBeCloseTo(1);
    expect(s.reason).toBe('doc comment mentions session, cookie, signed');
    expect(docCommentSignal(ctxFor('session cookie'), hit({ path: 'a.py' })).value).toBe(0);
  });

  it('semantic: relative to the best, nothing past 0.3 below it', () => {
    const hits = [hit({ path: 'a', distance: 0.2 }), hit({ path: 'b', distance: 0.35 }), hit({ path: 'c', distance: 0.6 })];
    const ctx = ctxFor('serve static files', hits);
    expect(semanticSignal(ctx, hits[0]!)).toEqual({ value: 1, reason: 'close in meaning (similarity 0.80)' });
    expect(semanticSignal(ctx, hits[1]!).value).toBeCloseTo(0.5);
    expect(semanticSignal(ctx, hits[2]!).value).toBe(0);
    expect(semanticSignal(ctx, hit({ path: 'd' })).value).toBe(0);
  });

  it('keyword: relative to the best BM25 score', () => {
    const hits = [hit({ path: 'a', keywordScore: 8 }), hit({ path: 'b', keywordScore: 2 })];
    const ctx = ctxFor('router', hits);
    expect(keywordSignal(ctx, hits[0]!)).toEqual({ value: 1, reason: 'keyword match (BM25 8.00)' });
    expect(keywordSignal(ctx, hits[1]!).value).toBe(0.25);
    expect(keywordSignal(ctx, hit({ path: 'c' })).value).toBe(0);
  });

  it('coverage: share of query words found in name, path, doc or text', () => {
    const ctx = ctxFor('how are routes grouped and registered');
    const s = coverageSignal(ctx, hit({ path: 'gin/routergroup.go', name: 'Group', texts: ['// Group creates a new router group. You should add all the routes that have common middlewares'] }));
    expect(s.value).toBeCloseTo(2 / 3);
    expect(s.reason).toBe('covers 2 of 3 query words');
    expect(coverageSignal(ctx, hit({ path: 'x.go', texts: ['func (engine *Engine) addRoute(method string) { register }'] })).value).toBeCloseTo(2 / 3);
  });

  it('kindWeight: types, then callables, then the rest', () => {
    expect(kindWeight('class')).toBe(1);
    expect(kindWeight('Struct')).toBe(1);
    expect(kindWeight('method')).toBe(0.95);
    expect(kindWeight('variable')).toBe(0.85);
    expect(kindWeight(null)).toBe(0.85);
  });
});

describe('definition lines without symbols', () => {
  const def = (query: string, text: string) => definitionSignal(ctxFor(query), hit({ path: 'x', texts: [text] }));
  it('reads definitions in many languages from keyword lines', () => {
    for (const [q, line] of [
      ['JsonObject', 'class JsonObject(private val members: Map<String, JsonElement>) {'],
      ['ShouldBindJSON', 'func (c *Context) ShouldBindJSON(obj any) error {'],
      ['parse_config', 'local function parse_config(path)'],
      ['render', '  def render(conn, template, assigns) do'],
      ['clearCookie', 'res.clearCookie = function clearCookie(name, options) {'],
      ['render', 'app.render = function render(name, options, callback) {'],
      ['Router', 'export const Router = (opts) => new RouterImpl(opts);'],
      ['to_json', 'fun String.to_json(): String ='],
      ['APIRouter', 'class APIRouter(routing.Router):'],
      ['Flask.route', '    def route(self, rule: str, **options: t.Any) -> t.Callable:'],
    ] as const) {
      const v = def(q, line);
      expect(v.value, `${q}: ${line}`).toBe(0.8);
      expect(v.reason).toMatch(/^looks like the definition of /);
    }
  });

  it('usages, imports and longer names are not definitions', () => {
    for (const [q, line] of [
      ['APIRouter', 'router = APIRouter(prefix="/items")'],
      ['APIRouter', 'from fastapi import APIRouter'],
      ['Router', 'class RouterGroup struct {'],
      ['render', 'return render(template)'],
      ['$http', 'const x = $http.get(url)'],
    ] as const) expect(def(q, line).value, `${q}: ${line}`).toBe(0);
  });
});

describe('literal signal', () => {
  const lit = (query: string, text: string) => literalSignal(ctxFor(query), hit({ path: 'a.php', texts: [text] }));

  it('a regex-looking query: a line matching the pattern counts, a line holding only its words does not', () => {
    const q = 'class \\w+Processor implements ProcessorInterface';
    expect(lit(q, 'class GitProcessor implements ProcessorInterface')).toEqual({ value: 1, reason: 'matches the pattern' });
    expect(lit(q, 'interface ProcessorInterface')).toEqual({ value: 0, reason: null });
  });

  it('a pasted format string that happens to look like a regex counts where it stands as typed', () => {
    const q = '[%datetime%] %channel%.%level_name%: %message%';
    expect(ctxFor(q).query.kind).toBe('regex');
    expect(lit(q, 'public const SIMPLE_FORMAT = "[%datetime%] %channel%.%level_name%: %message% %context%";')).toEqual({ value: 1, reason: 'holds the query text as typed' });
    expect(lit(q, '$record->datetime->format($this->dateFormat)').value).toBe(0);
  });

  it('a quoted phrase: the text holds it, in any case; questions and names have no literal', () => {
    expect(lit('"session cookie"', 'The Session Cookie is signed').value).toBe(1);
    expect(lit('"session cookie"', 'session and cookie').value).toBe(0);
    expect(lit('session cookie', 'session cookie').value).toBe(0);
    expect(lit('APIRouter', 'class APIRouter').value).toBe(0);
  });

  it('a pattern that does not compile, and texts longer than a chunk, never throw and never match by pattern', () => {
    expect(ctxFor('foo\\(bar[').literal).toEqual({ text: 'foo\\(bar[', pattern: null });
    expect(lit('foo\\(bar[', 'x = foo\\(bar[0]').value).toBe(1);
    expect(lit('foo\\(bar[', 'foo(bar[0]').value).toBe(0);
    expect(lit('def \\w+_path\\(', `${'x'.repeat(3000)}\ndef escape_path(s)`).value).toBe(0);
  });
});

describe('file keyword signal', () => {
  it("a file's keyword hits add up with halving returns (up to five), relative to the best file", () => {
    const spread = [3, 4, 5].map((line) => hit({ path: 'app.py', startLine: line, keywordScore: 8 }));
    const single = hit({ path: 'helpers.py', keywordScore: 12 });
    const ctx = ctxFor('turn a return value into a response', [...spread, single]);
    // app.py: 8 + 4 + 2 = 14 beats helpers.py's one 12; every hit of a file gets its file's value.
    expect(fileKeywordSignal(ctx, spread[1]!)).toEqual({ value: 1, reason: 'its file matches the words in 3 places' });
    expect(fileKeywordSignal(ctx, single).value).toBeCloseTo(12 / 14);
    expect(fileKeywordSignal(ctx, single).reason).toBeNull();
    const many = Array.from({ length: 9 }, (_, i) => hit({ path: 'big.py', startLine: i + 1, keywordScore: 8 }));
    const capped = ctxFor('x y', [...many, hit({ path: 'one.py', keywordScore: 15.5 })]);
    expect(fileKeywordSignal(capped, many[0]!).value).toBe(1);
    expect(fileKeywordSignal(capped, hit({ path: 'one.py', keywordScore: 15.5 })).value).toBeCloseTo(15.5 / 15.5);
  });

  it('files with no keyword hit, and hits of other repositories with the same path, count apart', () => {
    const a = hit({ path: 'x.go', repo: 'a', keywordScore: 5 });
    const semanticOnly = hit({ path: 'y.go', distance: 0.2 });
    const ctx = ctxFor('parse config', [a, semanticOnly, hit({ path: 'x.go', repo: 'b', keywordScore: 10 })]);
    expect(fileKeywordSignal(ctx, semanticOnly)).toEqual({ value: 0, reason: null });
    expect(fileKeywordSignal(ctx, a).value).toBeCloseTo(0.5);
  });
});
