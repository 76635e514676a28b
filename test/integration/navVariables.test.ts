// Variables as Go and Python scope them, and the types written once for many values, through the occurrence pass,
// the real Backend and a real SQLite file: a Go test table's anonymous struct (its literal keys and the range
// variable's fields), a `:=` that assigns an `err` its block already declares, an `if err := …` header's variable
// that is gone after its statement, keys of a literal whose element type is
// written once (`[]pkg.T{{…}}`), a defined type's fields (`type CounterOpts Opts`), a range over a function's slice
// result; a Python local assigned twice in one function, whose references are all of its uses, and a keyword argument
// as the parameter of what is called.
import { describe, expect, it } from 'vitest';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { navAsk } from '../helpers/navAsk.js';
import { placeOf as at } from '../helpers/sourcePlace.js';

const OPTS = `package metrics

type Opts struct {
	Name string
	Help string
}

type CounterOpts Opts

type SummaryOpts struct {
	Help string
}

func NewCounter(opts CounterOpts) string { return opts.Help }
`;

const APP = `package app

import "example.com/demo/metrics"

type Route struct {
	Path string
}

func routes() []Route { return nil }

func Run() error {
	c := metrics.NewCounter(metrics.CounterOpts{Help: "requests"})
	all := []metrics.CounterOpts{{Name: "a"}}
	for _, r := range routes() {
		_ = r.Path
	}
	a, err := load()
	b, err := load()
	_ = a + b + c + all[0].Name
	return err
}

func load() (string, error) { return "", nil }
`;

const APP_TEST = `package app

import "testing"

func TestRun(t *testing.T) {
	tests := []struct {
		name string
		want int
	}{
		{name: "one", want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { _ = tt.want })
	}
}
`;

const SCOPE = `package app

func scoped() error {
	first, err := load()
	if err := check(first); err != nil {
		return err
	}
	second, err := load()
	if err != nil {
		return err
	}
	_ = second
	return nil
}

func check(s string) error { return nil }
`;

// A raw string's lines sit at any indent: only a `}` closes a block.
const RAW = `package app

func raw() error {
	first, err := load()
	if err := check(first); err != nil {
		return err
	}
	query := \`
SELECT 1
\`
	_ = query
	return err
}
`;

const PARSE = `def parse(headers):
    content_type = headers.get("content-type")
    if not content_type:
        return None
    content_type, params = split(content_type)
    return content_type.strip(), params


def split(value):
    return value, {}


class Session:
    def request(self, method, url=None, *, timeout=None):
        return method, url, timeout


def send(session: Session):
    return session.request("GET", url="/", timeout=3)


def build():
    return split(value="x", **{})
`;

const CLIENT = `from .parse import Session


def fetch(s: Session):
    return s.request("GET", url="/other")
`;

const TREE: Record<string, string> = {
  'go.mod': 'module example.com/demo\n\ngo 1.21\n',
  'metrics/opts.go': OPTS,
  'app/app.go': APP,
  'app/app_test.go': APP_TEST,
  'app/scope.go': SCOPE,
  'app/raw.go': RAW,
  'py/parse.py': PARSE,
  'py/client.py': CLIENT,
};

describe('variables and written-once types', () => {
  const index = useIndexedTrees('clew-nav-variables', [TREE]);
  const { def, refs } = navAsk(index);

  it('Go: a test table\'s keys and its range variable\'s fields are the anonymous struct\'s fields', async () => {
    expect(await def('app/app_test.go', at(APP_TEST, 10, 'name'))).toEqual(['app/app_test.go:7:3 exact']);
    expect(await def('app/app_test.go', at(APP_TEST, 10, 'want'))).toEqual(['app/app_test.go:8:3 exact']);
    expect(await def('app/app_test.go', at(APP_TEST, 13, 'name'))).toEqual(['app/app_test.go:7:3 exact']);
    expect(await def('app/app_test.go', at(APP_TEST, 13, 'want'))).toEqual(['app/app_test.go:8:3 exact']);
    expect((await refs('app/app_test.go', at(APP_TEST, 7, 'name'))).filter((r) => !r.endsWith('definition'))).toEqual(['app/app_test.go:10:4 reference', 'app/app_test.go:13:12 reference']);
  });

  it('Go: `:=` naming an `err` its block declared assigns it: a later use goes to the first declaration', async () => {
    expect(await def('app/app.go', at(APP, 20, 'err'))).toEqual(['app/app.go:17:5 exact']);
    expect(await refs('app/app.go', at(APP, 17, 'err'))).toEqual(['app/app.go:17:5 definition', 'app/app.go:18:5 reference', 'app/app.go:20:9 reference']);
  });

  it('Go: an `if err := …` header\'s variable is gone after its statement: a later use goes to the block\'s own err', async () => {
    expect(await def('app/scope.go', at(SCOPE, 6, 'err'))).toEqual(['app/scope.go:5:5 exact']);
    expect(await def('app/scope.go', at(SCOPE, 9, 'err'))).toEqual(['app/scope.go:4:9 exact']);
    expect(await def('app/scope.go', at(SCOPE, 10, 'err'))).toEqual(['app/scope.go:4:9 exact']);
    expect(await def('app/raw.go', at(RAW, 12, 'err'))).toEqual(['app/raw.go:4:9 exact']);
  });

  it('Go: keys of a qualified literal, of elided elements and of a defined type reach the fields it is made from', async () => {
    // metrics.CounterOpts is `type CounterOpts Opts`: its Help is Opts's, not SummaryOpts's.
    expect(await def('app/app.go', at(APP, 12, 'Help'))).toEqual(['metrics/opts.go:5:2 exact']);
    expect(await def('app/app.go', at(APP, 13, 'Name'))).toEqual(['metrics/opts.go:4:2 exact']);
    expect(await def('metrics/opts.go', at(OPTS, 14, 'Help'))).toEqual(['metrics/opts.go:5:2 exact']);
    expect((await refs('metrics/opts.go', at(OPTS, 11, 'Help'))).filter((r) => !r.endsWith('definition'))).toEqual([]);
  });

  it('Go: ranging over a function\'s slice result gives its element type', async () => {
    expect(await def('app/app.go', at(APP, 15, 'Path'))).toEqual(['app/app.go:6:2 exact']);
  });

  it('Python: a local assigned twice in one function is one variable: its references are every use, from either assignment', async () => {
    const uses = ['py/parse.py:3:12 reference', 'py/parse.py:5:34 reference', 'py/parse.py:6:12 reference'];
    expect((await refs('py/parse.py', at(PARSE, 2, 'content_type'))).filter((r) => !r.endsWith('definition'))).toEqual(uses);
    expect((await refs('py/parse.py', at(PARSE, 5, 'content_type'))).filter((r) => !r.endsWith('definition'))).toEqual(uses);
    // Go to definition still answers the assignment in force at the use.
    expect(await def('py/parse.py', at(PARSE, 6, 'content_type'))).toEqual(['py/parse.py:5:5 exact']);
  });

  it('Python: a keyword argument is the parameter of what is called; the parameter\'s references include keywords in other files', async () => {
    const place = (path: string, source: string, line: number, name: string): string => `${path}:${at(source, line, name).join(':')}`;
    expect(await def('py/parse.py', at(PARSE, 19, 'url'))).toEqual([`${place('py/parse.py', PARSE, 14, 'url')} exact`]);
    expect(await def('py/parse.py', at(PARSE, 19, 'timeout'))).toEqual([`${place('py/parse.py', PARSE, 14, 'timeout')} exact`]);
    expect(await def('py/parse.py', at(PARSE, 23, 'value'))).toEqual([`${place('py/parse.py', PARSE, 9, 'value')} exact`]);
    expect(await def('py/client.py', at(CLIENT, 5, 'url'))).toEqual([`${place('py/parse.py', PARSE, 14, 'url')} exact`]);
    expect((await refs('py/parse.py', at(PARSE, 14, 'url'))).filter((r) => !r.endsWith('definition'))).toEqual([
      `${place('py/client.py', CLIENT, 5, 'url')} reference`, `${place('py/parse.py', PARSE, 15, 'url')} reference`, `${place('py/parse.py', PARSE, 19, 'url')} reference`,
    ]);
  });
});
