import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../electron/engine/manifests/index.js';

const REQUIREMENTS = `# Production dependencies
-r base.txt
--index-url https://pypi.org/simple
Django==4.2.11
requests>=2.31,<3   # HTTP client
uvicorn[standard] >= 0.29.0
celery[redis,sqs]~=5.3
psycopg2-binary
importlib-metadata; python_version < "3.10"
numpy==1.26.4 ; sys_platform != "win32" \\
    --hash=sha256:abcdef
-e git+https://github.com/acme/lib.git#egg=acme-lib
./vendor/local-package
https://example.com/wheels/pkg-1.0-py3-none-any.whl
pydantic @ https://example.com/pydantic-2.7.0.tar.gz
SQLAlchemy (>=2.0)
`;

describe('requirements.txt', () => {
  it('reads names and specifiers, skipping options, paths, URLs and markers', () => {
    const pkg = (name: string, version: string | null) => ({ manifest: 'requirements.txt', ecosystem: 'pypi', name, version, scope: 'runtime' });
    expect(parseManifest('requirements.txt', REQUIREMENTS)).toEqual({
      packages: [
        pkg('Django', '==4.2.11'),
        pkg('requests', '>=2.31,<3'),
        pkg('uvicorn', '>=0.29.0'),
        pkg('celery', '~=5.3'),
        pkg('psycopg2-binary', null),
        pkg('importlib-metadata', null),
        pkg('numpy', '==1.26.4'),
        pkg('pydantic', null),
        pkg('SQLAlchemy', '>=2.0'),
      ],
      mains: [],
      error: null,
    });
  });

  it('marks dev and test files as dev, wherever they live', () => {
    expect(parseManifest('requirements-dev.txt', 'pytest==8.1').packages[0]?.scope).toBe('dev');
    expect(parseManifest('requirements_test.txt', 'pytest==8.1').packages[0]?.scope).toBe('dev');
    expect(parseManifest('requirements/dev.txt', 'pytest==8.1').packages[0]?.scope).toBe('dev');
    expect(parseManifest('requirements/prod.txt', 'gunicorn').packages[0]?.scope).toBe('runtime');
  });

  it('keeps the readable lines and names the unreadable ones', () => {
    const result = parseManifest('requirements.txt', 'flask\n!!! not a requirement\nrequests = 2\nclick==8.1.7\n');
    expect(result.packages.map((p) => p.name)).toEqual(['flask', 'click']);
    expect(result.error).toBe('line 2: cannot read "!!! not a requirement"; line 3: cannot read "requests = 2"');
  });
});

const PEP621 = `[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "acme-tools"
version = "0.3.0"
dependencies = [
  "httpx>=0.27",
  "rich[jupyter]",
  "tomli>=1.1.0; python_version < '3.11'",
]

[project.optional-dependencies]
postgres = ["psycopg[binary]>=3.1"]
docs = ["mkdocs~=1.5", "mkdocs-material"]

[project.scripts]
acme = "acme_tools.cli:main"
acme-admin = "acme_tools.admin.entry:run"

[dependency-groups]
dev = ["pytest>=8", { include-group = "lint" }]
lint = ["ruff"]
`;

const POETRY = `[tool.poetry]
name = "shop"
version = "1.0.0"

[tool.poetry.dependencies]
python = "^3.11"
fastapi = "^0.110.0"
sqlalchemy = { version = "^2.0", extras = ["asyncio"] }
boto3 = { version = "^1.34", optional = true }
internal-lib = { git = "https://github.com/acme/internal-lib.git", branch = "main" }

[tool.poetry.group.dev.dependencies]
pytest = "^8.1"
mypy = "*"

[tool.poetry.dev-dependencies]
black = "^24.3"

[tool.poetry.scripts]
shop-server = "shop.main:serve"
`;

describe('pyproject.toml', () => {
  it('reads PEP 621 dependencies, optional groups, dependency groups and scripts', () => {
    const pkg = (name: string, version: string | null, scope: string) => ({ manifest: 'tools/pyproject.toml', ecosystem: 'pypi', name, version, scope });
    expect(parseManifest('tools/pyproject.toml', PEP621)).toEqual({
      packages: [
        pkg('httpx', '>=0.27', 'runtime'),
        pkg('rich', null, 'runtime'),
        pkg('tomli', '>=1.1.0', 'runtime'),
        pkg('psycopg', '>=3.1', 'optional'),
        pkg('mkdocs', '~=1.5', 'optional'),
        pkg('mkdocs-material', null, 'optional'),
        pkg('pytest', '>=8', 'dev'),
        pkg('ruff', null, 'dev'),
      ],
      mains: [
        { name: 'acme', path: 'tools/acme_tools/cli.py', manifest: 'tools/pyproject.toml' },
        { name: 'acme-admin', path: 'tools/acme_tools/admin/entry.py', manifest: 'tools/pyproject.toml' },
      ],
      error: null,
    });
  });

  it('reads Poetry dependencies and groups, skipping python', () => {
    const pkg = (name: string, version: string | null, scope: string) => ({ manifest: 'pyproject.toml', ecosystem: 'pypi', name, version, scope });
    expect(parseManifest('pyproject.toml', POETRY)).toEqual({
      packages: [
        pkg('fastapi', '^0.110.0', 'runtime'),
        pkg('sqlalchemy', '^2.0', 'runtime'),
        pkg('boto3', '^1.34', 'optional'),
        pkg('internal-lib', null, 'runtime'),
        pkg('pytest', '^8.1', 'dev'),
        pkg('mypy', '*', 'dev'),
        pkg('black', '^24.3', 'dev'),
      ],
      mains: [{ name: 'shop-server', path: 'shop/main.py', manifest: 'pyproject.toml' }],
      error: null,
    });
  });

  it('returns nothing and a one-line error for invalid TOML', () => {
    const result = parseManifest('pyproject.toml', '[project]\ndependencies = ["a",\nname = ');
    expect(result.packages).toEqual([]);
    expect(result.error).toMatch(/^Invalid TOML document: .* \(line \d+, column \d+\)$/);
  });

  it('reports a dependencies value that is not a list', () => {
    const result = parseManifest('pyproject.toml', '[project]\ndependencies = "requests"\n');
    expect(result).toEqual({ packages: [], mains: [], error: 'project.dependencies is not an array' });
  });
});
