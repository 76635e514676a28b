import { describe, expect, it } from 'vitest';
import { absolutePath, cratePackageName, useDeclarations } from '../../../electron/core/nav/rustUses.js';

describe('useDeclarations', () => {
  it('binds each name a use declaration brings in: paths, groups, nesting, self, aliases and globs', () => {
    const { bindings, globs } = useDeclarations([
      'use crate::fs::asyncify;',
      'pub(crate) use crate::io::{AsyncRead, ReadBuf as Buf, util::{copy, self}};',
      'use crate::sync::{self};',
      '    pub use self::join::JoinHandle;',
      'use super::*;',
      'use ::std::sync::Arc;',
      'use crate::runtime::Handle as _;',
      '// use crate::commented::Out;',
      '/* use crate::blocked::Out2; */',
      'cfg_rt! { pub use blocking::spawn_blocking; }',
      'use crate::multi::{',
      '    One,',
      '    Two,',
      '};',
      'fn reuse() { let x = misuse; }',
    ].join('\n'));
    expect(Object.fromEntries(bindings)).toEqual({
      asyncify: 'crate::fs::asyncify',
      AsyncRead: 'crate::io::AsyncRead',
      Buf: 'crate::io::ReadBuf',
      copy: 'crate::io::util::copy',
      util: 'crate::io::util',
      sync: 'crate::sync',
      JoinHandle: 'self::join::JoinHandle',
      Arc: 'std::sync::Arc',
      spawn_blocking: 'blocking::spawn_blocking',
      One: 'crate::multi::One',
      Two: 'crate::multi::Two',
    });
    expect(globs).toEqual(['super']);
  });

  it('keeps what a declaration cut short or malformed bound before it broke off', () => {
    expect(Object.fromEntries(useDeclarations('use crate::{a, ;').bindings)).toEqual({ a: 'crate::a' });
    expect(Object.fromEntries(useDeclarations('use crate::{a, {b}};\nuse ;\nuse x::{y\nuse ::;\nuse a::{*};').bindings)).toEqual({ a: 'crate::a', b: 'crate::b', y: 'x::y' });
  });
});

describe('absolutePath', () => {
  const tokio = { own: 'tokio', dependencies: new Set(['bytes', 'tokio_test']) };
  const unnamed = { own: null, dependencies: new Set<string>() };

  it('makes a written path an FQN of the crate, from the module it is written in', () => {
    expect(absolutePath('crate::fs::asyncify', 'crate::fs::read', tokio)).toBe('crate::fs::asyncify');
    expect(absolutePath('self::join::JoinHandle', 'crate::runtime::task', tokio)).toBe('crate::runtime::task::join::JoinHandle');
    expect(absolutePath('super::super::Handle', 'crate::runtime::task::raw', unnamed)).toBe('crate::runtime::Handle');
    expect(absolutePath('blocking::spawn_blocking', 'crate::task', unnamed)).toBe('crate::task::blocking::spawn_blocking');
    // The crate's own name, as its integration tests write it.
    expect(absolutePath('tokio::sync::Mutex', 'crate::tests::sync_mutex', tokio)).toBe('crate::sync::Mutex');
  });

  it('names nothing of the crate for the standard library, or above its root', () => {
    expect(absolutePath('std::sync::Arc', 'crate::fs', tokio)).toBeNull();
    expect(absolutePath('core::mem::take', 'crate', tokio)).toBeNull();
    expect(absolutePath('super::x', 'crate', tokio)).toBeNull();
    // A dependency's path (`bytes::BufMut`, `tokio_test::task::spawn`), unless written from `self`.
    expect(absolutePath('bytes::BufMut', 'crate::net::udp', tokio)).toBeNull();
    expect(absolutePath('tokio_test::task::spawn', 'crate::fs::file::tests', tokio)).toBeNull();
    expect(absolutePath('self::bytes::X', 'crate::net', tokio)).toBe('crate::net::bytes::X');
  });
});

describe('cratePackageName', () => {
  it('reads [package] name, with hyphens as the code writes them', () => {
    expect(cratePackageName('[package]\nedition = "2018"\nname = "tokio-util"\n\n[dependencies.bytes]\nname = "x"\n')).toBe('tokio_util');
    expect(cratePackageName('[dependencies]\nname = "not-this"\n')).toBeNull();
  });
});
