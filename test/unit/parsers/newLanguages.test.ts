import { describe, expect, it } from 'vitest';
import { expectParentsFirst, get, parentOf, symbolsOf } from './helpers.js';
import { languageOf, sourceLanguage } from '../../../electron/base/languages.js';

const KOTLIN = `package com.example.shop

import kotlin.math.max

/** A cart of items. */
class Cart(val owner: String) : Base() {
    private val items = mutableListOf<Item>()
    /** Adds an item. */
    fun add(item: Item): Boolean { return items.add(item) }
    companion object {
        fun empty(): Cart = Cart("")
    }
}
interface Repo {
    fun find(id: Long): Cart?
}
object Registry { val all = 1 }
data class Item(val name: String)
enum class Color { RED, GREEN }
fun topLevel(x: Int): Int = x + 1
const val MAX = 10
typealias Carts = List<Cart>
`;

const SCALA = `package com.example.shop

/** A cart. */
class Cart(owner: String) extends Base {
  def add(item: Item): Boolean = true
  val size: Int = 0
}
object Carts {
  def empty(): Cart = new Cart("")
}
trait Repo {
  def find(id: Long): Option[Cart]
}
case class Item(name: String)
enum Color { case Red, Green }
type CartList = List[Cart]
def top(x: Int): Int = x + 1
`;

const SWIFT = `import Foundation

/// A cart of items.
public class Cart: Base {
    var items: [Item] = []
    /// Adds an item.
    func add(_ item: Item) -> Bool { return true }
    init(owner: String) {}
}
struct Item { let name: String }
protocol Repo { func find(id: Int) -> Cart? }
enum Color { case red, green }
extension Cart { func clear() {} }
func topLevel(x: Int) -> Int { return x + 1 }
typealias Carts = [Cart]
`;

const HASKELL = `module Shop.Cart (Cart, add) where

import Data.List (sort)

data Cart = Cart { owner :: String, items :: [Item] }

newtype Item = Item String

-- | Adds an item.
add :: Item -> Cart -> Cart
add i c = c { items = i : items c }
add' = add

class Priced a where
  price :: a -> Int

type Carts = [Cart]
`;

const LUA = `-- Cart module.
local M = {}

--- Adds an item.
function M.add(cart, item)
  table.insert(cart.items, item)
end

function M:clear()
  self.items = {}
end

local function helper(x)
  return x + 1
end

M.size = function(cart) return #cart.items end

return M
`;

const ZIG = `const std = @import("std");

/// A cart of items.
pub const Cart = struct {
    items: std.ArrayList(Item),

    /// Adds an item.
    pub fn add(self: *Cart, item: Item) !void {
        try self.items.append(item);
    }
};

const Color = enum { red, green };

pub fn main() void {}
`;

const C = `#include <stdio.h>

struct cart { int n; };

/** Adds an item. */
int cart_add(struct cart *c, const char *name) {
  return c->n++;
}
`;

const table = (symbols: Array<{ fqn: string; kind: string }>): string[] => symbols.map((s) => `${s.kind} ${s.fqn}`);

describe('symbols in the languages added with prebuilt WASM grammars', () => {
  it('maps the new extensions to their languages', () => {
    expect(['a.kt', 'b.kts', 'c.scala', 'd.swift', 'e.hs', 'f.lua', 'g.zig', 'h.c'].map(languageOf)).toEqual(['kotlin', 'kotlin', 'scala', 'swift', 'haskell', 'lua', 'zig', 'c']);
  });

  it('a `.h` file is C++ when its text says so (a class, a namespace, a template, an access label, a C++ header, std::), else C', () => {
    const cpp = ['namespace leveldb {\n', 'class Arena;\n', 'class DB : public Base {\n', '  class Iter final {\n', 'template <typename T>\nT f();\n',
      'struct S {\n public:\n  int x;\n};\n', '#include <string>\n', 'void f(std::string s);\n', 'using namespace std;\n'];
    expect(cpp.map((text) => sourceLanguage('include/a.h', text))).toEqual(cpp.map(() => 'cpp'));
    const c = ['struct cart { int n; };\ntypedef struct cart cart;\n', '#include <stdio.h>\nint classify(int class_id);\n', '/* a class of errors */\nint e;\n', ''];
    expect(c.map((text) => sourceLanguage('include/a.h', text))).toEqual(c.map(() => 'c'));
    // Only `.h` is read for it: other extensions keep theirs whatever the text.
    expect([sourceLanguage('a.c', 'class X {};'), sourceLanguage('a.hpp', 'int x;'), sourceLanguage('a.ts', 'namespace N {}')]).toEqual(['c', 'cpp', 'typescript']);
  });

  it('Kotlin: package-qualified classes, interfaces, objects, companions, enums, functions, properties, aliases with KDoc', async () => {
    const symbols = await symbolsOf('kotlin', 'src/main/kotlin/Cart.kt', KOTLIN);
    expect(table(symbols)).toEqual([
      'class com.example.shop.Cart', 'property com.example.shop.Cart.items', 'method com.example.shop.Cart.add', 'class com.example.shop.Cart.Companion',
      'method com.example.shop.Cart.Companion.empty', 'interface com.example.shop.Repo', 'method com.example.shop.Repo.find', 'class com.example.shop.Registry',
      'property com.example.shop.Registry.all', 'class com.example.shop.Item', 'enum com.example.shop.Color', 'constant com.example.shop.Color.RED',
      'constant com.example.shop.Color.GREEN', 'function com.example.shop.topLevel', 'constant com.example.shop.MAX', 'type com.example.shop.Carts',
    ]);
    expect(get(symbols, 'com.example.shop.Cart.add')).toMatchObject({ signature: 'fun add(item: Item): Boolean', doc: 'Adds an item.', startLine: 9 });
    expect(get(symbols, 'com.example.shop.Cart')).toMatchObject({ signature: 'class Cart(val owner: String) : Base()', doc: 'A cart of items.', startLine: 6, endLine: 13 });
    expect(parentOf(symbols, 'com.example.shop.Cart.Companion.empty')).toBe('com.example.shop.Cart.Companion');
    expectParentsFirst(symbols);
  });

  it('Scala: classes, objects, traits, enums, defs, vals and type aliases', async () => {
    const symbols = await symbolsOf('scala', 'src/Cart.scala', SCALA);
    expect(table(symbols)).toEqual([
      'class com.example.shop.Cart', 'method com.example.shop.Cart.add', 'property com.example.shop.Cart.size', 'class com.example.shop.Carts',
      'method com.example.shop.Carts.empty', 'trait com.example.shop.Repo', 'method com.example.shop.Repo.find', 'class com.example.shop.Item',
      'enum com.example.shop.Color', 'type com.example.shop.CartList', 'function com.example.shop.top',
    ]);
    expect(get(symbols, 'com.example.shop.Cart')).toMatchObject({ doc: 'A cart.', signature: 'class Cart(owner: String) extends Base' });
    expect(get(symbols, 'com.example.shop.Repo.find').signature).toBe('def find(id: Long): Option[Cart]');
  });

  it('Swift: classes, structs, protocols, enums, extension members under their type, initializers', async () => {
    const symbols = await symbolsOf('swift', 'Sources/Shop/Cart.swift', SWIFT);
    expect(table(symbols)).toEqual([
      'class Sources/Shop/Cart:Cart', 'property Sources/Shop/Cart:Cart.items', 'method Sources/Shop/Cart:Cart.add', 'constructor Sources/Shop/Cart:Cart.init',
      'struct Sources/Shop/Cart:Item', 'property Sources/Shop/Cart:Item.name', 'interface Sources/Shop/Cart:Repo', 'method Sources/Shop/Cart:Repo.find',
      'enum Sources/Shop/Cart:Color', 'constant Sources/Shop/Cart:Color.red', 'method Sources/Shop/Cart:Cart.clear', 'function Sources/Shop/Cart:topLevel',
      'type Sources/Shop/Cart:Carts',
    ]);
    expect(get(symbols, 'Sources/Shop/Cart:Cart.add')).toMatchObject({ signature: 'func add(_ item: Item) -> Bool', doc: 'Adds an item.' });
    expect(get(symbols, 'Sources/Shop/Cart:Cart').modifiers).toEqual(['public']);
    expect(parentOf(symbols, 'Sources/Shop/Cart:Cart.clear')).toBe('Sources/Shop/Cart:Cart');
  });

  it('Haskell: a function is its signature and equations, with Haddock docs; data, newtypes, classes', async () => {
    const symbols = await symbolsOf('haskell', 'src/Shop/Cart.hs', HASKELL);
    expect(table(symbols)).toEqual([
      'type Shop.Cart.Cart', 'type Shop.Cart.Item', 'function Shop.Cart.add', "function Shop.Cart.add'", 'interface Shop.Cart.Priced', 'method Shop.Cart.Priced.price', 'type Shop.Cart.Carts',
    ]);
    expect(get(symbols, 'Shop.Cart.add')).toMatchObject({ signature: 'add :: Item -> Cart -> Cart', doc: 'Adds an item.', startLine: 10, endLine: 11 });
  });

  it('Lua: module functions, methods, local functions and functions assigned to fields', async () => {
    const symbols = await symbolsOf('lua', 'lua/cart.lua', LUA);
    expect(table(symbols)).toEqual(['function lua/cart:M.add', 'method lua/cart:M.clear', 'function lua/cart:helper', 'function lua/cart:M.size']);
    expect(get(symbols, 'lua/cart:M.add')).toMatchObject({ signature: 'function M.add(cart, item)', doc: 'Adds an item.', startLine: 5, endLine: 7 });
  });

  it('Zig: container bindings as structs and enums with their fields and methods; imports are not symbols', async () => {
    const symbols = await symbolsOf('zig', 'src/cart.zig', ZIG);
    expect(table(symbols)).toEqual(['struct src/cart:Cart', 'field src/cart:Cart.items', 'method src/cart:Cart.add', 'enum src/cart:Color', 'field src/cart:Color.red', 'field src/cart:Color.green', 'function src/cart:main']);
    expect(get(symbols, 'src/cart:Cart.add')).toMatchObject({ signature: 'pub fn add(self: *Cart, item: Item) !void', doc: 'Adds an item.', modifiers: ['pub'] });
  });

  it('C: parsed by the C grammar, not as C++', async () => {
    const symbols = await symbolsOf('c', 'src/cart.c', C);
    expect(table(symbols)).toEqual(['struct cart', 'field cart::n', 'function cart_add(struct cart*,const char*)']);
    expect(get(symbols, 'cart_add(struct cart*,const char*)')).toMatchObject({ doc: 'Adds an item.', signature: 'int cart_add(struct cart *c, const char *name)' });
  });
});
