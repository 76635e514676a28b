// Entry points and external calls in test files are left out unless asked for, and marked when they are:
// Flask listed 466 test routes among its 471 entry points.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/backend.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';


const TREE = {
  'app/server.ts': `import express from 'express';
import axios from 'axios';
const app = express();
export function health(req: unknown, res: { send(s: string): void }) { res.send('ok'); }
app.get('/health', health);
export async function rates() { return axios.get('https://rates.example.com/latest'); }
`,
  'tests/test_app.py': `from flask import Flask
import requests

app = Flask(__name__)

@app.route('/only-in-tests')
def fake():
    return requests.get('https://example.com/probe')
`,
  'app/server.test.ts': `import express from 'express';
const app = express();
app.post('/test-only', () => undefined);
`,
};

describe('test rows in entry points and dependencies', () => {
  const index = useIndexedTrees('clew-testrows', [TREE], { timeoutMs: 120_000 });
  const { repo } = index;

  it('leaves test entry points out by default, and marks them when asked', async () => {
    const plain = await call(index.backend, 'entrypoints:list', { repo: repo.path });
    expect(plain.map((e) => e.path)).toEqual(['/health']);
    expect(plain.every((e) => !e.inTest)).toBe(true);
    const all = await call(index.backend, 'entrypoints:list', { repo: repo.path, includeTests: true });
    expect(all.map((e) => [e.path, e.inTest]).sort()).toEqual([['/health', false], ['/only-in-tests', true], ['/test-only', true]]);
  });

  it('leaves calls made in tests out by default, and marks them when asked', async () => {
    const plain = await call(index.backend, 'deps:list', { repo: repo.path });
    expect(plain.calls.map((c) => c.target)).toEqual(['https://rates.example.com/latest']);
    const all = await call(index.backend, 'deps:list', { repo: repo.path, includeTests: true });
    expect(all.calls.map((c) => [c.target, c.inTest]).sort()).toEqual([['https://example.com/probe', true], ['https://rates.example.com/latest', false]]);
  });
});
