// Member uses resolved through light local type inference, through the real Backend and a real SQLite
// file: Go constructors by their declared result (`router := New()`), embedded structs, struct literal
// keys, package imports on their path; Python attributes set in __init__ and reached through a typed
// parameter, a base class or a method's declared result; TypeScript `new`, annotations and return types.
import { describe, expect, it } from 'vitest';
import type { DefinitionHit } from '../../shared/nav.js';
import { call } from '../helpers/backend.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';


const TREE: Record<string, string> = {
  'go.mod': 'module example.com/demo\n\ngo 1.21\n',
  'web/engine.go': `package web

type RouterGroup struct {
	basePath string
}

func (group *RouterGroup) GET(path string) *RouterGroup {
	return group
}

type Engine struct {
	RouterGroup
	trees []string
}

func New() *Engine {
	return &Engine{RouterGroup: RouterGroup{basePath: "/"}}
}

type Param struct {
	Key   string
	Value string
}
`,
  'web/context.go': `package web

type Context struct {
	params []Param
}

func (c *Context) Next() {}

func CreateTestContext() (c *Context, e *Engine) {
	return &Context{}, New()
}
`,
  'web/use.go': `package web

func handle(c *Context) {
	router := New()
	router.GET("/x")
	p := Param{Key: "k", Value: "v"}
	_ = p.Value
	c.Next()
	ctx, _ := CreateTestContext()
	ctx.Next()
}
`,
  'main.go': `package main

import (
	"strings"

	"example.com/demo/web"
)

func main() {
	e := web.New()
	e.GET(strings.TrimSpace(" /y "))
}
`,
  'py/config.py': `class Config(dict):
    def get_int(self, key):
        return int(self[key])
`,
  'py/app.py': `from .config import Config


class Scaffold:
    def __init__(self):
        self.funcs = {}


class Flask(Scaffold):
    def __init__(self, name: str):
        super().__init__()
        self.config = self.make_config()
        self.name = name

    def make_config(self) -> Config:
        return Config()

    def debug(self):
        self.name = "other"
        return self.config.get_int("DEBUG"), self.funcs
`,
  'py/sessions.py': `from .app import Flask


def cookie_name(app: "Flask"):
    return app.config.get_int("SESSION_COOKIE_NAME")


def make():
    app = Flask("x")
    return app.name
`,
  'py/globals.py': `from .app import Flask

current_app: "Flask" = make_proxy()
`,
  'py/views.py': `from . import config as cfg
from .app import Flask as Flask
from .globals import current_app


def view():
    return cfg.Config, current_app.make_config()
`,
  'ts/generic.ts': `import * as parser from './parser';

export interface Box<Item extends parser.Parser> {
  item: Item;
}
export const p = parser.makeParser();
`,
  'ts/spec.ts': `import { expect } from 'vitest';

expect(1).toBe(1);
`,
  'ts/parser.ts': `export class Parser {
  parse(s: string): number {
    return s.length;
  }
}

export function makeParser(): Parser {
  return new Parser();
}
`,
  'ts/use.ts': `import { Parser, makeParser } from './parser';

const a = new Parser();
a.parse('x');
const b = makeParser();
b.parse('y');
export function f(p: Parser): number {
  return p.parse('z');
}
`,
  'ts/members.ts': `import { Parser } from './parser';

export interface Address {
  city: string;
}

export interface User {
  address: Address;
}

export class Repo {
  owner: User;
  parser = new Parser();
  constructor(owner: User) { this.owner = owner; }
  city(): string { return this.owner.address.city + this.parser.parse('r'); }
}

export function cityOf(u: User, r: Repo): string {
  return u.address.city + r.owner.address.city + r.parser.parse('s');
}
`,
  'ts/observable.ts': `export class Subscriber {
  complete(): void {}
}

export class Observable {
  constructor(subscribe?: (this: Observable, subscriber: Subscriber) => void) {}
}

export function operate(init: (source: Observable, subscriber: Subscriber) => void): void {}

export const EMPTY = new Observable((subscriber) => subscriber.complete());
operate(function (source, subscriber) {
  subscriber.complete();
});
`,
};

const where = (hits: DefinitionHit[]): string[] => hits.map((h) => `${h.file}:${h.line} ${h.confidence}`);

describe('navigation through inferred types', () => {
  const index = useIndexedTrees('clew-nav-infer', [TREE]);
  const { repo } = index;
  const def = (path: string, line: number, column: number): Promise<DefinitionHit[]> => call(index.backend, 'nav:def', { repo: repo.path, path, line, column });
  const refs = async (path: string, line: number, column: number): Promise<string[]> =>
    (await call(index.backend, 'nav:refs', { repo: repo.path, position: { repo: repo.path, path, line, column } })).refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.role} ${r.confidence}`);

  it('Go: a method through a constructor\'s declared result and an embedded struct, a typed parameter, a multi-result function', async () => {
    expect(where(await def('web/use.go', 5, 9))).toEqual(['web/engine.go:7 exact']);
    expect(where(await def('web/use.go', 8, 4))).toEqual(['web/context.go:7 exact']);
    expect(where(await def('web/use.go', 10, 6))).toEqual(['web/context.go:7 exact']);
    // Across packages: `e := web.New()`.
    expect(where(await def('main.go', 11, 4))).toEqual(['web/engine.go:7 exact']);
  });

  it('Go: struct literal keys are uses of the type\'s fields, and a package import is found from its path', async () => {
    expect(where(await def('web/use.go', 6, 23))).toEqual(['web/engine.go:22 exact']);
    expect(await refs('web/engine.go', 22, 2)).toEqual(['web/engine.go:22:2 definition exact', 'web/use.go:6:23 reference exact', 'web/use.go:7:8 reference exact']);
    // gopls puts an unaliased package at its import path: its uses are found from there.
    expect(where(await def('main.go', 11, 8))).toEqual(['main.go:4 exact']);
    expect(await refs('main.go', 4, 2)).toEqual(['main.go:4:2 import exact', 'main.go:11:8 reference exact']);
  });

  it('Python: an attribute set in __init__ is found through self, a typed parameter, a constructor call and a base class', async () => {
    expect(where(await def('py/app.py', 20, 21))).toEqual(['py/app.py:12 exact']);
    // `self.config` is a Config (from make_config's declared result): its method is found.
    expect(where(await def('py/app.py', 20, 28))).toEqual(['py/config.py:2 exact']);
    expect(where(await def('py/sessions.py', 5, 16))).toEqual(['py/app.py:12 exact']);
    expect(where(await def('py/sessions.py', 5, 23))).toEqual(['py/config.py:2 exact']);
    expect(where(await def('py/sessions.py', 10, 16))).toEqual(['py/app.py:13 exact']);
    expect(where(await def('py/app.py', 20, 51))).toEqual(['py/app.py:6 exact']);
    // A later assignment is a use of the attribute, and so are uses in other files.
    expect(await refs('py/app.py', 13, 14)).toEqual(['py/app.py:13:14 definition exact', 'py/app.py:19:14 reference exact', 'py/sessions.py:10:16 reference exact']);
  });

  it('Python imports: a module path and a submodule lead to the module file, an aliased name to its definition; an imported annotated variable has its type', async () => {
    expect(where(await def('py/views.py', 2, 6))).toEqual(['py/app.py:1 exact']);
    expect(where(await def('py/views.py', 1, 25))).toEqual(['py/config.py:1 exact']);
    expect(where(await def('py/views.py', 2, 19))).toEqual(['py/app.py:9 exact']);
    expect(where(await def('py/views.py', 7, 36))).toEqual(['py/app.py:15 exact']);
  });

  it('TypeScript: a method through new, a function\'s declared return type and a parameter annotation', async () => {
    expect(where(await def('ts/use.ts', 4, 3))).toEqual(['ts/parser.ts:2 exact']);
    expect(where(await def('ts/use.ts', 6, 3))).toEqual(['ts/parser.ts:2 exact']);
    expect(where(await def('ts/use.ts', 8, 12))).toEqual(['ts/parser.ts:2 exact']);
  });

  it('TypeScript: a member through a property\'s or field\'s declared type, and a field set to a new instance', async () => {
    // \`u.address.city\`: address is declared \`address: Address\`.
    expect(where(await def('ts/members.ts', 19, 20))).toEqual(['ts/members.ts:4 exact']);
    // \`r.owner.address\`: owner is the class's field \`owner: User\`; and a longer path, \`r.owner.address.city\`.
    expect(where(await def('ts/members.ts', 19, 35))).toEqual(['ts/members.ts:8 exact']);
    expect(where(await def('ts/members.ts', 19, 43))).toEqual(['ts/members.ts:4 exact']);
    expect(where(await def('ts/members.ts', 15, 46))).toEqual(['ts/members.ts:4 exact']);
    expect(where(await def('ts/members.ts', 15, 38))).toEqual(['ts/members.ts:8 exact']);
    // \`r.parser.parse\` and \`this.parser.parse\`: parser = new Parser().
    expect(where(await def('ts/members.ts', 19, 59))).toEqual(['ts/parser.ts:2 exact']);
    expect(where(await def('ts/members.ts', 15, 65))).toEqual(['ts/parser.ts:2 exact']);
  });

  it('TypeScript: an untyped parameter of a function passed as an argument has the type the callee gives it', async () => {
    expect(where(await def('ts/observable.ts', 11, 64))).toEqual(['ts/observable.ts:2 exact']);
    expect(where(await def('ts/observable.ts', 13, 14))).toEqual(['ts/observable.ts:2 exact']);
  });

  it('TypeScript: a type parameter of an interface, and a namespace import defined by its module file while its references are its uses', async () => {
    expect(where(await def('ts/generic.ts', 4, 9))).toEqual(['ts/generic.ts:3 exact']);
    expect(where(await def('ts/generic.ts', 1, 13))).toEqual(['ts/parser.ts:1 exact']);
    expect(where(await def('ts/generic.ts', 6, 18))).toEqual(['ts/generic.ts:1 exact']);
    expect(await refs('ts/generic.ts', 1, 13)).toEqual(['ts/generic.ts:3:35 reference exact', 'ts/generic.ts:6:18 reference exact']);
  });

  it('TypeScript: a name imported from a package outside the repo is found at its import, as the TS service answers', async () => {
    expect(where(await def('ts/spec.ts', 3, 1))).toEqual(['ts/spec.ts:1 exact']);
    expect(await refs('ts/spec.ts', 1, 10)).toEqual(['ts/spec.ts:1:10 import exact', 'ts/spec.ts:3:1 call exact']);
  });
});
