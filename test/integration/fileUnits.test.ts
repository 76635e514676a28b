// Every file is searchable by meaning, through the real Backend, sync thread, SQLite file and Chroma
// server: SQL, shell, Markdown, Kotlin and JavaScript members defined by assignment are each found by
// a question in semantic and auto mode; a changed file replaces its chunks; and a repo filter runs
// inside the vector store, so a small repo's hits are not pushed out by a big one's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import type { SearchHit } from '../../shared/types.js';
import { call, openWriter } from '../helpers/backend.js';
import { startSidecar } from '../helpers/chroma.js';
import { tempDir } from '../helpers/fixtures.js';

const TREE: Record<string, string> = {
  'db/schema.sql': `-- The shop's tables.
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE
);

CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  total_cents INTEGER NOT NULL
);
`,
  'scripts/backup.sh': `#!/bin/sh
set -eu
# Copy the database to the backup bucket every night
stamp=$(date +%Y%m%d)
sqlite3 shop.db ".backup /tmp/shop-$stamp.db"
gzip /tmp/shop-$stamp.db
aws s3 cp /tmp/shop-$stamp.db.gz s3://shop-backups/nightly/
`,
  'docs/deploying.md': `# Deploying

## Rolling back a release

If a release misbehaves, redeploy the previous tag with the release tool and then
check the health dashboard until the error rate falls back to normal.
`,
  'src/main/kotlin/Checkout.kt': `package shop.checkout

/** Charges a customer's card for an order. */
class PaymentGateway(private val apiKey: String) {
    fun chargeCard(customerId: Long, cents: Int): Boolean {
        return cents > 0
    }
}
`,
  'lib/response.js': `var res = Object.create(null);
module.exports = res;

/** Clear the cookie with the given name by expiring it. */
res.clearCookie = function clearCookie(name, options) {
  return this.cookie(name, '', Object.assign({ expires: new Date(1) }, options));
};
`,
};

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

let backend: Backend;
let repo: string;
let dataDir: string;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  const chromaDir = tempDir('clew-units-chroma-');
  const data = tempDir('clew-units-data-');
  const tree = tempDir('clew-units-repo-');
  cleanups.push(chromaDir.cleanup, data.cleanup, tree.cleanup);
  const { sidecar, url } = await startSidecar(chromaDir.path);
  cleanups.push(() => sidecar.stop());
  repo = tree.path;
  dataDir = data.path;
  writeTree(repo, TREE);
  backend = openWriter(dataDir, { vectors: { mode: 'external', url } });
  cleanups.push(() => backend.close());
  await call(backend, 'repo:index', { path: repo });
  expect((await call(backend, 'sync:wait', { timeoutMs: 120_000 })).drained).toBe(true);
}, 180_000);

afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function search(query: string, mode: 'semantic' | 'auto', extra: { repo?: string; path?: string; lang?: string; limit?: number } = {}): Promise<SearchHit[]> {
  const { limit, ...filters } = extra;
  return (await call(backend, 'search:query', { query, mode, limit: limit ?? 10, ...filters })).results;
}

const rankOf = (hits: SearchHit[], path: string): number => hits.findIndex((h) => h.path === path);

describe('every file is searchable by meaning', () => {
  it('stores chunk units with their file and lines beside symbol units', () => {
    const db = new Database(join(dataDir, 'clew.db'), { readonly: true });
    try {
      const chunks = db.prepare(`SELECT f.path, u.start_line AS startLine, u.end_line AS endLine FROM text_units u JOIN files f ON f.id = u.file_id WHERE u.kind = 'chunk' ORDER BY f.path, u.start_line`).all();
      expect(chunks).toEqual([
        { path: 'db/schema.sql', startLine: 1, endLine: 11 },
        { path: 'docs/deploying.md', startLine: 1, endLine: 6 },
        { path: 'scripts/backup.sh', startLine: 1, endLine: 7 },
      ]);
      const symbols = db.prepare(`SELECT s.fqn FROM text_units u JOIN symbols s ON s.id = u.symbol_id ORDER BY s.fqn`).pluck().all();
      expect(symbols).toEqual(expect.arrayContaining(['lib/response:res.clearCookie', 'shop.checkout.PaymentGateway', 'shop.checkout.PaymentGateway.chargeCard']));
    } finally {
      db.close();
    }
  });

  it.each([
    ['SQL that creates the tables', 'db/schema.sql'],
    ['nightly backup of the database to s3', 'scripts/backup.sh'],
    ['rolling back a release', 'docs/deploying.md'],
    ['charge the card of a customer', 'src/main/kotlin/Checkout.kt'],
    ['clear cookie', 'lib/response.js'],
  ])('"%s" finds %s in semantic and auto mode', async (query, path) => {
    const semantic = await search(query, 'semantic');
    expect(rankOf(semantic, path), JSON.stringify(semantic.map((h) => h.path))).toBeGreaterThanOrEqual(0);
    expect(rankOf(semantic, path)).toBeLessThan(3);
    const hit = semantic[rankOf(semantic, path)]!;
    expect(hit.line).toBeGreaterThan(0);
    const auto = await search(query, 'auto');
    expect(rankOf(auto, path), JSON.stringify(auto.map((h) => h.path))).toBeGreaterThanOrEqual(0);
    expect(rankOf(auto, path)).toBeLessThan(3);
  }, 30_000);

  it('gives a chunk hit its lines and its text as the snippet', async () => {
    const hit = (await search('SQL that creates the tables', 'semantic')).find((h) => h.path === 'db/schema.sql');
    expect(hit).toMatchObject({ line: 1, endLine: 11, symbol: null });
    expect(hit?.snippet).toContain('table customers');
  });

  it('replaces a changed file\'s chunks and removes the old vectors through tombstones', async () => {
    writeFileSync(join(repo, 'scripts/backup.sh'), '#!/bin/sh\nset -eu\n# Rotate the web server logs and compress the old ones\nlogrotate -f /etc/logrotate.d/nginx\nfind /var/log/nginx -name "*.1" -exec gzip {} +\n');
    await call(backend, 'repo:index', { path: repo });
    expect((await call(backend, 'sync:wait', { timeoutMs: 60_000 })).drained).toBe(true);
    const status = await call(backend, 'status:get', {});
    expect(status.sync.pending).toBe(0);
    const db = new Database(join(dataDir, 'clew.db'), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM text_units u JOIN files f ON f.id = u.file_id WHERE f.path = 'scripts/backup.sh'").pluck().get()).toBe(1);
      expect(db.prepare('SELECT count(*) FROM vector_outbox').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    expect(rankOf(await search('rotate the nginx logs', 'semantic'), 'scripts/backup.sh')).toBe(0);
    // The old chunk's vector is gone: what the script is found by now is its new text only.
    const old = (await search('sqlite3 aws s3 cp gzip nightly', 'semantic', { limit: 20 })).filter((h) => h.path === 'scripts/backup.sh');
    expect(old.map((h) => [h.line, h.endLine])).toEqual([[1, 5]]);
  }, 60_000);
});

describe('filters inside the vector search', () => {
  it('a repo filter returns the small repo\'s hits that post-filtering the nearest neighbours of all repos lost', async () => {
    // A big repo full of near matches for the question, and a small one with a few real answers.
    const big = tempDir('clew-units-big-');
    const small = tempDir('clew-units-small-');
    cleanups.push(big.cleanup, small.cleanup);
    const bigFiles: Record<string, string> = {};
    for (let i = 0; i < 400; i++) bigFiles[`notes/cookie_${i}.md`] = `# Cookie ${i}\n\nClear the cookie jar number ${i} and expire every cookie in it.\n`;
    writeTree(big.path, bigFiles);
    const smallFiles: Record<string, string> = {};
    for (let i = 0; i < 5; i++) smallFiles[`docs/session_${i}.md`] = `# Session ${i}\n\nClear the session cookie ${i} when the user logs out.\n`;
    writeTree(small.path, smallFiles);
    await call(backend, 'repo:index', { path: big.path });
    await call(backend, 'repo:index', { path: small.path });
    expect((await call(backend, 'sync:wait', { timeoutMs: 180_000 })).drained).toBe(true);

    const query = 'clear the cookie';
    // Without a filter the big repo fills the first 80 neighbours: post-filtering those would leave nothing.
    const unfiltered = await search(query, 'semantic', { limit: 80 });
    expect(unfiltered.filter((h) => h.repo === small.path)).toHaveLength(0);
    const filtered = await search(query, 'semantic', { repo: small.path, limit: 10 });
    expect(filtered.map((h) => h.path).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `docs/session_${i}.md`));
    expect(filtered.every((h) => h.repo === small.path)).toBe(true);

    // A folder filter is a condition in the store too (the folders above each file are metadata).
    const inDocs = await search(query, 'semantic', { path: 'docs/**', limit: 10 });
    expect(inDocs.map((h) => h.path)).toEqual(expect.arrayContaining([0, 1, 2, 3, 4].map((i) => `docs/session_${i}.md`)));
    expect(inDocs.every((h) => h.path.startsWith('docs/'))).toBe(true);
    // And a language: the only Kotlin file answers, however far from the question it is.
    const kotlin = await search(query, 'semantic', { lang: 'kotlin', limit: 10 });
    expect(kotlin.length).toBeGreaterThan(0);
    expect(kotlin.every((h) => h.path === 'src/main/kotlin/Checkout.kt')).toBe(true);
  }, 240_000);
});
