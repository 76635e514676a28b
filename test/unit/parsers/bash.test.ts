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
