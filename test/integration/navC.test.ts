// C navigation through the occurrence pass, the real Backend and a real SQLite file, on a small library: a call goes
// to the function's body in another file (not its prototype in the header), a `static` function stays in its file,
// fields are found through a pointer's declared type (a typedef of a tag, a typedef of an anonymous struct, a
// designated initializer), a plain type name means the typedef and `struct X` the tag, F12 on a prototype goes to the
// body and back, and references of a function or an `extern` variable count its uses in every file, not a same-named
// `static` one's.
import { describe, expect, it } from 'vitest';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { navAsk } from '../helpers/navAsk.js';
import { placeOf as at } from '../helpers/sourcePlace.js';

const HEADER = `#ifndef STACK_H
#define STACK_H
typedef struct Stack Stack;
typedef struct {
  int row;
  int column;
} Point;
Stack *stack_new(void);
int stack_push(Stack *self, Point at);
extern int stack_count;
#endif
`;

const STACK = `#include "stack.h"
#include <stdlib.h>

struct Stack {
  Point *items;
  int size;
};

int stack_count = 0;

static int grow(Stack *self) {
  self->size++;
  return self->size;
}

Stack *stack_new(void) {
  struct Stack *self = calloc(1, sizeof(Stack));
  stack_count++;
  return self;
}

int stack_push(Stack *self, Point at) {
  grow(self);
  self->items[self->size - 1] = at;
  return at.row;
}
`;

const MAIN = `#include "stack.h"

static int grow(int n) { return n * 2; }

int main(void) {
  Stack *s = stack_new();
  Point p = { .row = 1, .column = 2 };
  stack_push(s, p);
  return grow(p.column) + stack_count;
}
`;

// A character type chosen by a build option the repo never turns on: the default build compiles the #else.
const CHARS = `#ifndef CHARS_H
#define CHARS_H
#ifdef WIDE_CHARS
typedef wchar_t Char;
#else
typedef char Char;
#endif
#endif
`;

const USE_CHARS = `#include "chars.h"

Char first(const Char *s) { return s[0]; }
`;

const TREE: Record<string, string> = { 'include/stack.h': HEADER, 'src/stack.c': STACK, 'src/main.c': MAIN, 'include/chars.h': CHARS, 'src/chars.c': USE_CHARS };

describe('C navigation', () => {
  const index = useIndexedTrees('clew-nav-c', [TREE]);
  const { def, refs } = navAsk(index);

  it('a call goes to the body in another file, not the header\'s prototype; a static function stays in its own file', async () => {
    expect(await def('src/main.c', at(MAIN, 6, 'stack_new'))).toEqual(['src/stack.c:16:8 exact', 'include/stack.h:8:8 exact']);
    expect(await def('src/main.c', at(MAIN, 9, 'grow'))).toEqual(['src/main.c:3:12 exact']);
    expect(await def('src/stack.c', at(STACK, 23, 'grow'))).toEqual(['src/stack.c:11:12 exact']);
  });

  it('fields through a pointer\'s or a value\'s declared type: a typedef of a tag, of an anonymous struct, a designated key', async () => {
    // `self->size` in grow: Stack is `typedef struct Stack Stack`, the struct's body is in stack.c.
    expect(await def('src/stack.c', at(STACK, 12, 'size'))).toEqual(['src/stack.c:6:7 exact']);
    // `p.column`, `at.row`: Point is a typedef of an anonymous struct in the header.
    expect(await def('src/main.c', at(MAIN, 9, 'column'))).toEqual(['include/stack.h:6:7 exact']);
    expect(await def('src/stack.c', at(STACK, 25, 'row'))).toEqual(['include/stack.h:5:7 exact']);
    // `{ .row = 1 }`: the initialized type's field.
    expect(await def('src/main.c', at(MAIN, 7, 'row'))).toEqual(['include/stack.h:5:7 exact']);
  });

  it('a plain type name means the typedef, `struct Stack` the tag; an anonymous struct\'s typedef is found at its name', async () => {
    expect(await def('src/main.c', at(MAIN, 6, 'Stack'))).toEqual(['include/stack.h:3:22 exact']);
    expect(await def('src/stack.c', at(STACK, 17, 'Stack'))).toEqual(['src/stack.c:4:8 exact']);
    expect(await def('src/main.c', at(MAIN, 7, 'Point'))).toEqual(['include/stack.h:7:3 exact']);
  });

  it('of two definitions in an #ifdef and its #else, the one the default build compiles comes first', async () => {
    expect(await def('src/chars.c', at(USE_CHARS, 3, 'Char'))).toEqual(['include/chars.h:6:14 exact', 'include/chars.h:4:17 exact']);
  });

  it('F12 on a prototype goes to the body, and on the body to the prototype', async () => {
    expect(await def('include/stack.h', at(HEADER, 9, 'stack_push'))).toEqual(['src/stack.c:22:5 exact']);
    expect(await def('src/stack.c', at(STACK, 22, 'stack_push'))).toEqual(['include/stack.h:9:5 exact']);
  });

  it('references: a function\'s and an extern variable\'s uses in every file, from either declaration; a same-named static function\'s are not counted', async () => {
    const pushUses = ['src/main.c:8:3 call'];
    expect((await refs('include/stack.h', at(HEADER, 9, 'stack_push'))).filter((r) => !r.endsWith('definition'))).toEqual(pushUses);
    expect((await refs('src/stack.c', at(STACK, 22, 'stack_push'))).filter((r) => !r.endsWith('definition'))).toEqual(pushUses);
    expect((await refs('include/stack.h', at(HEADER, 10, 'stack_count'))).filter((r) => !r.endsWith('definition'))).toEqual(['src/main.c:9:27 reference', 'src/stack.c:18:3 reference']);
    expect((await refs('src/stack.c', at(STACK, 11, 'grow'))).filter((r) => !r.endsWith('definition'))).toEqual(['src/stack.c:23:3 call']);
  });
});
