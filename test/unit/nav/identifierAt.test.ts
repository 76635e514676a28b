import { describe, expect, it } from 'vitest';
import { identifierAt } from '../../../electron/core/nav/identifierAt.js';

describe('identifierAt', () => {
  it('reads the word under a 1-based column, or the one the caret just left', () => {
    expect(identifierAt('    spawn_blocking(move || {', 5, 'rust')).toEqual({ name: 'spawn_blocking', member: false, container: null, path: null, standardLibrary: false });
    expect(identifierAt('    spawn_blocking(move || {', 19, 'rust')?.name).toBe('spawn_blocking');
    expect(identifierAt('    spawn_blocking(', 2, 'rust')).toBeNull();
    expect(identifierAt('x = 42', 5, 'ruby')).toBeNull();
    expect(identifierAt('', 1, null)).toBeNull();
    expect(identifierAt('abc', 9, null)).toBeNull();
  });

  it('says whether it is a member and which path segment contains it', () => {
    expect(identifierAt('use crate::sync::Mutex;', 18, 'rust')).toEqual({ name: 'Mutex', member: false, container: 'sync', path: 'crate::sync', standardLibrary: false });
    expect(identifierAt('$l->log(1);', 5, 'php')).toEqual({ name: 'log', member: true, container: null, path: null, standardLibrary: false });
    expect(identifierAt('use Monolog\\Logger;', 14, 'php')).toEqual({ name: 'Logger', member: false, container: 'Monolog', path: null, standardLibrary: false });
    expect(identifierAt('req.trusted_proxy?(1)', 6, 'ruby')).toEqual({ name: 'trusted_proxy?', member: true, container: null, path: null, standardLibrary: false });
    expect(identifierAt('a != b', 1, 'ruby')?.name).toBe('a');
    expect(identifierAt('größe = 1', 2, 'python')?.name).toBe('größe');
  });

  it('knows a name written after a path into Rust\'s standard library', () => {
    expect(identifierAt('    asyncify(move || std::fs::read(path)).await', 31, 'rust')).toEqual({ name: 'read', member: false, container: 'fs', path: 'std::fs', standardLibrary: true });
    expect(identifierAt('use core::mem::take;', 16, 'rust')?.standardLibrary).toBe(true);
    expect(identifierAt('    ::std::thread::spawn(f)', 21, 'rust')?.standardLibrary).toBe(true);
    // The repo's own paths, a crate named like the library's start, and other languages are not.
    expect(identifierAt('    crate::fs::read(path)', 17, 'rust')?.standardLibrary).toBe(false);
    expect(identifierAt('    mystd::fs::read(path)', 17, 'rust')?.standardLibrary).toBe(false);
    expect(identifierAt('    std::fs::read(path)', 15, 'cpp')?.standardLibrary).toBe(false);
    // Rust's `->` starts a return type; C++'s and PHP's reach a member.
    expect(identifierAt('    pub fn current() -> Handle {', 25, 'rust')?.member).toBe(false);
    expect(identifierAt('p->next', 4, 'cpp')?.member).toBe(true);
  });
});
