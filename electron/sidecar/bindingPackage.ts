// Which chromadb-js-bindings package serves this platform (pinned to 1.0.5 in package.json overrides).
const PACKAGES: Record<string, string> = {
  'darwin-arm64': 'chromadb-js-bindings-darwin-arm64',
  'darwin-x64': 'chromadb-js-bindings-darwin-x64',
  'linux-arm64': 'chromadb-js-bindings-linux-arm64-gnu',
  'linux-x64': 'chromadb-js-bindings-linux-x64-gnu',
  'win32-x64': 'chromadb-js-bindings-win32-x64-msvc',
  'win32-arm64': 'chromadb-js-bindings-win32-arm64-msvc',
};

export function bindingPackage(platform: string, arch: string): string {
  const name = PACKAGES[`${platform}-${arch}`];
  if (!name) throw new Error(`no Chroma server bindings for ${platform}-${arch}`);
  return name;
}
