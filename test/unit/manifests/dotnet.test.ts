import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../electron/engine/manifests/index.js';

const WEB_API = `<Project Sdk="Microsoft.NET.Sdk.Web">

  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <AssemblyName>Acme.Orders.Api</AssemblyName>
    <EfVersion>8.0.4</EfVersion>
  </PropertyGroup>

  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore.SqlServer" Version="$(EfVersion)" />
    <PackageReference Include="Serilog.AspNetCore" Version="8.0.1" />
    <PackageReference Include="Swashbuckle.AspNetCore">
      <Version>6.5.0</Version>
    </PackageReference>
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="$(EfVersion)">
      <PrivateAssets>all</PrivateAssets>
      <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
    </PackageReference>
    <PackageReference Include="StyleCop.Analyzers" Version="1.1.118" PrivateAssets="All" />
    <PackageReference Update="Microsoft.NET.ILLink.Tasks" Version="8.0.4" />
    <!-- <PackageReference Include="Commented.Out" Version="1.0" /> -->
    <ProjectReference Include="..\\Acme.Orders.Domain\\Acme.Orders.Domain.csproj" />
  </ItemGroup>

  <ItemGroup Condition="'$(Configuration)' == 'Debug'">
    <PackageReference Include="Microsoft.Extensions.Diagnostics.Testing" Version="8.4.0" />
  </ItemGroup>

</Project>
`;

const TOOL = `<?xml version="1.0" encoding="utf-8"?>
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net8.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="System.CommandLine" Version="2.0.0-beta4.22272.1" />
    <PackageReference Include="Spectre.Console" />
  </ItemGroup>
</Project>
`;

describe('*.csproj, *.fsproj, *.vbproj', () => {
  it('reads PackageReference in both forms, PrivateAssets as dev, skips Update items, and a web project as a main', () => {
    const pkg = (name: string, version: string, scope: string) => ({ manifest: 'src/Acme.Orders.Api/Acme.Orders.Api.csproj', ecosystem: 'nuget', name, version, scope });
    expect(parseManifest('src/Acme.Orders.Api/Acme.Orders.Api.csproj', WEB_API)).toEqual({
      packages: [
        pkg('Microsoft.EntityFrameworkCore.SqlServer', '8.0.4', 'runtime'),
        pkg('Serilog.AspNetCore', '8.0.1', 'runtime'),
        pkg('Swashbuckle.AspNetCore', '6.5.0', 'runtime'),
        pkg('Microsoft.EntityFrameworkCore.Design', '8.0.4', 'dev'),
        pkg('StyleCop.Analyzers', '1.1.118', 'dev'),
        pkg('Microsoft.Extensions.Diagnostics.Testing', '8.4.0', 'runtime'),
      ],
      mains: [{ name: 'Acme.Orders.Api', path: 'src/Acme.Orders.Api/Acme.Orders.Api.csproj', manifest: 'src/Acme.Orders.Api/Acme.Orders.Api.csproj' }],
      error: null,
    });
  });

  it('names an Exe after the project file when there is no AssemblyName, and keeps a centrally versioned reference versionless', () => {
    expect(parseManifest('tools/Migrate.fsproj', TOOL)).toEqual({
      packages: [
        { manifest: 'tools/Migrate.fsproj', ecosystem: 'nuget', name: 'System.CommandLine', version: '2.0.0-beta4.22272.1', scope: 'runtime' },
        { manifest: 'tools/Migrate.fsproj', ecosystem: 'nuget', name: 'Spectre.Console', version: null, scope: 'runtime' },
      ],
      mains: [{ name: 'Migrate', path: 'tools/Migrate.fsproj', manifest: 'tools/Migrate.fsproj' }],
      error: null,
    });
  });

  it('gives a library no main, and an explicit Library output overrides a web SDK', () => {
    const library = '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Dapper" Version="2.1.35" /></ItemGroup></Project>';
    expect(parseManifest('Lib.vbproj', library).mains).toEqual([]);
    const webLibrary = '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><OutputType>Library</OutputType></PropertyGroup></Project>';
    expect(parseManifest('Web.csproj', webLibrary)).toEqual({ packages: [], mains: [], error: null });
  });

  it('reports malformed XML and a reference without Include, keeping what it read', () => {
    const text = '<Project><ItemGroup><PackageReference Version="1.0" /><PackageReference Include="Polly" Version="8.3.1" /></ItemGroup>';
    expect(parseManifest('App.csproj', text)).toEqual({
      packages: [{ manifest: 'App.csproj', ecosystem: 'nuget', name: 'Polly', version: '8.3.1', scope: 'runtime' }],
      mains: [],
      error: 'malformed XML: <Project> is never closed (line 1); a <PackageReference> without Include',
    });
  });

  it('refuses a document whose root is not <Project>', () => {
    expect(parseManifest('App.csproj', '<Solution />')).toEqual({ packages: [], mains: [], error: 'root element is <Solution>, not <Project>' });
  });
});

describe('Directory.Packages.props', () => {
  it('reads central versions, and global references as dev', () => {
    const text = `<Project>
  <PropertyGroup>
    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
    <AspNetVersion>8.0.4</AspNetVersion>
  </PropertyGroup>
  <ItemGroup>
    <PackageVersion Include="Microsoft.AspNetCore.OpenApi" Version="$(AspNetVersion)" />
    <PackageVersion Include="Spectre.Console" Version="0.48.0" />
    <GlobalPackageReference Include="Nerdbank.GitVersioning" Version="3.6.133" />
  </ItemGroup>
</Project>
`;
    const pkg = (name: string, version: string, scope: string) => ({ manifest: 'Directory.Packages.props', ecosystem: 'nuget', name, version, scope });
    expect(parseManifest('Directory.Packages.props', text)).toEqual({
      packages: [
        pkg('Microsoft.AspNetCore.OpenApi', '8.0.4', 'runtime'),
        pkg('Spectre.Console', '0.48.0', 'runtime'),
        pkg('Nerdbank.GitVersioning', '3.6.133', 'dev'),
      ],
      mains: [],
      error: null,
    });
  });
});

describe('packages.config', () => {
  it('reads every package, developmentDependency as dev', () => {
    const text = `<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="Newtonsoft.Json" version="13.0.3" targetFramework="net48" />
  <package id="NUnit" version="3.14.0" targetFramework="net48" />
  <package id="Microsoft.CodeAnalysis.NetAnalyzers" version="8.0.0" targetFramework="net48" developmentDependency="true" />
  <package version="1.0" />
</packages>
`;
    const pkg = (name: string, version: string, scope: string) => ({ manifest: 'Legacy/packages.config', ecosystem: 'nuget', name, version, scope });
    expect(parseManifest('Legacy/packages.config', text)).toEqual({
      packages: [
        pkg('Newtonsoft.Json', '13.0.3', 'runtime'),
        pkg('NUnit', '3.14.0', 'runtime'),
        pkg('Microsoft.CodeAnalysis.NetAnalyzers', '8.0.0', 'dev'),
      ],
      mains: [],
      error: 'a <package> without id',
    });
  });
});
