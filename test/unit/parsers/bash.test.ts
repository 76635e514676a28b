import { describe, expect, it } from 'vitest';
import { symbolsOf } from './helpers.js';

describe('bash symbols', () => {
  it('finds functions in both syntaxes, named relPath:function, with # docs', async () => {
    const source = '#!/usr/bin/env bash\n# Deploys the app.\n# Needs a tag.\ndeploy() {\n  local tag=$1\n}\n\nfunction build {\n  echo hi\n}\n\nif [ -n "$X" ]; then\n  cleanup() { :; }\nfi\n';
    const symbols = await symbolsOf('bash', 'scripts/release.sh', source);
    expect(symbols).toEqual([
      { fqn: 'scripts/release.sh:deploy', name: 'deploy', kind: 'function', parent: null, startLine: 4, endLine: 6, signature: 'deploy()', doc: 'Deploys the app.\nNeeds a tag.', modifiers: [] },
      { fqn: 'scripts/release.sh:build', name: 'build', kind: 'function', parent: null, startLine: 8, endLine: 10, signature: 'function build', doc: null, modifiers: [] },
      { fqn: 'scripts/release.sh:cleanup', name: 'cleanup', kind: 'function', parent: null, startLine: 13, endLine: 13, signature: 'cleanup()', doc: null, modifiers: [] },
    ]);
  });

  it('returns nothing for CSS', async () => {
    expect(await symbolsOf('css', 'a.css', '.btn { color: red; }\n')).toEqual([]);
  });
});

describe('bash functions inside blocks', () => {
  it('finds functions in brace groups, loops, case arms, subshells and other functions', async () => {
    const source = [
      '#!/bin/bash', '{', '  # Prepares the build folder.', '  setup() {', '    mkdir -p build', '  }', '  function teardown {', '    rm -rf build', '  }',
      '} > /dev/null', 'main() {', '  inner() { echo x; }', '}', 'for x in a; do', '  loopf() { :; }', 'done', 'case "$1" in', '  a) casef() { :; } ;;', 'esac',
      '(', '  sub() { :; }', ')', 'true && { listed() { :; }; }', '',
    ].join('\n');
    const symbols = await symbolsOf('bash', 'build.sh', source);
    expect(symbols.map((s) => s.name)).toEqual(['setup', 'teardown', 'main', 'inner', 'loopf', 'casef', 'sub', 'listed']);
    expect(symbols[0]).toMatchObject({ fqn: 'build.sh:setup', startLine: 4, endLine: 6, doc: 'Prepares the build folder.', signature: 'setup()' });
    expect(symbols[1]).toMatchObject({ fqn: 'build.sh:teardown', signature: 'function teardown' });
  });
});
