// The occurrence pass on realistic snippets: roles, 1-based positions (UTF-16 columns), enclosing symbols,
// qualifiers and imports, per language.
import { describe, expect, it } from 'vitest';
import { OCCURRENCE_ROLES } from '../../../shared/nav.js';
import type { Language } from '../../../shared/types.js';
import { analyzeFile } from '../../../electron/engine/analyze.js';
import type { ParsedImport } from '../../../electron/base/fileAnalysis.js';

/** Each occurrence as `line:col name role [q=qualifier] [in=enclosing fqn]`. */
async function occurrencesOf(language: Language, path: string, source: string): Promise<{ lines: string[]; imports: ParsedImport[] }> {
  const analysis = await analyzeFile(language, path, source);
  const occ = analysis.occurrences;
  if (!occ) throw new Error(`no occurrences for ${language}`);
  const lines: string[] = [];
  for (let i = 0; i < occ.rows.length; i += 6) {
    const [line, col, name, role, symbol, qualifier] = Array.from(occ.rows.subarray(i, i + 6)) as [number, number, number, number, number, number];
    const parts = [`${line}:${col}`, occ.names[name], OCCURRENCE_ROLES[role]];
    if (qualifier >= 0) parts.push(`q=${occ.names[qualifier]}`);
    if (symbol >= 0) parts.push(`in=${analysis.symbols[symbol]?.fqn}`);
    lines.push(parts.join(' '));
  }
  return { lines, imports: occ.imports };
}

describe('occurrences', () => {
  it('TypeScript: imports, definitions, calls through this and a namespace, type uses, UTF-16 columns', async () => {
    const source = `import def, { helper as h } from './util.js';
import * as ns from '../lib';
export { x as y } from './z';
export class Svc extends Base {
  private count = 0;
  run(id: string): Result {
    const é = "😀"; this.count++;
    return ns.go(h(id), { key: é }, def());
  }
}
`;
    const { lines, imports } = await occurrencesOf('typescript', 'src/svc.ts', source);
    expect(lines).toEqual([
      '1:8 def import', '1:25 h import', '2:13 ns import', '3:15 y import',
      '4:14 Svc definition', '4:26 Base reference in=src/svc:Svc',
      '5:11 count definition in=src/svc:Svc',
      '6:3 run definition in=src/svc:Svc', '6:7 id definition in=src/svc:Svc.run', '6:20 Result type in=src/svc:Svc.run',
      // The emoji is two UTF-16 units: `this` starts at column 21, not 20.
      '7:11 é definition in=src/svc:Svc.run', '7:26 count reference q=this in=src/svc:Svc.run',
      '8:12 ns reference in=src/svc:Svc.run', '8:15 go call q=ns in=src/svc:Svc.run', '8:18 h call in=src/svc:Svc.run', '8:20 id reference in=src/svc:Svc.run',
      '8:32 é reference in=src/svc:Svc.run', '8:37 def call in=src/svc:Svc.run',
    ]);
    expect(imports).toEqual([
      { local: 'def', imported: 'default', source: './util.js', line: 1 },
      { local: 'h', imported: 'helper', source: './util.js', line: 1 },
      { local: 'ns', imported: null, source: '../lib', line: 2 },
      { local: 'y', imported: 'x', source: './z', line: 3 },
    ]);
  });

  it('JavaScript: CommonJS require bindings and a recursive call', async () => {
    const source = `const express = require('express');
const { helper, other: renamed } = require('./lib');
function loop(n) { return n ? loop(n - 1) : helper(renamed); }
var etag = require('./utils').compileETag;
`;
    const { lines, imports } = await occurrencesOf('javascript', 'web/a.js', source);
    expect(lines).toEqual([
      '1:7 express import', '2:9 helper import', '2:24 renamed import',
      '3:10 loop definition', '3:15 n definition in=web/a:loop', '3:27 n reference in=web/a:loop', '3:31 loop call in=web/a:loop',
      '3:36 n reference in=web/a:loop', '3:45 helper call in=web/a:loop', '3:52 renamed reference in=web/a:loop',
      '4:5 etag import',
    ]);
    expect(imports.map((i) => `${i.local}<-${i.imported ?? '(module)'}@${i.source}`)).toEqual(['express<-(module)@express', 'helper<-helper@./lib', 'renamed<-other@./lib', 'etag<-compileETag@./utils']);
  });

  it('Python: from-imports, self calls, parameters, loop targets, annotations, a keyword argument as a parameter of the path called', async () => {
    const source = `from .util import helper as h, other
import os.path as osp


class Greeter(Base):
    def greet(self, name: str, times=2):
        for i, j in pairs:
            self.say(h(name), sep=osp.sep)
`;
    const { lines, imports } = await occurrencesOf('python', 'app/greet.py', source);
    expect(lines).toEqual([
      // The module path and an aliased name are occurrences too (pyright answers for both).
      '1:6 .util import', '1:19 helper import', '1:29 h import', '1:32 other import', '2:19 osp import',
      '5:7 Greeter definition', '5:15 Base reference in=app.greet.Greeter',
      '6:9 greet definition in=app.greet.Greeter', '6:15 self definition in=app.greet.Greeter.greet', '6:21 name definition in=app.greet.Greeter.greet',
      // `str` is a built-in type: defined nowhere in the repo, no row.
      '6:32 times definition in=app.greet.Greeter.greet',
      '7:13 i definition in=app.greet.Greeter.greet', '7:16 j definition in=app.greet.Greeter.greet', '7:21 pairs reference in=app.greet.Greeter.greet',
      '8:13 self reference in=app.greet.Greeter.greet', '8:18 say call q=self in=app.greet.Greeter.greet', '8:22 h call in=app.greet.Greeter.greet',
      '8:24 name reference in=app.greet.Greeter.greet', '8:31 sep reference q=(self.say in=app.greet.Greeter.greet', '8:35 osp reference in=app.greet.Greeter.greet', '8:39 sep reference q=osp in=app.greet.Greeter.greet',
    ]);
    expect(imports).toEqual([
      { local: 'h', imported: 'helper', source: '.util', line: 1 },
      { local: 'other', imported: 'other', source: '.util', line: 1 },
      { local: 'osp', imported: null, source: 'os.path', line: 2 },
    ]);
    // A keyword of a call whose callee is no plain path (`make()(…)`) names nothing: no row.
    const unknown = await occurrencesOf('python', 'b.py', 'make()(size=1)\nx.y.z(size=2)\n');
    expect(unknown.lines).toEqual(['1:1 make call', '2:1 x reference', '2:3 y reference q=x', '2:5 z call q=x.y', '2:7 size reference q=(x.y.z']);
  });

  it('Go: package imports, receiver calls, := definitions, a method name enclosed by its type; no rows for built-in types or the blank identifier', async () => {
    const source = `package store

import (
	"fmt"
	r "example.com/demo/render"
)

func (d *DB) Get(key string) string {
	v, ok := d.cache[key]
	_, _ = fmt.Println(r.Render(v), ok)
	return d.load()
}
`;
    const { lines, imports } = await occurrencesOf('go', 'store/db.go', source);
    expect(lines).toEqual([
      // An unaliased package's import occurrence is on its path, where gopls puts the package.
      '4:2 fmt import', '5:2 r import',
      '8:7 d definition q=DB in=store:store.DB.Get', '8:10 DB type in=store:store.DB.Get', '8:14 Get definition', '8:18 key definition in=store:store.DB.Get',
      '9:2 v definition in=store:store.DB.Get', '9:5 ok definition in=store:store.DB.Get', '9:11 d reference in=store:store.DB.Get',
      '9:13 cache reference q=d in=store:store.DB.Get', '9:19 key reference in=store:store.DB.Get',
      '10:9 fmt reference in=store:store.DB.Get', '10:13 Println call q=fmt in=store:store.DB.Get', '10:21 r reference in=store:store.DB.Get',
      '10:23 Render call q=r in=store:store.DB.Get', '10:30 v reference in=store:store.DB.Get', '10:34 ok reference in=store:store.DB.Get',
      '11:9 d reference in=store:store.DB.Get', '11:11 load call q=d in=store:store.DB.Get',
    ]);
    expect(imports).toEqual([
      { local: 'fmt', imported: null, source: 'fmt', line: 4 },
      { local: 'r', imported: null, source: 'example.com/demo/render', line: 5 },
    ]);
  });

  it('Java: imports (static and wildcard), this.field, method invocations with their object, constructor calls, lambdas', async () => {
    const source = `package com.acme;
import static com.acme.util.Text.trim;
import com.acme.util.*;
public class App {
  private int n;
  String go(String s) {
    this.n = Text.len(s);
    return new Box(trim(s)).map(x -> x);
  }
}
`;
    const { lines, imports } = await occurrencesOf('java', 'src/App.java', source);
    expect(lines).toEqual([
      '2:34 trim import',
      '4:14 App definition', '5:15 n definition in=com.acme.App',
      '6:3 String type in=com.acme.App.go(String)', '6:10 go definition in=com.acme.App', '6:13 String type in=com.acme.App.go(String)',
      '6:20 s definition q=String in=com.acme.App.go(String)',
      '7:10 n reference q=this in=com.acme.App.go(String)', '7:14 Text reference in=com.acme.App.go(String)', '7:19 len call q=Text in=com.acme.App.go(String)',
      '7:23 s reference in=com.acme.App.go(String)',
      '8:16 Box call in=com.acme.App.go(String)', '8:20 trim call in=com.acme.App.go(String)', '8:25 s reference in=com.acme.App.go(String)',
      '8:29 map call q=Box in=com.acme.App.go(String)', '8:33 x definition in=com.acme.App.go(String)', '8:38 x reference in=com.acme.App.go(String)',
    ]);
    expect(imports).toEqual([
      { local: 'trim', imported: 'trim', source: 'com.acme.util.Text', line: 2 },
      { local: '*', imported: '*', source: 'com.acme.util', line: 3 },
    ]);
  });

  it('Java: declared types as hints (fields, locals, parameters, var = new), this.field and method-reference receivers, package-qualified types', async () => {
    const source = `class R {
  private final OwnerService svc;
  Object go(OwnerCriteria c, java.util.List<Pet> pets) {
    var m = new Mapper();
    for (Pet p : pets) this.svc.save(p);
    return pets.stream().map(svc::find).map(x -> new org.acme.Failure());
  }
}
`;
    const { lines } = await occurrencesOf('java', 'src/R.java', source);
    expect(lines.filter((l) => l.includes('definition') || l.includes('q='))).toEqual([
      '1:7 R definition', '2:30 svc definition q=OwnerService in=R',
      '3:10 go definition in=R', '3:27 c definition q=OwnerCriteria in=R.go(OwnerCriteria,java.util.List)',
      '3:35 util type q=java in=R.go(OwnerCriteria,java.util.List)', '3:40 List type q=java.util in=R.go(OwnerCriteria,java.util.List)', '3:50 pets definition q=java.util.List in=R.go(OwnerCriteria,java.util.List)',
      '4:9 m definition q=Mapper in=R.go(OwnerCriteria,java.util.List)',
      '5:14 p definition q=Pet in=R.go(OwnerCriteria,java.util.List)', '5:29 svc reference q=this in=R.go(OwnerCriteria,java.util.List)', '5:33 save call q=this.svc in=R.go(OwnerCriteria,java.util.List)',
      '6:17 stream call q=pets in=R.go(OwnerCriteria,java.util.List)', '6:26 map call q=pets.stream() in=R.go(OwnerCriteria,java.util.List)', '6:35 find reference q=svc in=R.go(OwnerCriteria,java.util.List)',
      '6:41 map call q=pets.stream().map() in=R.go(OwnerCriteria,java.util.List)', '6:45 x definition in=R.go(OwnerCriteria,java.util.List)',
      '6:58 acme type q=org in=R.go(OwnerCriteria,java.util.List)', '6:63 Failure type q=org.acme in=R.go(OwnerCriteria,java.util.List)',
    ]);
  });

  it('Java: a call on a call\'s result is qualified by the chain as a path of results', async () => {
    const source = `class C {
  void go() {
    new Mapper().to(1).from(find().x, 2);
  }
}
`;
    const { lines } = await occurrencesOf('java', 'src/C.java', source);
    expect(lines.filter((l) => l.includes(' call'))).toEqual([
      '3:9 Mapper call in=C.go()', '3:18 to call q=Mapper in=C.go()', '3:24 from call q=Mapper.to() in=C.go()', '3:29 find call in=C.go()',
    ]);
  });

  it('Java: an instanceof pattern variable is a definition with its type as hint', async () => {
    const { lines } = await occurrencesOf('java', 'src/D.java', 'class D {\n  void go(Object o) {\n    if (o instanceof Owner owner) owner.run();\n  }\n}\n');
    expect(lines.filter((l) => l.includes('owner') || l.includes('run'))).toEqual(['3:28 owner definition q=Owner in=D.go(Object)', '3:35 owner reference in=D.go(Object)', '3:41 run call q=owner in=D.go(Object)']);
  });

  it('a member of an expression no name stands for is marked q=(), in TypeScript, Python and Go; a longer path is a path', async () => {
    // A path of any length is kept (\`a.b.c\`); a call or a cast in it makes it an expression.
    const ts = await occurrencesOf('typescript', 'a.ts', 'f().x;\na.b.c.y;\n(z as T).w();\nf().g.h;\n');
    expect(ts.lines).toEqual(['1:1 f call', '1:5 x reference q=()', '2:1 a reference', '2:3 b reference q=a', '2:5 c reference q=a.b', '2:7 y reference q=a.b.c',
      '3:2 z reference', '3:7 T type', '3:10 w call q=()', '4:1 f call', '4:5 g reference q=()', '4:7 h reference q=()']);
    const py = await occurrencesOf('python', 'a.py', 'f().x\na.b.c.y\n');
    expect(py.lines).toEqual(['1:1 f call', '1:5 x reference q=()', '2:1 a reference', '2:3 b reference q=a', '2:5 c reference q=a.b', '2:7 y reference q=a.b.c']);
    const go = await occurrencesOf('go', 'a.go', 'package a\n\nfunc g() { _ = f().x; _ = a.b.c.y }\n');
    expect(go.lines).toEqual(['3:6 g definition', '3:16 f call in=.:a.g', '3:20 x reference q=() in=.:a.g', '3:27 a reference in=.:a.g', '3:29 b reference q=a in=.:a.g',
      '3:31 c reference q=a.b in=.:a.g', '3:33 y reference q=a.b.c in=.:a.g']);
  });

  it('type hints on definitions: Go constructors, literals, parameters; struct literal keys as members of their type', async () => {
    const source = `package web

func serve(c *Context, n int) {
	router := New()
	e, err := gin.Default()
	p := &Param{Key: "id", Value: c.Param("id")}
	q := pkg.Pair{Left: n}
	m := map[string]int{key: 1}
	var g RouterGroup
}
`;
    const { lines } = await occurrencesOf('go', 'web/serve.go', source);
    const defs = lines.filter((l) => l.includes('definition') || l.includes('q='));
    expect(defs).toEqual([
      '3:6 serve definition', '3:12 c definition q=Context in=web:web.serve', '3:24 n definition in=web:web.serve',
      '4:2 router definition q=New() in=web:web.serve', '5:2 e definition q=gin.Default() in=web:web.serve', '5:5 err definition in=web:web.serve',
      '5:16 Default call q=gin in=web:web.serve',
      '6:2 p definition q=Param in=web:web.serve', '6:14 Key reference q=Param in=web:web.serve', '6:25 Value reference q=Param in=web:web.serve',
      '6:34 Param call q=c in=web:web.serve',
      '7:2 q definition q=pkg.Pair in=web:web.serve', '7:11 Pair type q=pkg in=web:web.serve', '7:16 Left reference q=pkg.Pair in=web:web.serve',
      '8:2 m definition in=web:web.serve',
      '9:6 g definition q=RouterGroup in=web:web.serve',
    ]);
    // A map literal's key is a value, no field: not kept as a use.
    expect(lines.some((l) => l.startsWith('8:22 key'))).toBe(false);
  });

  it('Go: element types written once, anonymous structs by their lines, range values, and `:=` over a name its block declares', async () => {
    const source = `package web

func serve(err error) {
	tests := []struct {
		name string
	}{{name: "a"}}
	all := map[string]*pkg.Opts{"a": {Help: "x"}}
	for _, tt := range tests {
		x, err := run(tt.name)
		if y, err := run(x); err != nil {
			z, err := run(y)
		}
	}
	a, err := run("")
	b, err := run(a)
	for i, r := range e.Routes() {}
}
`;
    const { lines } = await occurrencesOf('go', 'web/serve.go', source);
    const strip = (l: string): string => l.replace(/ in=\S+$/u, '');
    expect(lines.filter((l) => /^(?:4:2|6:5|7:2|7:36|8:9)\b/u.test(l)).map(strip)).toEqual([
      // The struct's lines stand for it; a map's or slice's hint is its element type.
      '4:2 tests definition q={4-6}', '6:5 name reference q={4-6}', '7:2 all definition q=pkg.Opts', '7:36 Help reference q=pkg.Opts',
      // The range value takes the ranged variable's type.
      '8:9 tt definition q==tests',
    ]);
    // A parameter declares err for the body's block: `:=` there assigns it; a nested block's and an if header's declare their own.
    expect(lines.filter((l) => / err /u.test(l)).map(strip)).toEqual([
      '3:12 err definition', '9:6 err definition', '10:9 err definition', '10:24 err reference', '11:7 err definition', '14:5 err reference', '15:5 err reference',
    ]);
    expect(lines.filter((l) => l.startsWith('16:')).map(strip)).toEqual(['16:6 i definition', '16:9 r definition q=e.Routes()', '16:20 e reference', '16:22 Routes call q=e']);
  });

  it('Python: the first self.x = … in a class defines the attribute, with its hint; later ones use it; typed parameters and constructors give hints', async () => {
    const source = `class Ctx:
    def __init__(self, app: "Flask", req=None):
        self.app = app
        self.stack = ExitStack()
        self.limit: t.Optional[int] = None
        cfg = self.app.make_config()

    def reset(self):
        self.stack = None
        other.x = 1
`;
    const { lines } = await occurrencesOf('python', 'pkg/ctx.py', source);
    expect(lines.filter((l) => /definition|q=/u.test(l) && !l.includes('self definition'))).toEqual([
      '1:7 Ctx definition', '2:9 __init__ definition in=pkg.ctx.Ctx', '2:24 app definition q=Flask in=pkg.ctx.Ctx.__init__', '2:38 req definition in=pkg.ctx.Ctx.__init__',
      '3:14 app definition q=.=app in=pkg.ctx.Ctx.__init__',
      '4:14 stack definition q=.ExitStack() in=pkg.ctx.Ctx.__init__',
      '5:14 limit definition q=. in=pkg.ctx.Ctx.__init__', '5:23 Optional type q=t in=pkg.ctx.Ctx.__init__',
      '6:9 cfg definition q=self.app.make_config() in=pkg.ctx.Ctx.__init__', '6:20 app reference q=self in=pkg.ctx.Ctx.__init__', '6:24 make_config call q=self.app in=pkg.ctx.Ctx.__init__',
      '8:9 reset definition in=pkg.ctx.Ctx',
      '9:14 stack reference q=self in=pkg.ctx.Ctx.reset',
      '10:15 x reference q=other in=pkg.ctx.Ctx.reset',
    ]);
  });

  it('TypeScript: hints from new, annotations and called functions', async () => {
    const source = `function run(store: Store<number>, opt?: Options) {
  const a = new Parser();
  const b: Schema | undefined = make();
  const c = z.object({});
  const d = await load();
}
`;
    const { lines } = await occurrencesOf('typescript', 'src/run.ts', source);
    expect(lines.filter((l) => l.includes('definition'))).toEqual([
      '1:10 run definition', '1:14 store definition q=Store in=src/run:run', '1:36 opt definition q=Options in=src/run:run',
      '2:9 a definition q=Parser in=src/run:run', '3:9 b definition q=Schema in=src/run:run', '4:9 c definition q=z.object() in=src/run:run',
      '5:9 d definition q=load() in=src/run:run',
    ]);
  });

  it('TypeScript: an untyped parameter of a function passed as an argument is hinted by its callee, argument and place', async () => {
    const source = 'new Observable((subscriber) => subscriber.complete());\nrx.operate(function (source, /* c */ sub) {});\nf(1, x => x, (y: T) => y);\ng()((z) => z);\n';
    const { lines } = await occurrencesOf('typescript', 'src/cb.ts', source);
    expect(lines.filter((l) => l.includes('definition'))).toEqual([
      '1:17 subscriber definition q=^Observable:0:0', '2:22 source definition q=^rx.operate:0:0', '2:38 sub definition q=^rx.operate:0:1',
      '3:6 x definition q=^f:1:0', '3:15 y definition q=T', '4:6 z definition',
    ]);
  });

  it('property names the catch-all leaves out keep their rows where no member pattern has them: destructuring keys, namespace paths, `#x in o`, JSX attributes', async () => {
    const ts = await occurrencesOf('typescript', 'a.ts', 'const { a: b } = o;\nnamespace A.B {}\nclass C { #x = 1; has(o: C) { return #x in o; } }\n');
    expect(ts.lines).toEqual(expect.arrayContaining(['1:9 a reference', '2:13 B reference in=a:A.B', '3:11 #x definition in=a:C', '3:38 #x reference in=a:C.has']));
    const bare = (lines: string[]): string[] => lines.map((l) => l.replace(/ in=.*$/u, ''));
    const tsx = await occurrencesOf('tsx', 'a.tsx', 'const v = <Foo bar={1} baz />;\n');
    expect(bare(tsx.lines)).toEqual(['1:7 v definition', '1:12 Foo reference', '1:16 bar reference', '1:24 baz reference']);
    const jsx = await occurrencesOf('javascript', 'a.jsx', 'const v = <Foo bar={1} />;\n');
    expect(bare(jsx.lines)).toEqual(['1:7 v definition', '1:12 Foo reference', '1:16 bar reference']);
    const go = await occurrencesOf('go', 'a.go', 'package a\n\ntype T struct {\n\tName string\n}\n\nfunc (t T) Get() string { return t.Name }\n');
    expect(bare(go.lines)).toEqual(['3:6 T definition', '4:2 Name definition', '7:7 t definition q=T', '7:9 T type', '7:12 Get definition', '7:34 t reference', '7:36 Name reference q=t']);
  });

  it('C: declared types as hints, fields through `->` and `.` paths, tags kept apart by their keyword, designated keys, macros in a parameter\'s place, anonymous enums', async () => {
    const source = `typedef struct Stack Stack;
struct Stack {
  Node *top;
  int size;
};
static int count(Stack *self, const char *UNUSED_P(tag)) {
  Stack s = { .size = 0 };
  self->top->next = (Node) { .value = 1 }.next;
  struct Stack *raw = self;
  return self->size + raw->size;
}
enum { RED, GREEN };
`;
    const { lines } = await occurrencesOf('c', 'stack.c', source);
    const inCount = ' in=count(Stack*,const char*(tag))';
    expect(lines.map((l) => l.replace(inCount, ''))).toEqual([
      // The tag after `struct` carries the keyword: a use of the tag namespace, not of the typedef.
      '1:16 Stack type q=struct in=Stack', '1:22 Stack definition',
      '2:8 Stack definition', '3:3 Node type in=Stack::top', '3:9 top definition q=Node in=Stack#2', '4:7 size definition in=Stack#2',
      '6:12 count definition', '6:18 Stack type', '6:25 self definition q=Stack',
      // `UNUSED_P(tag)` in a parameter's place is a macro called, not a function-typed parameter.
      '6:43 UNUSED_P call', '6:52 tag type',
      '7:3 Stack type', '7:9 s definition q=Stack', '7:16 size reference q=Stack',
      '8:3 self reference', '8:9 top reference q=self', '8:14 next reference q=self.top',
      '8:22 Node type', '8:31 value reference q=Node', '8:43 next reference q=()',
      '9:10 Stack type q=struct', '9:17 raw definition q=Stack', '9:23 self reference',
      '10:10 self reference', '10:16 size reference q=self', '10:23 raw reference', '10:28 size reference q=raw',
      '12:8 RED definition', '12:13 GREEN definition',
    ]);
  });

  it('C++: methods declared in the class and defined out of line, declared types as hints (`leveldb::Slice` → Slice), `this->` paths, `ns::` and `Cls::` qualifiers, `std` left out', async () => {
    const source = `namespace store {
class Arena : public Base {
 public:
  char* Allocate(size_t bytes);
 private:
  Block* head_;
};
char* Arena::Allocate(size_t bytes) {
  Slice key(data_);
  const leveldb::Slice& s = key;
  this->head_->next = nullptr;
  auto it = NewIterator();
  std::max(1, 2);
  return Arena::Helper(bytes);
}
}
`;
    const { lines } = await occurrencesOf('cpp', 'arena.cc', source);
    const inBody = ' in=store::Arena::Allocate(size_t)';
    expect(lines.map((l) => l.replace(inBody, ''))).toEqual([
      '1:11 store definition', '2:7 Arena definition in=store', '2:22 Base type in=store::Arena',
      '4:9 Allocate definition in=store::Arena', '4:25 bytes definition in=store::Arena', '6:3 Block type in=store::Arena::head_', '6:10 head_ definition q=Block in=store::Arena',
      '8:7 Arena type', '8:14 Allocate definition in=store::Arena', '8:30 bytes definition',
      // `Slice key(data_)` reads as a function declaration; inside a body it is a variable built by a constructor.
      '9:3 Slice type', '9:9 key definition q=Slice', '9:13 data_ type',
      '10:9 leveldb type', '10:18 Slice type q=leveldb', '10:25 s definition q=Slice', '10:29 key reference',
      '11:9 head_ reference q=this', '11:16 next reference q=this.head_',
      '12:8 it definition q=NewIterator()', '12:13 NewIterator call',
      '13:8 max call q=std',
      '14:10 Arena type', '14:17 Helper call q=Arena', '14:24 bytes reference',
    ]);
  });

  it('C and C++ text that is broken (cut off, unbalanced, a macro before a brace, NUL bytes) still gives rows and never throws', async () => {
    const broken = ['class A { void f(', 'int main() { x->y.z(); }}}', 'struct S {\n  FOO(x)\n  {\n', '#define\n#define X(', 'a::b::c(', 'typedef struct', '\u0000\u0000int x;',
      'enum { A, B', 'template <class T> T* Cast(', 'void (*cb)(int', 'Slice key(data_', '  ADD_PROPERTY(a, b)\n  ADD_PROPERTY(c, d)\n'];
    for (const language of ['c', 'cpp'] as const) {
      for (const source of broken) {
        const analysis = await analyzeFile(language, `x.${language}`, source);
        expect(analysis.occurrences?.rows.length ?? -1).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('gives no occurrences for a language without rules', async () => {
    expect((await analyzeFile('css', 'a.css', '.btn { color: red; }\n')).occurrences).toBeNull();
  });
});
