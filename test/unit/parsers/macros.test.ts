// Symbols that live in macros: Rust `macro_rules!` definitions and items written inside a macro call's
// tokens (which the grammar leaves unparsed), and C function-like `#define`s (a macro-only header's API).
import { describe, expect, it } from 'vitest';
import { get, symbolsOf } from './helpers.js';

const RUST = `/// Forwards every call.
macro_rules! forward_to_any {
    ($($f:ident)*) => { $(fn $f(self) {})* };
}

impl_num! {
    /// Reads one byte.
    pub fn read_u8(&self) -> u8 { 1 }
    struct Cursor { at: usize }
    const LIMIT: usize = 8;
}

pub struct Number;

impl Number {
    forward_to_any! { fn as_str(&self) -> &str { "" } }
}
`;

describe('symbols in macros', () => {
  it('Rust: a macro_rules! definition is a function, named as it is called', async () => {
    const symbols = await symbolsOf('rust', 'src/lib.rs', RUST);
    const macro = get(symbols, 'crate::forward_to_any');
    expect(macro.kind).toBe('function');
    expect(macro.signature).toBe('macro_rules! forward_to_any');
    expect(macro.doc).toBe('Forwards every call.');
  });

  it('Rust: items written inside a macro call are symbols, with signature, doc and line range; metavariables are not', async () => {
    const symbols = await symbolsOf('rust', 'src/lib.rs', RUST);
    const read = get(symbols, 'crate::read_u8');
    expect(read.kind).toBe('function');
    expect(read.signature).toBe('pub fn read_u8(&self) -> u8');
    expect(read.doc).toBe('Reads one byte.');
    expect([read.startLine, read.endLine]).toEqual([8, 8]);
    expect(get(symbols, 'crate::Cursor').kind).toBe('struct');
    expect(get(symbols, 'crate::LIMIT').kind).toBe('constant');
    // Inside an impl block, a function a macro call writes is a method of the type.
    expect(get(symbols, 'crate::Number::as_str').kind).toBe('method');
    expect(symbols.some((s) => s.name.startsWith('$') || s.name === 'f')).toBe(false);
  });

  it('C: a function-like #define is a function; an object-like one stays a constant', async () => {
    const symbols = await symbolsOf('c', 'include/util.h', '#define MAX(a, b) ((a) > (b) ? (a) : (b))\n#define FLAG 1\n');
    expect(symbols.find((s) => s.name === 'MAX')).toMatchObject({ kind: 'function', signature: '#define MAX(a, b)' });
    expect(symbols.find((s) => s.name === 'FLAG')?.kind).toBe('constant');
  });
});
