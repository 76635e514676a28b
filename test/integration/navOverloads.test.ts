// TypeScript overloads through the occurrence pass, the real Backend and a real SQLite file: a call goes to the
// signature its argument count fits (a caller never sees the body's own signature, as the TypeScript service says),
// F12 on a signature goes to the body, and references from any signature or the body count every call.
import { describe, expect, it } from 'vitest';
import type { DefinitionHit } from '../../shared/nav.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { navAsk } from '../helpers/navAsk.js';
import { placeOf as at } from '../helpers/sourcePlace.js';

const PIPE = `export function pipe(): number;
export function pipe<A>(
  op1: (a: number) => A,
): A;
export function pipe<A, B>(op1: (a: number) => A, op2: (a: A) => B, label?: string): B;
export function pipe(...fns: Array<(a: any) => any>): any {
  return fns.reduce((x, f) => f(x), 0);
}

export class Box {
  put(value: string): void;
  put(value: string, at: number): void;
  put(value: string, at?: number): void {
    void value;
    void at;
  }
}
`;

const USE = `import { pipe, Box } from './pipe';

export const one = pipe((a) => a + 1);
export const two = pipe((a) => a + 1, (b) => b * 2);
export const none = pipe();
const box = new Box();
box.put('x', 2);
`;

const TREE: Record<string, string> = { 'package.json': '{"name":"demo"}\n', 'src/pipe.ts': PIPE, 'src/use.ts': USE };

const where = (hits: DefinitionHit[]): string[] => hits.map((h) => `${h.file}:${h.line}:${h.column}`);

describe('TypeScript overloads', () => {
  const index = useIndexedTrees('clew-nav-overloads', [TREE]);
  const ask = navAsk(index);
  const defs = ask.hits;
  const refs = async (path: string, at: [number, number]): Promise<string[]> => (await ask.refs(path, at)).filter((r) => !r.endsWith(' definition'));

  it('a call goes first to the signature its argument count fits, with that signature\'s text; the body comes last', async () => {
    const one = await defs('src/use.ts', at(USE, 3, 'pipe'));
    expect(where(one)).toEqual(['src/pipe.ts:2:17', 'src/pipe.ts:1:17', 'src/pipe.ts:5:17', 'src/pipe.ts:6:17']);
    expect(one[0]?.signature).toBe('export function pipe<A>(');
    expect(one.every((h) => h.confidence === 'exact' && h.fqn === one[0]?.fqn)).toBe(true);
    expect(where(await defs('src/use.ts', at(USE, 4, 'pipe')))[0]).toBe('src/pipe.ts:5:17');
    expect(where(await defs('src/use.ts', at(USE, 5, 'pipe')))[0]).toBe('src/pipe.ts:1:17');
    expect(where(await defs('src/use.ts', at(USE, 7, 'put')))[0]).toBe('src/pipe.ts:12:3');
  });

  it('F12 on a signature goes to the body; references from a signature or the body are every call', async () => {
    expect(where(await defs('src/pipe.ts', at(PIPE, 2, 'pipe')))).toEqual(['src/pipe.ts:6:17']);
    const calls = ['src/use.ts:3:20 call', 'src/use.ts:4:20 call', 'src/use.ts:5:21 call'];
    expect((await refs('src/pipe.ts', at(PIPE, 5, 'pipe'))).filter((r) => r.endsWith('call'))).toEqual(calls);
    expect((await refs('src/pipe.ts', at(PIPE, 6, 'pipe'))).filter((r) => r.endsWith('call'))).toEqual(calls);
  });
});
