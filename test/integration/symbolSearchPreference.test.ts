// Symbol search puts first the symbol a person means when several share a name: spelled as typed, declared public,
// outside tests, inside the container a qualified query names; and it answers qualified queries at all.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/backend.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';

const TREE: Record<string, string> = {
  // A lower-case helper that sorts first and weighs more as a function than the method typed.
  'lib/response.js': 'function sendfile(res, file) {}\nvar res = module.exports = {};\nres.sendFile = function sendFile(path) {};\n',
  // Go: an unexported struct and the exported interface; ServeHTTP inside two types, the wanted one sorting last.
  'gin/response_writer.go': 'package gin\n\ntype responseWriter struct {\n\tstatus int\n}\n\ntype ResponseWriter interface {\n\tStatus() int\n}\n',
  'gin/gin.go': 'package gin\n\ntype Alpha struct{}\n\nfunc (a *Alpha) ServeHTTP(w int) {}\n\ntype Engine struct{}\n\nfunc (engine *Engine) ServeHTTP(w int) {}\n',
  // Rust: a private stub that sorts first, and the public struct.
  'src/runtime/join.rs': 'pub struct JoinHandle<T> {\n    t: T,\n}\n',
  // Rust as tokio writes it: a private fallback (for builds without the feature) beside the public function.
  'src/blocking.rs': 'struct JoinHandle<R> {\n    r: R,\n}\n\nfn spawn_blocking<F, R>(_f: F) -> JoinHandle<R> {\n    panic!("requires the rt feature")\n}\n',
  'src/task/blocking.rs': `pub fn spawn_blocking<F, R>(f: F) -> JoinHandle<R> {\n${'    let handle = crate::runtime::Handle::current();\n'.repeat(6)}    handle.spawn(f)\n}\n`,
  // Python: a test's copy of a class, in a file that sorts first.
  'aaa/test_flask.py': 'class Flask:\n    pass\n',
  'src/flask/app.py': 'class Flask:\n    pass\n',
  // Ruby: a predicate method in two classes, the wanted one (inside Request) sorting last.
  'lib/rack/request.rb': 'module Rack\n  class Other\n    def trusted_proxy?(ip)\n      false\n    end\n  end\n\n  class Request\n    module Helpers\n      def trusted_proxy?(ip)\n        true\n      end\n    end\n  end\nend\n',
};

describe('symbol search: which of several same-named symbols comes first', () => {
  const index = useIndexedTrees('clew-symbol-pref', [TREE]);

  const first = async (query: string): Promise<string | undefined> => {
    const { results } = await call(index.backend, 'search:query', { query, mode: 'symbol' });
    return results[0] && `${results[0].path}:${results[0].line} ${results[0].symbol}`;
  };

  it('prefers the spelling typed', async () => {
    expect(await first('sendFile')).toMatch(/^lib\/response\.js:3 .*res\.sendFile$/);
    expect(await first('sendfile')).toMatch(/^lib\/response\.js:1 /);
    expect(await first('ResponseWriter')).toMatch(/^gin\/response_writer\.go:7 .*gin\.ResponseWriter$/);
  });

  it('prefers what is declared public, and the code over its tests', async () => {
    expect(await first('JoinHandle')).toMatch(/^src\/runtime\/join\.rs:1 /);
    expect(await first('Flask')).toMatch(/^src\/flask\/app\.py:1 /);
  });

  it('answers a qualified name with the member inside the container named', async () => {
    expect(await first('Engine.ServeHTTP')).toMatch(/^gin\/gin\.go:9 .*Engine\.ServeHTTP$/);
    expect(await first('Alpha.ServeHTTP')).toMatch(/^gin\/gin\.go:5 /);
    expect(await first('Request.trusted_proxy?')).toMatch(/^lib\/rack\/request\.rb:10 /);
    expect(await first('Request#trusted_proxy?')).toMatch(/^lib\/rack\/request\.rb:10 /);
    // The member elsewhere is still listed, below.
    const { results } = await call(index.backend, 'search:query', { query: 'Engine.ServeHTTP', mode: 'symbol' });
    expect(results.map((r) => r.line)).toEqual([9, 5]);
  });

  it('auto mode puts the public definition above a private one of the same name too', async () => {
    for (const [query, wanted] of [['spawn_blocking', /^src\/task\/blocking\.rs:1 /], ['JoinHandle', /^src\/runtime\/join\.rs:1 /]] as const) {
      const { results } = await call(index.backend, 'search:query', { query, mode: 'auto' });
      expect(`${results[0]?.path}:${results[0]?.line} ${results[0]?.symbol}`).toMatch(wanted);
    }
  });
});
