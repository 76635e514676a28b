// The navigation slice: jumps are remembered from where the cursor was, back/forward walk them and a
// new jump drops the forward list; go to definition opens one answer at its column (or the body of one
// function declared apart), offers a picker for several and says so briefly for none; references keep the Backend's answer.
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/result.js';
import type { DefinitionHit } from '../../../shared/nav.js';
import type { FileContent } from '../../../shared/types.js';
import { type FakeHost, installHost, store } from './fakeHost.js';

const R = '/src/a';
const file = (path: string): FileContent => ({ repo: R, path, language: 'typescript', text: 'x\n'.repeat(50), size: 100, truncated: false, binary: false, changedSinceIndex: false });
const hit = (file: string, line: number): DefinitionHit => ({ fqn: `${file}:f`, name: 'f', kind: 'function', repo: R, file, line, column: 17, endLine: line + 2, signature: 'function f()', doc: null, confidence: 'candidate' });
const at = { repo: R, path: 'a.ts', line: 3, column: 5 };

describe('navigation slice', () => {
  let host: FakeHost;
  beforeEach(() => {
    host = installHost({
      'file:read': (req) => ok(file(req.path)),
      'file:outline': () => ok([]),
      'nav:def': () => ok([hit('b.ts', 7)]),
      'nav:refs': () => ok({ targets: [hit('b.ts', 7)], refs: [], truncated: false }),
    });
  });

  it('remembers the cursor\'s line before each jump and walks back and forward', async () => {
    await store().openAt({ repo: R, path: 'a.ts', line: 1 });
    store().setCursorLine(12);
    await store().openAt({ repo: R, path: 'b.ts', line: 7 });
    store().setCursorLine(9);
    await store().openAt({ repo: R, path: 'c.ts', line: 2 });
    expect(store().back).toEqual([{ repo: R, path: 'a.ts', line: 12 }, { repo: R, path: 'b.ts', line: 9 }]);

    store().setCursorLine(2);
    await store().goBack();
    expect(store().target).toEqual({ repo: R, path: 'b.ts', line: 9, focus: true });
    expect(store().forward).toEqual([{ repo: R, path: 'c.ts', line: 2 }]);
    await store().goForward();
    expect(store().target).toEqual({ repo: R, path: 'c.ts', line: 2, focus: true });

    await store().goBack();
    await store().openAt({ repo: R, path: 'd.ts', line: 1 });
    expect(store().forward).toEqual([]);
    expect(store().back.map((t) => t.path)).toEqual(['a.ts', 'b.ts']);
  });

  it('does nothing at either end of the history', async () => {
    await store().goBack();
    await store().goForward();
    expect(store().target).toBeNull();
    expect(host.channels()).toEqual([]);
  });

  it('opens a single definition at its line and column', async () => {
    await store().openAt({ repo: R, path: 'a.ts', line: 3 });
    await store().goToDefinition(at, 'f');
    expect(host.calls.find((c) => c.channel === 'nav:def')?.req).toEqual(at);
    expect(store().target).toEqual({ repo: R, path: 'b.ts', line: 7, column: 17, focus: true });
    expect(store().picker).toBeNull();
  });

  it('offers a picker for several definitions and a message for none', async () => {
    host.answers['nav:def'] = () => ok([hit('b.ts', 7), hit('c.ts', 1)]);
    await store().goToDefinition(at, 'f');
    expect(store().picker?.map((h) => h.file)).toEqual(['b.ts', 'c.ts']);
    await store().openDefinition(store().picker?.[1] as DefinitionHit);
    expect(store().picker).toBeNull();
    expect(store().target?.path).toBe('c.ts');

    host.answers['nav:def'] = () => ok([]);
    await store().goToDefinition(at, 'const');
    expect(store().message).toEqual({ text: 'No definition found for const', kind: 'info' });
    expect(store().target?.path).toBe('c.ts');
  });

  it('opens the first of one function\'s body and declarations (one name, all exact) instead of a picker', async () => {
    const body: DefinitionHit = { ...hit('src/arena.cc', 7), fqn: 'store::Arena::Allocate(size_t)', kind: 'method', confidence: 'exact' };
    const declaration: DefinitionHit = { ...body, file: 'include/arena.h', line: 10 };
    host.answers['nav:def'] = () => ok([body, declaration]);
    await store().goToDefinition(at, 'Allocate');
    expect(store().picker).toBeNull();
    expect(store().target).toEqual({ repo: R, path: 'src/arena.cc', line: 7, column: 17, focus: true });
    // Two exact definitions of different things still ask.
    host.answers['nav:def'] = () => ok([body, { ...declaration, fqn: 'store::Pool::Allocate(size_t)' }]);
    await store().goToDefinition(at, 'Allocate');
    expect(store().picker?.map((h) => h.file)).toEqual(['src/arena.cc', 'include/arena.h']);
  });

  it('keeps the references answer under the name it resolved to', async () => {
    await store().findReferences(at, 'f');
    expect(store().references).toEqual({ label: 'f', answer: { targets: [hit('b.ts', 7)], refs: [], truncated: false }, error: null });
    expect(host.calls.find((c) => c.channel === 'nav:refs')?.req).toEqual({ repo: R, position: at, limit: 500 });
  });
});
