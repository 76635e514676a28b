// The names a JSDoc comment refers to: `{@link X}` (and its code/plain forms, dotted paths), `@param [{Type}] name`;
// URLs, non-doc comments and `/**` inside a string are not read.
import { describe, expect, it } from 'vitest';
import { jsDocNames } from '../../../electron/engine/parsers/jsDocNames.js';

describe('jsDocNames', () => {
  it('links, dotted links and parameters, with their lines, UTF-16 columns and the comment\'s last line', () => {
    const source = `/**
 * Like {@link take} or {@linkcode Observable.pipe | pipe}, not {@link https://rxjs.dev}; 😀 {@linkplain first}.
 * @param {string} name the name
 * @param [count] how many
 * @returns nothing
 */
function f(name, count) {}
`;
    expect(jsDocNames(source).map((d) => `${d.line}:${d.col} ${d.name}${d.qualifier ? ` q=${d.qualifier}` : ''}${d.param ? ' param' : ''} end=${d.commentEndLine}`)).toEqual([
      '2:16 take end=6', '2:47 pipe q=Observable end=6', '2:106 first end=6', '3:20 name param end=6', '4:12 count param end=6',
    ]);
  });

  it('an unclosed doc comment ends the reading, in one pass over a file of thousands', () => {
    expect(jsDocNames('/** {@link a}\n'.repeat(20_000))).toEqual([]);
    expect(jsDocNames('/** {@link a} */\n/** {@link b}\n').map((d) => d.name)).toEqual(['a']);
  });

  it('reads only doc comments that start their line', () => {
    expect(jsDocNames('// {@link a}\n/* {@link b} */\nconst glob = "src/**/*.ts"; // */ {@link c}\nconst x = 1; /** @param d */\n')).toEqual([]);
  });
});
