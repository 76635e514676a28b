import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../electron/engine/manifests/index.js';

const GO_MOD = `module github.com/acme/orders

go 1.22

toolchain go1.22.2

require github.com/gin-gonic/gin v1.9.1

require (
	github.com/jackc/pgx/v5 v5.5.5
	go.uber.org/zap v1.27.0 // logging
	golang.org/x/sync v0.7.0 // indirect
	"example.com/quoted" v0.1.0
)

replace github.com/acme/shared => ../shared

replace (
	golang.org/x/net v0.24.0 => golang.org/x/net v0.25.0
)

exclude github.com/bad/dep v1.0.0
`;

describe('go.mod', () => {
  it('reads single and block requires, indirect ones included, and ignores replace and exclude', () => {
    const pkg = (name: string, version: string) => ({ manifest: 'services/orders/go.mod', ecosystem: 'go', name, version, scope: 'runtime' });
    expect(parseManifest('services/orders/go.mod', GO_MOD)).toEqual({
      packages: [
        pkg('github.com/gin-gonic/gin', 'v1.9.1'),
        pkg('github.com/jackc/pgx/v5', 'v5.5.5'),
        pkg('go.uber.org/zap', 'v1.27.0'),
        pkg('golang.org/x/sync', 'v0.7.0'),
        pkg('example.com/quoted', 'v0.1.0'),
      ],
      mains: [],
      error: null,
    });
  });

  it('keeps what it read from an unterminated block and says where it opened', () => {
    const result = parseManifest('go.mod', 'module x\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tbroken-line\n');
    expect(result.packages).toEqual([{ manifest: 'go.mod', ecosystem: 'go', name: 'github.com/a/b', version: 'v1.0.0', scope: 'runtime' }]);
    expect(result.error).toBe('line 5: cannot read require "broken-line"; line 3: "require (" is never closed');
  });
});
