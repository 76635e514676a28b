// A member reached through a path of three or more names, through the real Backend and a real SQLite file: each step's
// declared type leads to the next (Python attributes set in __init__, Go struct fields), and a member of a longer path
// whose type is found nowhere in the repo (`r.Form.Value`, an http.Request's) is no guessed use of a same-named field.
import { describe, expect, it } from 'vitest';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { navAsk } from '../helpers/navAsk.js';
import { placeOf as at } from '../helpers/sourcePlace.js';

const PY = `class Config:
    def __init__(self):
        self.debug = False


class App:
    def __init__(self):
        self.config = Config()


class Server:
    def __init__(self, app: App):
        self.app = app

    def run(self):
        return self.app.config.debug
`;

const GO_TYPES = `package web

type Tree struct {
	Value string
}

type Router struct {
	tree *Tree
}

type Engine struct {
	router Router
}
`;

const GO_USE = `package web

import "net/http"

func (e *Engine) lookup() string {
	return e.router.tree.Value
}

func form(r *http.Request) []string {
	return r.MultipartForm.Value["a"]
}
`;

const TREE: Record<string, string> = { 'app/server.py': PY, 'go.mod': 'module example.com/w\n\ngo 1.21\n', 'web/types.go': GO_TYPES, 'web/use.go': GO_USE };

describe('members through longer paths', () => {
  const index = useIndexedTrees('clew-nav-long-paths', [TREE]);
  const { def, refs } = navAsk(index);

  it('Python: self.app.config.debug goes through the attributes\' types', async () => {
    expect(await def('app/server.py', at(PY, 16, 'debug'))).toEqual([`app/server.py:${at(PY, 3, 'debug').join(':')} exact`]);
  });

  it('Go: e.router.tree.Value goes through the fields\' types; r.MultipartForm.Value is no use of Tree.Value', async () => {
    const value = `web/types.go:${at(GO_TYPES, 4, 'Value').join(':')}`;
    expect(await def('web/use.go', at(GO_USE, 6, 'Value'))).toEqual([`${value} exact`]);
    expect(await refs('web/types.go', at(GO_TYPES, 4, 'Value'))).toEqual([`${value} definition`, `web/use.go:${at(GO_USE, 6, 'Value').join(':')} reference`]);
  });
});
