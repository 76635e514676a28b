import { describe, expect, it } from 'vitest';
import { callSites, callsAt } from '../../../electron/core/nav/textCalls.js';

describe('callSites', () => {
  const sites = (text: string) => callSites(text).map(({ name, member }) => ({ name, member }));

  it('finds the names a line calls, members marked, keywords and declarations left out', () => {
    expect(sites('    let mut inner = self.inner.lock().await;')).toEqual([{ name: 'lock', member: true }]);
    expect(sites('if (ready(x)) { return build(y); }')).toEqual([{ name: 'ready', member: false }, { name: 'build', member: false }]);
    expect(sites('pub fn spawn_blocking<F>(f: F) {')).toEqual([]);
    expect(sites('func (c *Context) JSON(code int) {')).toEqual([]);
    expect(sites('    println!("{}", crate::util::fmt(x));')).toEqual([{ name: 'println', member: false }, { name: 'fmt', member: true }]);
    expect(sites('  valid?(x) && save!(y)')).toEqual([{ name: 'valid?', member: false }, { name: 'save', member: false }]);
    // What the line holds before each call, for telling `std::fs::read(` from the repo's `read(`.
    expect(callSites('asyncify(move || std::fs::read(p))').map((c) => c.before)).toEqual(['', 'asyncify(move || std::fs::']);
    // A `!` before the parenthesis: a Rust macro's call.
    expect(callSites('panic!("x"); read(1)').map((c) => `${c.name} ${c.bang}`)).toEqual(['panic true', 'read false']);
  });

  it('tells whether a name at a place is called', () => {
    expect(callsAt('x = spawn_blocking(f)', 4, 'spawn_blocking')).toBe(true);
    expect(callsAt('use crate::blocking::spawn_blocking;', 21, 'spawn_blocking')).toBe(false);
    expect(callsAt('    spawn_blocking (f)', 4, 'spawn_blocking')).toBe(true);
  });
});
