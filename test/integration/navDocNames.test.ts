// Names in TypeScript doc comments, through the occurrence pass, the real Backend and a real SQLite file: `{@link X}`
// goes to X where X is in scope (an import, the module), `@param x` to the parameter of the function below, both count
// as references of what they name (as the TypeScript service counts them), and a link to a name not in scope is no
// guess at a same-named definition elsewhere.
import { describe, expect, it } from 'vitest';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { navAsk } from '../helpers/navAsk.js';
import { placeOf as at } from '../helpers/sourcePlace.js';

const TAKE = `export function take(count: number): number {
  return count;
}
`;

const FIRST = `import { take } from './take';

/**
 * Like {@link take}, but one.
 * @param {number} limit how many to look at
 */
export function first(limit: number): number {
  return take(Math.min(limit, 1));
}
`;

const OTHER = `/**
 * Unlike {@link take}, which this file does not import.
 */
export function other(): number {
  return 0;
}
`;

const TREE: Record<string, string> = { 'package.json': '{"name":"demo"}\n', 'src/take.ts': TAKE, 'src/first.ts': FIRST, 'src/other.ts': OTHER };

describe('names in doc comments', () => {
  const index = useIndexedTrees('clew-nav-doc-names', [TREE]);
  const ask = navAsk(index);
  const { def } = ask;
  const refs = async (path: string, at: [number, number]): Promise<string[]> => (await ask.refs(path, at)).filter((r) => !r.endsWith(' definition'));

  it('`{@link take}` goes to the imported function, `@param limit` to the parameter below', async () => {
    expect(await def('src/first.ts', at(FIRST, 4, 'take'))).toEqual(['src/take.ts:1:17 exact']);
    expect(await def('src/first.ts', at(FIRST, 5, 'limit'))).toEqual(['src/first.ts:7:23 exact']);
  });

  it('both count as references; a link to a name the file does not import names nothing', async () => {
    expect(await refs('src/take.ts', at(TAKE, 1, 'take'))).toEqual(['src/first.ts:1:10 import', 'src/first.ts:4:16 reference', 'src/first.ts:8:10 call']);
    expect(await refs('src/first.ts', at(FIRST, 7, 'limit'))).toEqual(['src/first.ts:5:20 reference', 'src/first.ts:8:24 reference']);
    expect(await def('src/other.ts', at(OTHER, 2, 'take'))).toEqual([]);
  });
});
