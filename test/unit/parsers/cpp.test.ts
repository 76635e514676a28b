import { describe, expect, it } from 'vitest';
import { expectParentsFirst, get, parentOf, symbolsOf } from './helpers.js';

const WIDGET = `#include <string>

#define MAX_WIDGETS 64

namespace ui {
namespace detail {

/// A drawable widget.
class Widget : public Base {
public:
    explicit Widget(int id);
    virtual void draw(const std::string& label, int* out = nullptr) const override;
    void draw(int times);
    static int count;
private:
    int id_;
};

struct Point { int x, y; };

enum class Color { Red, Green };

using Label = std::string;

int clamp(int v, int lo, int hi);

}  // namespace detail
}  // namespace ui

/** Draws it. */
void ui::detail::Widget::draw(const std::string& label, int* out) const {
    int local = 0;
}

ui::detail::Widget::Widget(int id) : id_(id) {}

static const int kLimit = 5;

int main(int argc, char** argv) { return 0; }
`;

describe('cpp symbols', () => {
  it('joins namespaces and classes with ::, parameter types for overloads', async () => {
    const symbols = await symbolsOf('cpp', 'src/ui/widget.cpp', WIDGET);
    expect(symbols.map((s) => `${s.kind} ${s.fqn}`)).toEqual([
      'constant MAX_WIDGETS',
      'namespace ui',
      'namespace ui::detail',
      'class ui::detail::Widget',
      'constructor ui::detail::Widget::Widget(int)',
      'method ui::detail::Widget::draw(const std::string&,int*)',
      'method ui::detail::Widget::draw(int)',
      'field ui::detail::Widget::count',
      'field ui::detail::Widget::id_',
      'struct ui::detail::Point',
      'field ui::detail::Point::x',
      'field ui::detail::Point::y',
      'enum ui::detail::Color',
      'constant ui::detail::Color::Red',
      'constant ui::detail::Color::Green',
      'type ui::detail::Label',
      'function ui::detail::clamp(int,int,int)',
      'constant kLimit',
      'function main(int,char**)',
    ]);
    expectParentsFirst(symbols);
    expect(parentOf(symbols, 'ui::detail::Widget::draw(int)')).toBe('ui::detail::Widget');
  });

  it('attaches an out-of-line definition to its declaration: the body range, the declaration doc as fallback', async () => {
    const symbols = await symbolsOf('cpp', 'src/ui/widget.cpp', WIDGET);
    expect(get(symbols, 'ui::detail::Widget::draw(const std::string&,int*)')).toMatchObject({
      startLine: 31,
      endLine: 33,
      signature: 'void ui::detail::Widget::draw(const std::string& label, int* out) const',
      doc: 'Draws it.',
      modifiers: ['public', 'virtual', 'override'],
    });
    expect(get(symbols, 'ui::detail::Widget::Widget(int)')).toMatchObject({ startLine: 35, endLine: 35, modifiers: ['public', 'explicit'] });
    expect(get(symbols, 'ui::detail::Widget')).toMatchObject({ startLine: 9, endLine: 17, doc: 'A drawable widget.', signature: 'class Widget : public Base' });
    expect(get(symbols, 'ui::detail::Widget::id_').modifiers).toEqual(['private']);
  });

  it('attaches an out-of-line template member to its class template', async () => {
    const symbols = await symbolsOf('cpp', 'box.hpp', 'template <class T> class Box {\n  void set(T v);\n};\ntemplate <class T> void Box<T>::set(T v) {}\n');
    expect(symbols.map((s) => `${s.kind} ${s.fqn} ${s.startLine}-${s.endLine}`)).toEqual(['class Box 1-3', 'method Box::set(T) 4-4']);
    expect(parentOf(symbols, 'Box::set(T)')).toBe('Box');
  });

  it('parses C with the same rules: typedef structs, prototypes then definitions', async () => {
    const symbols = await symbolsOf(
      'c',
      'lib/list.c',
      '#ifndef LIST_H\n#define LIST_H\n// A node.\ntypedef struct node {\n  int value;\n} node_t;\n\nint sum(node_t *head);\n#endif\n\n/* Adds them up. */\nint sum(node_t *head) {\n  return 0;\n}\n',
    );
    expect(symbols.map((s) => `${s.kind} ${s.fqn} ${s.startLine}-${s.endLine}`)).toEqual([
      'struct node 4-6',
      'field node::value 5-5',
      'type node_t 4-6',
      'function sum(node_t*) 12-14',
    ]);
    expect(get(symbols, 'node').doc).toBe('A node.');
    expect(get(symbols, 'sum(node_t*)').doc).toBe('Adds them up.');
  });
});
