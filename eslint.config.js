// Lint rules, including the layering rules of DESIGN.md: checked, not reviewed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { layerZones } from './scripts/layers.mjs';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'url', 'util', 'net', 'http', 'events', 'stream'];

// All SQL lives in electron/db, behind functions taking a ReadDb or a WriteDb: elsewhere no connection is
// opened and no statement, pragma or transaction is run. A call on something named *db, or with SQL text
// inline, counts (RegExp.exec on a variable and other `prepare` methods do not).
const SQL_CALL = '/^(prepare|exec|pragma|transaction)$/';
const SQL_MESSAGE = 'SQL lives in electron/db: add a function to db/read (ReadDb) or db/write (WriteDb) and call it.';
const SQL_OUTSIDE_DB = [
  { selector: "ImportDeclaration[source.value='better-sqlite3']", message: 'Only electron/db opens SQLite connections (openRead, openWrite).' },
  { selector: "ImportExpression[source.value='better-sqlite3']", message: 'Only electron/db opens SQLite connections (openRead, openWrite).' },
  { selector: `CallExpression[callee.property.name=${SQL_CALL}][callee.object.name=/db$/i]`, message: SQL_MESSAGE },
  { selector: `CallExpression[callee.property.name=${SQL_CALL}][callee.object.property.name=/db$/i]`, message: SQL_MESSAGE },
  { selector: "CallExpression[callee.property.name=/^(prepare|exec|pragma)$/][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: SQL_MESSAGE },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-renderer/**', 'node_modules/**', 'release/**', 'test/**/output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', performance: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Layer order and no import cycles between backend files: the table lives in scripts/layers.mjs.
    files: ['electron/**/*.ts', 'shared/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Sources import './x.js' for './x.ts' (NodeNext); an import the resolver cannot follow would skip the rule.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json', '.node'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
      'import-x/no-cycle': 'error',
      'import-x/no-unresolved': ['error', { ignore: ['^electron$'] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/db/**'],
    rules: { 'no-restricted-syntax': ['error', ...SQL_OUTSIDE_DB] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)', message: 'shared/ imports nothing outside shared/.' }] }],
    },
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/core/**/*.ts', 'electron/db/**/*.ts', 'electron/sidecar/**/*.ts', 'electron/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main.ts, preload.ts and transport/ipc may import electron.' }], patterns: [{ regex: '^\\.\\./\\.\\./renderer|^\\.\\./renderer', message: 'The backend never imports the renderer.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks only to window.api.' }, ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer never imports Node.' }))],
        patterns: [{ regex: '^node:', message: 'The renderer never imports Node.' }, { regex: '(^|/)electron/', message: 'The renderer imports only shared/.' }],
      }],
    },
  },
);
