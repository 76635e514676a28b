import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../electron/engine/manifests/index.js';

const CARGO = `[package]
name = "ripper"
version = "0.4.0"
edition = "2021"

[[bin]]
name = "ripper"

[[bin]]
name = "rip-admin"
path = "tools/admin.rs"

[[bin]]
name = "rip-bench"

[dependencies]
serde = { version = "1.0", features = ["derive"] }
tokio = { version = "1.37", features = ["full"] }
anyhow = "1"
clap.workspace = true
local-util = { path = "../util" }
json = { package = "serde_json", version = "1.0.117" }
openssl = { version = "0.10", optional = true }

[dev-dependencies]
criterion = "0.5"

[build-dependencies]
cc = "1.0"

[target.'cfg(windows)'.dependencies]
winapi = { version = "0.3", features = ["winuser"] }
`;

describe('Cargo.toml', () => {
  it('reads every dependency table, workspace and path deps, renames and [[bin]] targets', () => {
    const pkg = (name: string, version: string | null, scope: string) => ({ manifest: 'crates/ripper/Cargo.toml', ecosystem: 'cargo', name, version, scope });
    const main = (name: string, path: string) => ({ name, path, manifest: 'crates/ripper/Cargo.toml' });
    expect(parseManifest('crates/ripper/Cargo.toml', CARGO)).toEqual({
      packages: [
        pkg('serde', '1.0', 'runtime'),
        pkg('tokio', '1.37', 'runtime'),
        pkg('anyhow', '1', 'runtime'),
        pkg('clap', null, 'runtime'),
        pkg('local-util', null, 'runtime'),
        pkg('serde_json', '1.0.117', 'runtime'),
        pkg('openssl', '0.10', 'optional'),
        pkg('criterion', '0.5', 'dev'),
        pkg('cc', '1.0', 'build'),
        pkg('winapi', '0.3', 'runtime'),
      ],
      mains: [
        main('ripper', 'crates/ripper/src/main.rs'),
        main('rip-admin', 'crates/ripper/tools/admin.rs'),
        main('rip-bench', 'crates/ripper/src/bin/rip-bench.rs'),
      ],
      error: null,
    });
  });

  it('reports a nameless [[bin]] and keeps the rest', () => {
    const result = parseManifest('Cargo.toml', '[[bin]]\npath = "src/x.rs"\n\n[dependencies]\nlog = "0.4"\n');
    expect(result).toEqual({
      packages: [{ manifest: 'Cargo.toml', ecosystem: 'cargo', name: 'log', version: '0.4', scope: 'runtime' }],
      mains: [],
      error: 'a [[bin]] without a name',
    });
  });

  it('returns nothing and an error for invalid TOML', () => {
    const result = parseManifest('Cargo.toml', '[dependencies\nserde = "1"');
    expect(result.packages).toEqual([]);
    expect(result.error).toMatch(/^Invalid TOML document: .* \(line 1, column \d+\)$/);
  });
});
