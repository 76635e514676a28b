// A first index is searchable while it runs: source files are committed first (before tests and docs),
// and an answer given meanwhile says the repo is still being indexed (x of y files).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import type { SearchResponse } from '../../shared/types.js';
import { call, openWriter } from '../helpers/backend.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';

function tree(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 250; i++) {
    // Docs and tests come first by name and by walk order: only the index order can put sources ahead.
    files[`a_docs/guide${i}.md`] = `# Guide ${i}\n\nsharedMarker appears in docs too.\n`;
    files[`a_tests/case${i}.test.ts`] = `import { run${i} } from '../src/mod${i}';\n// sharedMarker in a test\ntest('x', () => run${i}());\n`;
    files[`src/mod${i}.ts`] = `// sharedMarker in source\nexport function run${i}(): number {\n  return ${i};\n}\n`;
  }
  return files;
}

describe('search while indexing', () => {
  let repo: { path: string; cleanup: () => void };
  let data: { path: string; cleanup: () => void };
  let backend: Backend;
  beforeEach(() => {
    repo = tempDir('clew-repo-');
    data = tempDir('clew-data-');
    writeTree(repo.path, tree());
    backend = openWriter(data.path);
  });
  afterEach(async () => {
    await backend.close();
    repo.cleanup();
    data.cleanup();
  });

  it('answers from source files first and says the repo is still indexing', async () => {
    let running = true;
    const indexed = call(backend, 'repo:index', { path: repo.path }).finally(() => { running = false; });
    let first: SearchResponse | null = null;
    while (running && !first) {
      const r = await call(backend, 'search:query', { query: 'sharedMarker', mode: 'keyword', limit: 200 });
      if (r.results.length > 0) first = r;
      else await new Promise((done) => setTimeout(done, 20));
    }
    const report = await indexed;
    expect(first, 'no result before the index finished').not.toBeNull();
    expect(first?.indexing?.[0]?.repo).toBe(repo.path.replace(/\/+$/, ''));
    expect(first?.indexing?.[0]?.filesDone).toBeLessThan(first?.indexing?.[0]?.filesTotal ?? 0);
    expect(first?.results.every((h) => h.path.startsWith('src/'))).toBe(true);
    // Once done, the answer no longer says so, and holds every kind of file.
    const after = await call(backend, 'search:query', { query: 'sharedMarker', mode: 'keyword', limit: 1000 });
    expect(after.indexing).toBeUndefined();
    expect(report.files).toBe(750);
    expect(new Set(after.results.map((h) => h.path.split('/')[0]))).toEqual(new Set(['src', 'a_tests', 'a_docs']));
  });
});
