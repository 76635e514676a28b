import { describe, expect, it } from 'vitest';
import { expectParentsFirst, get, parentOf, symbolsOf } from './helpers.js';

const LIB = `//! Users.
use std::fmt;

/// A user of the system.
/// Has an id.
#[derive(Debug, Clone)]
pub struct User {
    pub id: u64,
    name: String,
}

pub(crate) const MAX_USERS: usize = 100;
static mut COUNTER: u32 = 0;

pub enum Role { Admin, Guest(u8) }

pub trait Greeter {
    fn greet(&self) -> String;
}

impl User {
    /// Makes a user.
    pub fn new(id: u64) -> Self {
        let local = 1;
        Self { id, name: String::new() }
    }
}

impl fmt::Display for User {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.id)
    }
}

impl<T: Clone> Greeter for Wrapper<T> {
    fn greet(&self) -> String { String::new() }
}

#[get("/users/{id}")]
async fn get_user(id: web::Path<u64>) -> impl Responder {
    ""
}

mod admin {
    pub fn ban() {}
}

mod other;

type Result<T> = std::result::Result<T, Error>;
`;

describe('rust symbols', () => {
  it('names symbols from the crate path, impl methods under their type', async () => {
    const symbols = await symbolsOf('rust', 'src/users/model.rs', LIB);
    expect(symbols.map((s) => `${s.kind} ${s.fqn}`)).toEqual([
      'struct crate::users::model::User',
      'field crate::users::model::User::id',
      'field crate::users::model::User::name',
      'constant crate::users::model::MAX_USERS',
      'constant crate::users::model::COUNTER',
      'enum crate::users::model::Role',
      'constant crate::users::model::Role::Admin',
      'constant crate::users::model::Role::Guest',
      'trait crate::users::model::Greeter',
      'method crate::users::model::Greeter::greet',
      'method crate::users::model::User::new',
      'method crate::users::model::User::fmt',
      'function crate::users::model::get_user',
      'module crate::users::model::admin',
      'function crate::users::model::admin::ban',
      'type crate::users::model::Result',
      // The impl's type is declared elsewhere: its methods come last, under the module.
      'method crate::users::model::Wrapper::greet',
    ]);
    expectParentsFirst(symbols);
    expect(parentOf(symbols, 'crate::users::model::User::fmt')).toBe('crate::users::model::User');
    expect(parentOf(symbols, 'crate::users::model::Wrapper::greet')).toBeNull();
  });

  it('keeps attributes as modifiers and /// lines as doc', async () => {
    const symbols = await symbolsOf('rust', 'src/users/model.rs', LIB);
    expect(get(symbols, 'crate::users::model::User')).toMatchObject({
      startLine: 6,
      endLine: 10,
      signature: 'pub struct User',
      doc: 'A user of the system.\nHas an id.',
      modifiers: ['#[derive(Debug, Clone)]', 'pub'],
    });
    expect(get(symbols, 'crate::users::model::get_user')).toMatchObject({
      startLine: 39,
      endLine: 42,
      signature: 'async fn get_user(id: web::Path<u64>) -> impl Responder',
      modifiers: ['#[get("/users/{id}")]', 'async'],
      doc: null,
    });
    expect(get(symbols, 'crate::users::model::User::new')).toMatchObject({ doc: 'Makes a user.', modifiers: ['pub'], startLine: 23, endLine: 26 });
    expect(get(symbols, 'crate::users::model::MAX_USERS')).toMatchObject({ signature: 'pub(crate) const MAX_USERS: usize = 100', modifiers: ['pub(crate)'] });
  });

  it('maps lib.rs, main.rs and mod.rs to their module', async () => {
    for (const [path, fqn] of [['src/lib.rs', 'crate::f'], ['src/main.rs', 'crate::f'], ['src/net/mod.rs', 'crate::net::f'], ['crates/core/src/io.rs', 'crate::io::f']]) {
      expect((await symbolsOf('rust', path!, 'fn f() {}\n')).map((s) => s.fqn)).toEqual([fqn]);
    }
  });

  it('suffixes colliding names: two impls with the same method', async () => {
    const symbols = await symbolsOf('rust', 'src/lib.rs', 'struct A;\nimpl X for A { fn run(&self) {} }\nimpl Y for A { fn run(&self) {} }\n');
    expect(symbols.map((s) => s.fqn)).toEqual(['crate::A', 'crate::A::run', 'crate::A::run#2']);
  });

  it('declares a trait\'s associated types and the items inside a function\'s body, not its macro calls', async () => {
    const source = [
      'pub trait Dispatch {',
      '    type PollItem;',
      '    fn poll(&mut self) -> Self::PollItem;',
      '}',
      'fn with_budget() {',
      '    struct ResetGuard { prev: u8 }',
      '    impl Drop for ResetGuard { fn drop(&mut self) {} }',
      '    fn local_addr() -> u8 { 1 }',
      '    let guard = ResetGuard { prev: local_addr() };',
      '    assert_eq! { fn_like, 1 }',
      '    quote! { fn generated() {} }',
      '}',
    ].join('\n');
    const symbols = await symbolsOf('rust', 'src/runtime/coop.rs', source);
    expect(symbols.map((s) => `${s.kind} ${s.fqn}:${s.startLine}`)).toEqual([
      'trait crate::runtime::coop::Dispatch:1',
      'type crate::runtime::coop::Dispatch::PollItem:2',
      'method crate::runtime::coop::Dispatch::poll:3',
      'function crate::runtime::coop::with_budget:5',
      'struct crate::runtime::coop::with_budget::ResetGuard:6',
      'field crate::runtime::coop::with_budget::ResetGuard::prev:6',
      'method crate::runtime::coop::with_budget::ResetGuard::drop:7',
      'function crate::runtime::coop::with_budget::local_addr:8',
    ]);
    expectParentsFirst(symbols);
  });

  it('parses the items a cfg_*! macro gates as written in place, nested ones too, keeping every line', async () => {
    const source = [
      'cfg_rt! {',
      '    pub struct Handle { inner: u8 }',
      '',
      '    impl Handle {',
      '        /// The current handle.',
      '        pub fn current() -> Handle { Handle { inner: 0 } }',
      '    }',
      '',
      '    cfg_metrics! {',
      '        impl Handle { pub fn metrics(&self) -> u8 { \'ü\' as u8 } }',
      '    }',
      '}',
      'mod inner {',
      '    cfg_io! { pub(crate) fn io() {} }',
      '}',
      'other_macro! { fn not_unwrapped() {} }',
    ].join('\n');
    const symbols = await symbolsOf('rust', 'src/runtime/handle.rs', source);
    expect(symbols.map((s) => `${s.kind} ${s.fqn}:${s.startLine}`)).toEqual([
      'struct crate::runtime::handle::Handle:2',
      'field crate::runtime::handle::Handle::inner:2',
      'method crate::runtime::handle::Handle::current:6',
      'method crate::runtime::handle::Handle::metrics:10',
      'module crate::runtime::handle::inner:13',
      'function crate::runtime::handle::inner::io:14',
      'function crate::runtime::handle::not_unwrapped:16',
    ]);
    expect(get(symbols, 'crate::runtime::handle::Handle::current')).toMatchObject({ doc: 'The current handle.', signature: 'pub fn current() -> Handle' });
    // Another macro's items are still found by their tokens, and say so.
    expect(get(symbols, 'crate::runtime::handle::not_unwrapped').modifiers).toEqual(['macro']);
  });
});
