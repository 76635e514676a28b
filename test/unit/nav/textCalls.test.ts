import { describe, expect, it } from 'vitest';
import { callSites, callsAt } from '../../../electron/core/nav/textCalls.js';

describe('callSites', () => {
  it('finds the names a line calls, members marked, keywords and declarations left out', () => {
    expect(callSites('    let mut inner = self.inner.lock().await;')).toEqual([{ name: 'lock', member: true }]);
    expect(callSites('if (ready(x)) { return build(y); }')).toEqual([{ name: 'ready', member: false }, { name: 'build', member: false }]);
    expect(callSites('pub fn spawn_blocking<F>(f: F) {')).toEqual([]);
    expect(callSites('func (c *Context) JSON(code int) {')).toEqual([]);
    expect(callSites('    println!("{}", crate::util::fmt(x));')).toEqual([{ name: 'println', member: false }, { name: 'fmt', member: true }]);
    expect(callSites('  valid?(x) && save!(y)')).toEqual([{ name: 'valid?', member: false }, { name: 'save', member: false }]);
  });

  it('tells whether a name at a place is called', () => {
    expect(callsAt('x = spawn_blocking(f)', 4, 'spawn_blocking')).toBe(true);
    expect(callsAt('use crate::blocking::spawn_blocking;', 21, 'spawn_blocking')).toBe(false);
    expect(callsAt('    spawn_blocking (f)', 4, 'spawn_blocking')).toBe(true);
  });
});
