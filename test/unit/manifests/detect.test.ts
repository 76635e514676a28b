import { describe, expect, it } from 'vitest';
import { isManifest, parseManifest } from '../../../electron/engine/manifests/index.js';

describe('isManifest', () => {
  const yes = [
    'package.json', 'web/package.json', 'pom.xml', 'svc/pom.xml', 'build.gradle', 'app/build.gradle.kts', 'requirements.txt',
    'requirements-dev.txt', 'requirements_test.txt', 'requirements/base.txt', 'py/requirements/dev.txt', 'pyproject.toml', 'go.mod', 'Cargo.toml',
    'composer.json', 'web/composer.json', 'Gemfile', 'app/Gemfile', 'sidekiq.gemspec', 'gems/acme-cli.gemspec', 'App.csproj',
    'src/Api/Acme.Api.csproj', 'Tool.fsproj', 'Legacy.vbproj', 'Directory.Packages.props', 'Legacy/packages.config',
  ];
  const no = [
    'package-lock.json', 'tsconfig.json', 'pom.xml.bak', 'settings.gradle', 'build.gradle.old', 'dev-requirements.txt', 'requirements.in',
    'requirements/README.md', 'go.sum', 'cargo.toml', 'Cargo.lock', 'src/main.rs', 'docs/requirements-notes.md',
    'composer.lock', 'Gemfile.lock', 'gemfile', 'Gemfile.local', 'gems.rb', 'app.rb', '.gemspec', 'foo.gemspec.bak', 'App.csproj.user',
    'App.sln', 'Directory.Build.props', 'App.cs', 'packages.lock.json', 'web.config',
  ];
  for (const path of yes) it(`accepts ${path}`, () => expect(isManifest(path)).toBe(true));
  for (const path of no) it(`rejects ${path}`, () => expect(isManifest(path)).toBe(false));
});

describe('parseManifest', () => {
  it('refuses a file that is not a manifest without throwing', () => {
    expect(parseManifest('src/index.ts', 'export {}')).toEqual({ packages: [], mains: [], error: 'not a recognised manifest: src/index.ts' });
  });

  it('never throws on arbitrary bytes in any format', () => {
    const junk = [
      '', '\u0000\u0001', '<<<>>>', '{[}]', '"""', "'''", '[[[', 'require (', '/*', '<project><dependencies><dependency>', '\\\n\\',
      '%w[', '<<~EOS\n', "gem '", 'group :x do\nend end', '"#{', ':"', '=begin\n', '<Project><ItemGroup><PackageReference Include="',
    ];
    const paths = [
      'package.json', 'pom.xml', 'build.gradle', 'requirements.txt', 'pyproject.toml', 'go.mod', 'Cargo.toml', 'composer.json', 'Gemfile',
      'x.gemspec', 'App.csproj', 'Directory.Packages.props', 'packages.config',
    ];
    for (const path of paths) {
      for (const text of junk) expect(() => parseManifest(path, text)).not.toThrow();
    }
  });
});
