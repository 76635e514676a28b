import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../electron/engine/manifests/index.js';

const COMPOSER_JSON = `{
    "name": "acme/billing",
    "description": "Invoices and payments.",
    "type": "project",
    "require": {
        "php": "^8.1",
        "ext-json": "*",
        "ext-pdo_mysql": "*",
        "lib-libxml": ">=2.9",
        "composer-plugin-api": "^2.0",
        "composer-runtime-api": "^2.2",
        "laravel/framework": "^10.10",
        "guzzlehttp/guzzle": "^7.2",
        "symfony/console": "~6.3.0"
    },
    "require-dev": {
        "php-64bit": "*",
        "phpunit/phpunit": "^10.1",
        "mockery/mockery": "^1.4.4"
    },
    "suggest": { "ext-redis": "Faster cache", "predis/predis": "Redis without the extension" },
    "conflict": { "laravel/framework": "<10" },
    "bin": ["bin/billing", "tools/reconcile.php"],
    "autoload": { "psr-4": { "Acme\\\\Billing\\\\": "src/" } }
}`;

describe('composer.json', () => {
  it('reads require and require-dev without platform packages, and every bin as a main named by its file', () => {
    const pkg = (name: string, version: string, scope: string) => ({ manifest: 'apps/billing/composer.json', ecosystem: 'composer', name, version, scope });
    const main = (name: string, path: string) => ({ name, path, manifest: 'apps/billing/composer.json' });
    expect(parseManifest('apps/billing/composer.json', COMPOSER_JSON)).toEqual({
      packages: [
        pkg('laravel/framework', '^10.10', 'runtime'),
        pkg('guzzlehttp/guzzle', '^7.2', 'runtime'),
        pkg('symfony/console', '~6.3.0', 'runtime'),
        pkg('phpunit/phpunit', '^10.1', 'dev'),
        pkg('mockery/mockery', '^1.4.4', 'dev'),
      ],
      mains: [main('billing', 'apps/billing/bin/billing'), main('reconcile.php', 'apps/billing/tools/reconcile.php')],
      error: null,
    });
  });

  it('takes a single bin string', () => {
    expect(parseManifest('composer.json', '{ "bin": "bin/slim" }').mains).toEqual([{ name: 'slim', path: 'bin/slim', manifest: 'composer.json' }]);
  });

  it('accepts an empty section written as [] and keeps non-string versions as null', () => {
    expect(parseManifest('composer.json', '{ "require": { "monolog/monolog": 2 }, "require-dev": [] }')).toEqual({
      packages: [{ manifest: 'composer.json', ecosystem: 'composer', name: 'monolog/monolog', version: null, scope: 'runtime' }],
      mains: [],
      error: null,
    });
  });

  it('reads the good sections when another is malformed', () => {
    const result = parseManifest('composer.json', '{ "require": ["slim/slim"], "require-dev": { "phpunit/phpunit": "^9" }, "bin": [3, "../x"] }');
    expect(result).toEqual({
      packages: [{ manifest: 'composer.json', ecosystem: 'composer', name: 'phpunit/phpunit', version: '^9', scope: 'dev' }],
      mains: [],
      error: '"require" is not an object; "bin" holds something other than a path; "x" points outside the repository: ../x',
    });
  });

  it('returns nothing and an error for invalid JSON or a non-object document', () => {
    const broken = parseManifest('composer.json', '{ "require": { "slim/slim": "^4" ');
    expect(broken.packages).toEqual([]);
    expect(broken.mains).toEqual([]);
    expect(broken.error).toMatch(/^invalid JSON: /);
    expect(parseManifest('composer.json', '"slim"')).toEqual({ packages: [], mains: [], error: 'composer.json is not a JSON object' });
  });
});
