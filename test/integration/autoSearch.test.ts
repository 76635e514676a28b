// `auto` search over a real index: definitions first for names, questions answered without every
// word, reasons on each hit, a file-level answer, and an honest notice without a vector server.
import { describe, expect, it } from 'vitest';
import { namesOf, needlesOf } from '../../electron/core/autoSearch.js';
import { classifyQuery } from '../../electron/base/query/index.js';
import { call } from '../helpers/backend.js';
import { SAMPLE_REPO } from '../helpers/fixtures.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';

const EXTRA: Record<string, string> = {
  // Mentions OrderService many times but defines nothing: the definition must still come first.
  'test/orderService.test.ts': `import { OrderService } from '../app/server';
describe('OrderService', () => {
  it('OrderService totals', () => { expect(new OrderService().total([1])).toBe(1); });
  it('OrderService empty', () => { expect(new OrderService().total([])).toBe(0); });
});
`,
  'docs/orders.md': '# OrderService\nOrderService totals orders. Use OrderService for checkout.\n',
  'app/session.py': `import hmac


def sign_cookie(value, secret):
    """Signs the session cookie so the browser cannot change it."""
    return hmac.new(secret, value).hexdigest()


def register_routes(app, prefix):
    """Registers every route of the group under one prefix."""
    app.routes.append(prefix)
`,
  // A Ruby predicate: the migration that mentions `visible` most must not outrank the method's definitions.
  'db/migrate/001_add_issues_visible.rb': 'class AddIssuesVisible < Migration\n  def up\n    add_column :issues, :visible, :boolean # visible visible\n  end\nend\n',
  'app/models/issue.rb': 'class Issue\n  def visible?(user = nil)\n    !private?\n  end\nend\n',
  'app/models/board.rb': 'class Board\n  def visible?(user = nil)\n    true\n  end\nend\n',
  // Methods found by the words of their doc comments, not by their names.
  'app/order_query.py': 'class OrderQuery:\n    def none(self):\n        """Return an empty OrderQuery."""\n        return self\n\n'
    + '    def clone(self):\n        """Copy this OrderQuery."""\n        return self\n',
};

describe('auto search', () => {
  const index = useIndexedTrees('clew-auto', [{ ...SAMPLE_REPO, ...EXTRA }]);

  const auto = (query: string, extra: { files?: boolean; limit?: number } = {}) => call(index.backend, 'search:query', { query, mode: 'auto', ...extra });

  it('puts the definition of a queried name first, above tests and docs that mention it more, and says why', async () => {
    const { results } = await auto('OrderService');
    expect(results[0]).toMatchObject({ path: 'app/server.ts', symbol: 'app/server:OrderService', symbolKind: 'class' });
    expect(results[0]?.why?.join(' ')).toMatch(/defines OrderService/);
    const testHit = results.find((r) => r.path.startsWith('test/'));
    expect(testHit?.why?.join(' ')).toMatch(/test/);
  });

  it('marks the queried name on a definition\'s line, never the name of a method found by its doc comment', async () => {
    const { results } = await auto('OrderQuery');
    const marked = (r: (typeof results)[number]): string[] => r.highlights.map(([a, b]) => r.snippet.slice(a, b));
    expect(results[0]).toMatchObject({ path: 'app/order_query.py', snippet: 'class OrderQuery' });
    expect(marked(results[0] as (typeof results)[number])).toEqual(['OrderQuery']);
    const byDoc = results.filter((r) => r.symbol === 'app.order_query.OrderQuery.none' || r.symbol === 'app.order_query.OrderQuery.clone');
    expect(byDoc.map((r) => r.snippet).sort()).toEqual(['def clone(self)', 'def none(self)']);
    expect(byDoc.flatMap(marked)).toEqual([]);
  });

  it('takes a Ruby predicate (`visible?`, `Issue#visible?`) as a name: its definitions first, the one in Issue first', async () => {
    const plain = await auto('visible?');
    expect(plain.results.slice(0, 2).map((r) => r.symbol).sort()).toEqual(['Board#visible?', 'Issue#visible?']);
    const qualified = await auto('Issue#visible?');
    expect(qualified.results[0]?.symbol).toBe('Issue#visible?');
  });

  it('answers a question in plain words that keyword mode cannot (it needs every word)', async () => {
    const question = 'where is the session cookie signed';
    const keyword = await call(index.backend, 'search:query', { query: question, mode: 'keyword' });
    expect(keyword.results).toHaveLength(0);
    // A file opened from the answer marks the question's words, not every `is` and `the` in it.
    expect((await auto(question)).syntax?.marks).toEqual(['session', 'cookie', 'signed']);
    const { results } = await auto(question);
    expect(results[0]?.path).toBe('app/session.py');
  });

  it('matches word forms and identifier parts: "how routes are registered" finds register_routes', async () => {
    const { results } = await auto('how routes are registered');
    expect(results[0]).toMatchObject({ path: 'app/session.py', symbol: expect.stringContaining('register_routes') });
  });

  it('gives a file-level answer with files=true: best files, each with its best hits', async () => {
    const { files } = await auto('OrderService', { files: true });
    expect(files?.[0]).toMatchObject({ path: 'app/server.ts' });
    expect(files?.[0]?.hits.length).toBeGreaterThan(0);
    expect(files?.[0]?.why.length).toBeGreaterThan(0);
    // The file view keeps to the limit asked, and says when it cut.
    const cut = await auto('OrderService', { files: true, limit: 2 });
    expect(files?.length).toBeGreaterThan(2);
    expect([cut.files?.map((f) => f.path), cut.truncated]).toEqual([files?.slice(0, 2).map((f) => f.path), true]);
  });

  it('says it ranked without meaning when no vector server runs', async () => {
    const { notice } = await auto('OrderService');
    expect(notice).toMatch(/ranked without meaning/);
  });

  it('handles bad input with a clear result or BAD_REQUEST, never INTERNAL', async () => {
    for (const query of ['   ', '"unbalanced', 'naïve café ñandú', '選択されたファイル', '((((', '\\\\']) {
      const r = await index.backend.invoke('search:query', { query, mode: 'auto' });
      if (!r.ok) expect(r.error.code).toBe('BAD_REQUEST');
    }
    const long = await index.backend.invoke('search:query', { query: 'x'.repeat(10_000), mode: 'auto' });
    expect(long.ok ? 'ok' : long.error.code).toBe('BAD_REQUEST');
    const nul = await index.backend.invoke('search:query', { query: 'order\u0000service', mode: 'auto' });
    expect(nul.ok ? 'ok' : nul.error.code).toBe('BAD_REQUEST');
  });
});

describe('auto search query plan', () => {
  it('looks for stems as substrings and code spellings of a question', () => {
    const needles = needlesOf(classifyQuery('how are routes registered'));
    expect(needles).toEqual(expect.arrayContaining(['rout', 'regist']));
    // Whole-word spellings of the question as code would join them.
    expect(needles).toContain('routes_registered');
  });

  it('asks for exact and prefix definitions of an identifier, and joined spellings of a question', () => {
    expect(namesOf(classifyQuery('APIRouter'))).toEqual({ exact: ['APIRouter'], prefixes: ['APIRouter'] });
    expect(namesOf(classifyQuery('parse the config file')).exact).toEqual(expect.arrayContaining(['parseConfig', 'parse_config']));
  });
});
