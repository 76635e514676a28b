import { describe, expect, it } from 'vitest';
import { identifierAt } from '../../../electron/core/nav/identifierAt.js';

describe('identifierAt', () => {
  it('reads the word under a 1-based column, or the one the caret just left', () => {
    expect(identifierAt('    spawn_blocking(move || {', 5, 'rust')).toEqual({ name: 'spawn_blocking', member: false, container: null });
    expect(identifierAt('    spawn_blocking(move || {', 19, 'rust')?.name).toBe('spawn_blocking');
    expect(identifierAt('    spawn_blocking(', 2, 'rust')).toBeNull();
    expect(identifierAt('x = 42', 5, 'ruby')).toBeNull();
    expect(identifierAt('', 1, null)).toBeNull();
    expect(identifierAt('abc', 9, null)).toBeNull();
  });

  it('says whether it is a member and which path segment contains it', () => {
    expect(identifierAt('use crate::sync::Mutex;', 18, 'rust')).toEqual({ name: 'Mutex', member: false, container: 'sync' });
    expect(identifierAt('$l->log(1);', 5, 'php')).toEqual({ name: 'log', member: true, container: null });
    expect(identifierAt('use Monolog\\Logger;', 14, 'php')).toEqual({ name: 'Logger', member: false, container: 'Monolog' });
    expect(identifierAt('req.trusted_proxy?(1)', 6, 'ruby')).toEqual({ name: 'trusted_proxy?', member: true, container: null });
    expect(identifierAt('a != b', 1, 'ruby')?.name).toBe('a');
    expect(identifierAt('größe = 1', 2, 'python')?.name).toBe('größe');
  });
});
