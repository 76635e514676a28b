import { describe, expect, it } from 'vitest';
import { expectParentsFirst, get, parentOf, symbolsOf } from './helpers.js';

const CONTROLLER = `package com.acme.web;

import java.util.List;

/**
 * Serves users.
 *
 * @author ops
 */
@RestController
@RequestMapping("/users")
public class UserController extends Base {
  private static final int MAX_PAGE = 100;
  private final UserService service;
  protected int hits, misses;

  public UserController(UserService service) {
    this.service = service;
  }

  /** Finds one user. */
  @GetMapping("/{id}")
  public User get(@PathVariable long id) {
    int local = 1;
    return service.find(id);
  }

  @GetMapping
  public List<User> get(@RequestParam("q") String query,
                        Map<String, List<Integer>> filters) {
    return List.of();
  }

  void varargs(String[] names, int... rest) {}

  static class Page<T> {
    T item;
    public Page(T item) { this.item = item; }
  }

  enum Status { ACTIVE, BLOCKED; boolean on() { return this == ACTIVE; } }

  interface Listener { int LIMIT = 3; void changed(User u); }

  record Pair(String left, String right) {}
}
`;

describe('java symbols', () => {
  it('qualifies by package and class, with parameter types on callables', async () => {
    const symbols = await symbolsOf('java', 'src/main/java/com/acme/web/UserController.java', CONTROLLER);
    expect(symbols.map((s) => `${s.kind} ${s.fqn}`)).toEqual([
      'class com.acme.web.UserController',
      'constant com.acme.web.UserController.MAX_PAGE',
      'field com.acme.web.UserController.service',
      'field com.acme.web.UserController.hits',
      'field com.acme.web.UserController.misses',
      'constructor com.acme.web.UserController.UserController(UserService)',
      'method com.acme.web.UserController.get(long)',
      'method com.acme.web.UserController.get(String,Map)',
      'method com.acme.web.UserController.varargs(String[],int...)',
      'class com.acme.web.UserController.Page',
      'field com.acme.web.UserController.Page.item',
      'constructor com.acme.web.UserController.Page.Page(T)',
      'enum com.acme.web.UserController.Status',
      'constant com.acme.web.UserController.Status.ACTIVE',
      'constant com.acme.web.UserController.Status.BLOCKED',
      'method com.acme.web.UserController.Status.on()',
      'interface com.acme.web.UserController.Listener',
      'constant com.acme.web.UserController.Listener.LIMIT',
      'method com.acme.web.UserController.Listener.changed(User)',
      'class com.acme.web.UserController.Pair',
      'field com.acme.web.UserController.Pair.left',
      'field com.acme.web.UserController.Pair.right',
    ]);
    expectParentsFirst(symbols);
    expect(parentOf(symbols, 'com.acme.web.UserController.Page.Page(T)')).toBe('com.acme.web.UserController.Page');
  });

  it('keeps annotations in modifiers and out of the signature; lines include them', async () => {
    const symbols = await symbolsOf('java', 'UserController.java', CONTROLLER);
    const cls = get(symbols, 'com.acme.web.UserController');
    expect(cls).toMatchObject({
      name: 'UserController',
      startLine: 10,
      endLine: 46,
      parent: null,
      signature: 'public class UserController extends Base',
      doc: 'Serves users.\n\n@author ops',
      modifiers: ['@RestController', '@RequestMapping("/users")', 'public'],
    });
    expect(get(symbols, 'com.acme.web.UserController.get(long)')).toMatchObject({
      startLine: 22,
      endLine: 26,
      signature: 'public User get(@PathVariable long id)',
      doc: 'Finds one user.',
      modifiers: ['@GetMapping("/{id}")', 'public'],
    });
    expect(get(symbols, 'com.acme.web.UserController.get(String,Map)')).toMatchObject({
      startLine: 28,
      endLine: 32,
      signature: 'public List<User> get(@RequestParam("q") String query, Map<String, List<Integer>> filters)',
      doc: null,
      modifiers: ['@GetMapping', 'public'],
    });
    expect(get(symbols, 'com.acme.web.UserController.MAX_PAGE')).toMatchObject({
      signature: 'private static final int MAX_PAGE = 100',
      modifiers: ['private', 'static', 'final'],
    });
  });

  it('starts from the class when there is no package, and skips locals', async () => {
    const symbols = await symbolsOf('java', 'Main.java', 'class Main {\n  public static void main(String[] args) { int x = 1; Runnable r = () -> {}; }\n}\n');
    expect(symbols.map((s) => s.fqn)).toEqual(['Main', 'Main.main(String[])']);
    expect(get(symbols, 'Main.main(String[])').modifiers).toEqual(['public', 'static']);
  });

  it('finds a Javadoc written between the annotations and the declaration', async () => {
    const symbols = await symbolsOf('java', 'A.java', 'class A {\n  @Override\n  /** Renders. */\n  public String toString() { return ""; }\n}\n');
    expect(get(symbols, 'A.toString()')).toMatchObject({ doc: 'Renders.', modifiers: ['@Override', 'public'], signature: 'public String toString()', startLine: 2 });
  });
});
