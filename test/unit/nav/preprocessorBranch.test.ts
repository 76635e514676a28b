// Which `#ifdef` branch a C definition sits in, and whether the default build leaves it out: options the repo never
// defines are off, the compiler's own (GCC on Linux) are on, header guards and unjudged conditions count as compiled.
import { describe, expect, it } from 'vitest';
import { leftOutByDefault } from '../../../electron/core/nav/preprocessorBranch.js';

/** Whether the first line of `source` that starts with `at` is left out, with `defined` the names the repo defines. */
function leftOut(source: string, at: string, defined: string[] = []): boolean {
  const lines = source.split('\n');
  const line = lines.findIndex((l) => l.startsWith(at)) + 1;
  return leftOutByDefault(line, (n) => lines[n - 1] ?? null, (name) => defined.includes(name));
}

const OPTION = `#ifndef EXTERNAL_H
#define EXTERNAL_H
#ifdef XML_UNICODE /* UTF-16 */
typedef wchar_t XML_Char;
#else
typedef char XML_Char;
#endif
#endif
`;

describe('leftOutByDefault', () => {
  it('an option no file defines is off: its #ifdef branch is left out and its #else compiled; a header guard is compiled', () => {
    expect(leftOut(OPTION, 'typedef wchar_t')).toBe(true);
    expect(leftOut(OPTION, 'typedef char')).toBe(false);
    // Defined somewhere in the repo, the option is taken as on.
    expect(leftOut(OPTION, 'typedef wchar_t', ['XML_UNICODE'])).toBe(false);
    expect(leftOut(OPTION, 'typedef char', ['XML_UNICODE'])).toBe(true);
  });

  it('reads #ifndef, #if defined(X), #if !defined(X), #if 0, nested blocks, and the compiler\'s own names', () => {
    const source = `#if !defined(OS_WIN)
int posix_open;
#else
int win_open;
#endif
#if defined(_WIN32)
#ifdef NESTED
int deep;
#endif
int windows_only;
#endif
#if 0
int switched_off;
#endif
#ifdef __GNUC__
int gcc_only;
#endif
`;
    expect(['int posix_open', 'int win_open', 'int windows_only', 'int switched_off', 'int gcc_only'].map((at) => leftOut(source, at))).toEqual([false, true, true, true, false]);
  });

  it('leaves #elif chains and expressions unjudged (compiled)', () => {
    const source = '#if defined(A) && defined(B)\nint both;\n#elif defined(C)\nint c_only;\n#endif\n';
    expect([leftOut(source, 'int both'), leftOut(source, 'int c_only')]).toEqual([false, false]);
  });
});
