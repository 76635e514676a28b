// A small multi-language tree for the navigation verbs: imports across files, same-named functions in
// two packages (one imported: exact; one not: a candidate), methods through this/self/a Go receiver,
// a cycle a → b → a, and an HTTP route whose handler calls into another file.
export const NAV_TREE: Record<string, string> = {
  'ts/util.ts': `export function helper(x: number): number {
  return x + 1;
}
`,
  'ts/other/util.ts': `export function helper(y: string): string {
  return y;
}
`,
  'ts/main.ts': `import { helper } from './util';
import * as other from './other/util';

export class Service {
  run(): number {
    return this.step();
  }

  step(): number {
    return helper(1) + other.helper('a').length;
  }
}

export function ping(): void {
  pong();
}

export function pong(): void {
  ping();
}
`,
  'ts/shapes.ts': `export interface Shape {
  size: number;
}

export const Shape = {
  of(size: number): Shape {
    return { size };
  },
};

export function make(): Shape {
  return Shape.of(1);
}
`,
  'ts/loose.ts': `export function guess(): number {
  return helper(2);
}
`,
  'py/pkg/tools.py': `def helper(x):
    return x
`,
  'py/other/tools.py': `def helper(x):
    return x * 2


def get(url):
    return url


def helper2():
    return 2
`,
  'py/edge.py': `from requests import get
from pkg.tools import helper2


def run():
    get("x")
    helper2()
`,
  'py/app.py': `from pkg.tools import helper


class Greeter:
    def greet(self):
        return self.name()

    def name(self):
        return helper("n")


def ping():
    pong()


def pong():
    ping()
`,
  'go.mod': `module example.com/demo

go 1.21
`,
  'store/store.go': `package store

type DB struct{}

func Open() *DB {
	return &DB{}
}

func (d *DB) Get() string {
	return d.load()
}

func (d *DB) load() string {
	return ""
}
`,
  'cache/store.go': `package cache

func Open() int {
	return 1
}
`,
  'main.go': `package main

import "example.com/demo/store"

func main() {
	db := store.Open()
	db.Get()
	run()
}

func run() {
	main()
}
`,
  'src/main/java/com/acme/util/Text.java': `package com.acme.util;

public class Text {
  public static String trim(String s) {
    return s.trim();
  }
}
`,
  'src/main/java/com/acme/App.java': `package com.acme;

import com.acme.util.Text;

public class App {
  String go(String s) {
    return Text.trim(this.echo(s));
  }

  String echo(String s) {
    return s;
  }
}
`,
  'web/server.js': `const express = require('express');
const { helper } = require('./lib');
const app = express();

function showOwner(req, res) {
  res.send(String(helper(req.params.id)));
}

app.get('/owners/:id', showOwner);
`,
  'web/lib.js': `function helper(id) {
  return fetch('https://api.example.com/owners/' + id);
}

module.exports = { helper };
`,
};
