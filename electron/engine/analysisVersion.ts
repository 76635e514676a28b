// The version of what the indexer derives from a file's text: bump it whenever parsers, symbol or occurrence
// extraction, chunking or word rows change their output, so existing repos are re-read on their next full run
// instead of keeping rows the old code wrote for files whose content did not change.
// 1: type hints on definitions, struct-literal keys, macro items (2026-12-05).
// 2: Elixir files parsed (they were text only).
// 3: Java occurrences: declared types as hints, `this.x.m()` and method-reference receivers, package-qualified types.
//    Members of an expression receiver (`f().x`, `a.b.c.x`) is marked, not a plain name.
// 4: Ruby docs of the first definition in a module or class body (tree-sitter-ruby leaves them outside the body);
//    a `/** */` doc, or a Ruby comment block, one blank line above a definition is its doc.
// 5: occurrences stored one row per (file, name) with their places packed (migration 015 dropped the old rows).
// 6: word-index rows named by their symbol or chunk id (migration 017 dropped word_units and the old rows).
// 7: entry points for Ruby (Rails, Sinatra, Grape, ActiveJob, Sidekiq, whenever, Rake), PHP (Laravel, Symfony,
//    Slim, Artisan), Kotlin (Spring, Ktor), Elixir (Phoenix, Oban, Mix), CLI commands (Django, Click, Typer,
//    Flask CLI, cobra, urfave/cli, commander, yargs, oclif, clap), and their external calls; declared packages
//    from composer.json, Gemfile, gemspecs and .NET project files; Go variables of a grouped `var ( … )` block;
//    Python names bound by a tuple or chained assignment (`A, B = …`, `X = Y = …`).
// 8: C and C++ occurrences (definitions with declared types as hints, fields through `->`, tags, designated keys,
//    methods out of line); the constants of an anonymous C/C++ enum are symbols; a `.h` file whose text is C++ is
//    parsed as C++; whole-line macro calls are ended before parsing; `#define`s a syntax error swallowed are symbols.
// 9: Go keys of literals whose element type is written once (`[]T{{…}}`, `map[K]T`), of qualified types and of
//    anonymous structs (by their lines); a range value's type; a slice's or map's hint is its element; `:=` over a
//    name its block already declares is an assignment. JavaScript: `var x = require('./m').x` is an import of x.
//    Python: a keyword argument of a call whose callee is a path is a use of that callee's parameter.
//    TypeScript and JavaScript: a doc comment's `{@link X}` and `@param x` are references.
// 10: generated code (`Code generated … DO NOT EDIT`, `@generated`, `*.pb.go`, `__generated__/`…) is parsed for symbols and
//     occurrences (it was text only), without entry points, external calls or units of its symbols.
// 11: TypeScript and JavaScript fields and property signatures carry their declared type (or `new T()`) as a hint.
// 12: a member's receiver path of any length is its qualifier (`a.b.c.x`; it was `()` past two names) in TypeScript,
//     JavaScript, Python and Go; Go struct fields carry their type as a hint.
// 13: TypeScript: an untyped parameter of a function passed as an argument is hinted by the callee (`^Observable:0:0`).
// 14: a build's scripts and declarations in `dist/` are text only again (they were parsed as generated code since 10);
//     Go and other sources in a `dist` folder are read as written code.
// 15: Rust declares a trait's associated types and the items inside a function's body (a test's helper fn, a guard struct).
// 16: Rust items inside a `cfg_*! { … }` call parse as written in place (tokio's `cfg_rt! { impl Handle { … } }`).
// 17: Go route paths held in constants of the file, joined by `+` or passed through a helper (`s.basePath(VarzPath)`);
//     a method value handler (`s.HandleVarz`) is linked to that method, not to the function registering it.
export const ANALYSIS_VERSION = 17;
