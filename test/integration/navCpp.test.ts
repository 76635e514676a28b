// C++ navigation through the occurrence pass, the real Backend and a real SQLite file, on a small library: a header
// named `.h` is read as C++ by its text (and a C one as C), a method called on a variable goes to its body written out
// of line in another file (then its declaration in the class), a bare name inside `void Cls::m() {…}` is a member of
// Cls, `ns::Type` is found inside the namespace, a class whose body calls macros as whole lines (`ADD_PROPERTY(int,
// rows)`) still parses and the members they make are found, a `TEST(Fixture, Name)` body reaches the fixture's members,
// F12 goes between a method's declaration and its body, and references count uses through either.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/backend.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { navAsk } from '../helpers/navAsk.js';
import { placeOf as at } from '../helpers/sourcePlace.js';

const ARENA_H = `#ifndef ARENA_H_
#define ARENA_H_
#include <vector>

namespace store {

class Arena {
 public:
  Arena();
  char* Allocate(size_t bytes);
  size_t MemoryUsage() const { return usage_; }

 private:
  char* AllocateFallback(size_t bytes);
  std::vector<char*> blocks_;
  size_t usage_;
};

}  // namespace store
#endif
`;

const ARENA_CC = `#include "store/arena.h"

namespace store {

Arena::Arena() : usage_(0) {}

char* Arena::Allocate(size_t bytes) {
  usage_ += bytes;
  return AllocateFallback(bytes);
}

char* Arena::AllocateFallback(size_t bytes) {
  char* result = new char[bytes];
  blocks_.push_back(result);
  return result;
}

}  // namespace store
`;

const TABLE_H = `#include "store/arena.h"
#include "macros.h"

namespace store {

class Table {
 public:
  explicit Table(Arena* arena) : arena_(arena) {}
  ADD_PROPERTY(int, rows)
  ADD_PROPERTY(int, columns)
  char* Grow(size_t n) { return arena_->Allocate(n); }

 private:
  Arena* arena_;
};

}  // namespace store
`;

const MACROS_H = '#define ADD_PROPERTY(type, name) type name##_; type name() const { return name##_; }\n';

const MAIN_CC = `#include "table.h"

int main() {
  store::Arena arena;
  store::Table table(&arena);
  char* p = arena.Allocate(16);
  return table.Grow(4) != p;
}
`;

const TEST_CC = `#include "store/arena.h"

namespace store {

class ArenaTest {
 public:
  Arena arena_;
};

TEST(ArenaTest, Empty) {
  ASSERT_EQ(0, arena_.MemoryUsage());
}

}  // namespace store
`;

const REPORT_CC = `#include "table.h"

int report(store::Table* table) {
  return table->rows() + table->columns();
}
`;

const TREE: Record<string, string> = {
  'include/store/arena.h': ARENA_H, 'include/cart.h': 'struct cart {\n  int n;\n};\nint cart_add(struct cart *c);\n', 'src/arena.cc': ARENA_CC, 'src/table.h': TABLE_H, 'src/macros.h': MACROS_H, 'src/main.cc': MAIN_CC, 'src/arena_test.cc': TEST_CC, 'src/report.cc': REPORT_CC,
};

describe('C++ navigation', () => {
  const index = useIndexedTrees('clew-nav-cpp', [TREE]);
  const { repo } = index;
  const ask = navAsk(index);
  const { def } = ask;
  const refs = async (path: string, at: [number, number]): Promise<string[]> => (await ask.refs(path, at)).filter((r) => !r.endsWith(' definition'));

  it('a header named .h is read as C++ when its text is (its namespace, class and members are symbols), and a C header stays C', async () => {
    const outline = async (path: string): Promise<string[]> => (await call(index.backend, 'file:outline', { repo: repo.path, path })).map((s) => `${s.kind} ${s.fqn}`);
    expect(await outline('include/store/arena.h')).toEqual(['namespace store', 'class store::Arena', 'constructor store::Arena::Arena()', 'method store::Arena::Allocate(size_t)',
      'method store::Arena::MemoryUsage()', 'method store::Arena::AllocateFallback(size_t)', 'field store::Arena::blocks_', 'field store::Arena::usage_']);
    expect(await outline('include/cart.h')).toEqual(['struct cart', 'field cart::n', 'function cart_add(struct cart*)']);
    const languages = (await call(index.backend, 'search:query', { query: 'cart', mode: 'keyword', repo: repo.path })).results.map((h) => `${h.path} ${h.language}`);
    expect(new Set(languages)).toEqual(new Set(['include/cart.h c']));
  });

  it('a method called on a variable goes to its body out of line in another file, then its declaration in the class', async () => {
    expect(await def('src/main.cc', at(MAIN_CC, 6, 'Allocate'))).toEqual(['src/arena.cc:7:14 exact', 'include/store/arena.h:10:9 exact']);
    // Through a field's declared type inside an inline method: `arena_->Allocate(n)`.
    expect((await def('src/table.h', at(TABLE_H, 11, 'Allocate')))[0]).toBe('src/arena.cc:7:14 exact');
  });

  it('inside `Cls::m() {…}` a bare name is a member of Cls; `ns::Type` is the namespace\'s type', async () => {
    expect((await def('src/arena.cc', at(ARENA_CC, 9, 'AllocateFallback')))[0]).toBe('src/arena.cc:12:14 exact');
    expect(await def('src/arena.cc', at(ARENA_CC, 14, 'blocks_'))).toEqual(['include/store/arena.h:15:22 exact']);
    expect(await def('src/arena.cc', at(ARENA_CC, 8, 'usage_'))).toEqual(['include/store/arena.h:16:10 exact']);
    expect(await def('src/main.cc', at(MAIN_CC, 4, 'Arena'))).toEqual(['include/store/arena.h:7:7 exact']);
  });

  it('a class whose body calls macros as whole lines still parses: its members are symbols and found', async () => {
    const outline = (await call(index.backend, 'file:outline', { repo: repo.path, path: 'src/table.h' })).map((s) => `${s.kind} ${s.fqn}`);
    expect(outline).toEqual(expect.arrayContaining(['class store::Table', 'method store::Table::Grow(size_t)', 'field store::Table::arena_']));
    expect(await def('src/main.cc', at(MAIN_CC, 7, 'Grow'))).toEqual(['src/table.h:11:9 exact']);
  });

  it('a member a macro makes (`ADD_PROPERTY(int, rows)` in the class body) is found at that call', async () => {
    expect(await def('src/report.cc', at(REPORT_CC, 4, 'rows'))).toEqual([`src/table.h:${at(TABLE_H, 9, 'rows').join(':')} exact`]);
    expect(await def('src/report.cc', at(REPORT_CC, 4, 'columns'))).toEqual([`src/table.h:${at(TABLE_H, 10, 'columns').join(':')} exact`]);
  });

  it('a `TEST(Fixture, Name)` body reaches the fixture\'s members', async () => {
    expect(await def('src/arena_test.cc', at(TEST_CC, 11, 'arena_'))).toEqual(['src/arena_test.cc:7:9 exact']);
  });

  it('a call tree lists a method declared in its class and defined out of line once, at its body', async () => {
    const tree = await call(index.backend, 'nav:callees', { repo: repo.path, fqn: 'main()', depth: 1 });
    expect(tree?.children.map((c) => `${c.fqn} ${c.file}:${c.line} ${c.confidence}`)).toEqual([
      'store::Arena::Allocate(size_t) src/arena.cc:7 exact', 'store::Table::Grow(size_t) src/table.h:11 exact',
    ]);
  });

  it('F12 goes from a method\'s declaration to its body and back; references count uses reaching either', async () => {
    expect(await def('include/store/arena.h', at(ARENA_H, 10, 'Allocate'))).toEqual(['src/arena.cc:7:14 exact']);
    expect(await def('src/arena.cc', at(ARENA_CC, 7, 'Allocate'))).toEqual(['include/store/arena.h:10:9 exact']);
    const uses = ['src/main.cc:6:19 call', 'src/table.h:11:41 call'];
    expect(await refs('include/store/arena.h', at(ARENA_H, 10, 'Allocate'))).toEqual(uses);
    expect(await refs('src/arena.cc', at(ARENA_CC, 7, 'Allocate'))).toEqual(uses);
  });
});
