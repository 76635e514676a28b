import { describe, expect, it } from 'vitest';
import { expectParentsFirst, get, parentOf, symbolsOf } from './helpers.js';

const VIEWS = `"""User views."""
import os

MAX_ITEMS = 10
app = Flask(__name__)


@app.route("/users/<int:user_id>",
           methods=["GET", "POST"])
async def show_user(user_id: int) -> dict:
    """Show one user.

    Returns a dict.
    """
    local = 1

    def helper():
        pass
    return {}


class UserRepo(BaseRepo):
    '''Stores users.'''
    table = "users"
    DEFAULT_LIMIT = 20

    def __init__(self, db):
        self.db = db

    @staticmethod
    def build(): ...

    class Meta:
        ordering = ["id"]

        def describe(self):
            return "meta"


if TYPE_CHECKING:
    def typed() -> None: ...
`;

describe('python symbols', () => {
  it('names symbols by dotted module path and nesting', async () => {
    const symbols = await symbolsOf('python', 'app/users/views.py', VIEWS);
    expect(symbols.map((s) => `${s.kind} ${s.fqn}`)).toEqual([
      'constant app.users.views.MAX_ITEMS',
      'variable app.users.views.app',
      'function app.users.views.show_user',
      'class app.users.views.UserRepo',
      'field app.users.views.UserRepo.table',
      'constant app.users.views.UserRepo.DEFAULT_LIMIT',
      'constructor app.users.views.UserRepo.__init__',
      'method app.users.views.UserRepo.build',
      'class app.users.views.UserRepo.Meta',
      'field app.users.views.UserRepo.Meta.ordering',
      'method app.users.views.UserRepo.Meta.describe',
      'function app.users.views.typed',
    ]);
    expectParentsFirst(symbols);
    expect(parentOf(symbols, 'app.users.views.UserRepo.Meta.describe')).toBe('app.users.views.UserRepo.Meta');
  });

  it('keeps decorators verbatim on one line, docstrings cleaned, ranges from the decorator', async () => {
    const symbols = await symbolsOf('python', 'app/users/views.py', VIEWS);
    expect(get(symbols, 'app.users.views.show_user')).toMatchObject({
      startLine: 8,
      endLine: 19,
      signature: 'async def show_user(user_id: int) -> dict',
      doc: 'Show one user.\n\nReturns a dict.',
      modifiers: ['@app.route("/users/<int:user_id>", methods=["GET", "POST"])', 'async'],
    });
    expect(get(symbols, 'app.users.views.UserRepo')).toMatchObject({ startLine: 22, endLine: 37, signature: 'class UserRepo(BaseRepo)', doc: 'Stores users.', modifiers: [] });
    expect(get(symbols, 'app.users.views.UserRepo.build')).toMatchObject({ startLine: 30, endLine: 31, modifiers: ['@staticmethod'], signature: 'def build()' });
    expect(get(symbols, 'app.users.views.MAX_ITEMS')).toMatchObject({ signature: 'MAX_ITEMS = 10', doc: null });
  });

  it('maps __init__.py to its package and a root file to its name', async () => {
    const pkg = await symbolsOf('python', 'app/users/__init__.py', 'def setup():\n    pass\n');
    expect(pkg.map((s) => s.fqn)).toEqual(['app.users.setup']);
    const root = await symbolsOf('python', 'manage.py', 'def main():\n    pass\n');
    expect(root.map((s) => s.fqn)).toEqual(['manage.main']);
  });

  it('declares every name a tuple or chained assignment binds, not attributes or starred rests', async () => {
    const src = 'A, B = 1, 2\n(C, D) = 3, 4\nX = Y = 0\nobj.attr = 2\nfirst, *rest = items\nclass K:\n    lo, hi = 0, 10\n';
    const symbols = await symbolsOf('python', 'm.py', src);
    expect(symbols.map((s) => `${s.kind} ${s.fqn} ${s.startLine}`)).toEqual([
      'constant m.A 1', 'constant m.B 1', 'constant m.C 2', 'constant m.D 2', 'constant m.X 3', 'constant m.Y 3',
      'variable m.first 5', 'class m.K 6', 'field m.K.lo 7', 'field m.K.hi 7',
    ]);
  });
});
