// The code slice: opening a file at a line picks the innermost symbol there and loads its calls;
// the same file is not read again; errors and the newest request win.
import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/result.js';
import type { FileContent } from '../../../shared/types.js';
import { symbolAt } from '../../../renderer/store/code.js';
import { deferred, type FakeHost, installHost, store, symbol } from './fakeHost.js';

const R = '/src/a';
const file = (path: string): FileContent => ({ repo: R, path, language: 'typescript', text: 'class A {}\n', size: 11, truncated: false, binary: false, changedSinceIndex: false });
const OUTLINE = [symbol('a:Service', 1, 40), symbol('a:Service.start', 10, 20), symbol('a:Service.stop', 22, 30)];

describe('code slice', () => {
  let host: FakeHost;
  beforeEach(() => {
    host = installHost({
      'file:read': (req) => ok(file(req.path)),
      'file:outline': () => ok(OUTLINE),
      'deps:symbol': (req) => ok([{ symbol: req.fqn, kind: 'http', target: 'GET /x', client: 'fetch', file: 'a.ts', line: 12, inTest: false }]),
    });
  });

  it('finds the innermost symbol containing a line', () => {
    expect(symbolAt(OUTLINE, 15)?.fqn).toBe('a:Service.start');
    expect(symbolAt(OUTLINE, 21)?.fqn).toBe('a:Service');
    expect(symbolAt(OUTLINE, 41)).toBeNull();
  });

  it('opens a file at a line with its outline, the symbol there and that symbol\'s calls', async () => {
    await store().openAt({ repo: R, path: 'a.ts', line: 12 });
    expect(store().target).toEqual({ repo: R, path: 'a.ts', line: 12 });
    expect(store().file?.path).toBe('a.ts');
    expect(store().outline).toHaveLength(3);
    expect(store().selectedSymbol?.fqn).toBe('a:Service.start');
    expect(store().symbolDeps?.map((d) => d.target)).toEqual(['GET /x']);
    expect(host.calls.find((c) => c.channel === 'deps:symbol')?.req).toEqual({ repo: R, fqn: 'a:Service.start' });
  });

  it('moves within an open file without reading it again', async () => {
    await store().openAt({ repo: R, path: 'a.ts', line: 12 });
    await store().openAt({ repo: R, path: 'a.ts', line: 25 });
    expect(host.channels().filter((c) => c === 'file:read')).toHaveLength(1);
    expect(store().selectedSymbol?.fqn).toBe('a:Service.stop');
    expect(store().target?.line).toBe(25);
  });

  it('shows why a file could not be opened and clears the view', async () => {
    await store().openAt({ repo: R, path: 'a.ts', line: 12 });
    host.answers['file:read'] = () => err('OUTSIDE_REPO', '../etc/passwd leaves the repo');
    await store().openAt({ repo: R, path: '../etc/passwd', line: 1 });
    expect(store()).toMatchObject({ file: null, outline: [], codeError: '../etc/passwd leaves the repo', selectedSymbol: null, symbolDeps: null });
  });

  it('shows no calls, not an error, when a symbol\'s calls cannot be read', async () => {
    host.answers['deps:symbol'] = () => err('INTERNAL', 'boom');
    await store().openAt({ repo: R, path: 'a.ts', line: 12 });
    expect(store().symbolDeps).toEqual([]);
    expect(store().codeError).toBeNull();
  });

  it('keeps the newest file when an older one arrives later', async () => {
    const slow = deferred<FileContent>();
    host.answers['file:read'] = async (req) => ok(req.path === 'old.ts' ? await slow.promise : file(req.path));
    const first = store().openAt({ repo: R, path: 'old.ts', line: 1 });
    await store().openAt({ repo: R, path: 'new.ts', line: 1 });
    slow.resolve(file('old.ts'));
    await first;
    expect(store().file?.path).toBe('new.ts');
  });

  it('closes the file and forgets the selection', async () => {
    await store().openAt({ repo: R, path: 'a.ts', line: 12 });
    store().closeFile();
    expect(store()).toMatchObject({ target: null, file: null, outline: [], selectedSymbol: null, symbolDeps: null, codeError: null });
  });
});
