import { describe, expect, it } from 'vitest';
import type { ParsedSymbol } from '../../../electron/base/fileAnalysis.js';
import { chunkableFile, fileChunks } from '../../../electron/base/fileChunks.js';
import { excerptOf } from '../../../electron/base/storedUnit.js';
import { chunkUnitText } from '../../../electron/base/unitText.js';

const fn = (fqn: string, startLine: number, endLine: number): ParsedSymbol => ({
  fqn, name: fqn, kind: 'function', parent: null, startLine, endLine, signature: fqn, doc: null, modifiers: [],
});

describe('file chunks', () => {
  it('cuts Markdown at headings and labels each chunk with its heading', () => {
    const md = ['# Guide', '', 'Clew finds code by meaning and by name.', '', '## Installing', '', 'Run the installer, then open the app and add a folder.',
      '', '## Searching', '', 'Type a question into the box; auto mode ranks definitions first.'];
    const chunks = fileChunks('docs/guide.md', md, []);
    expect(chunks.map((c) => [c.startLine, c.endLine, c.label])).toEqual([[1, 3, 'Guide'], [5, 7, 'Installing'], [9, 11, 'Searching']]);
  });

  it('labels SQL statements by what they create and keeps each chunk within bounds', () => {
    const lines: string[] = [];
    for (let t = 0; t < 6; t++) {
      lines.push(`CREATE TABLE IF NOT EXISTS table_${t} (`);
      for (let c = 0; c < 12; c++) lines.push(`  column_${c} TEXT NOT NULL,`);
      lines.push('  id INTEGER PRIMARY KEY', ');', '');
    }
    const chunks = fileChunks('db/schema.sql', lines, []);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.endLine - c.startLine + 1).toBeLessThanOrEqual(48);
      // Cuts fall between statements: every chunk starts with a CREATE.
      expect(c.text.startsWith('CREATE TABLE')).toBe(true);
      expect(c.label).toMatch(/^table table_\d$/);
    }
    expect(chunks[chunks.length - 1]?.endLine).toBe(lines.length - 1);
  });

  it('leaves lines covered by symbols to their symbols and chunks the rest of a script', () => {
    const script = ['#!/bin/sh', 'set -eu', '', 'deploy() {', '  echo deploying', '}', '', '# Build the release archive and upload it to the mirror',
      'tar czf release.tgz dist/', 'scp release.tgz mirror:/srv/releases/', 'deploy'];
    const chunks = fileChunks('scripts/release.sh', script, [fn('scripts/release.sh:deploy', 4, 6)]);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ startLine: 8, endLine: 11, label: 'after scripts/release.sh:deploy' });
    // `#!/bin/sh\nset -eu` says too little to embed on its own.
    const chunk = chunks[0]!;
    expect(chunkUnitText(chunk, 'scripts/release.sh', excerptOf(script, 'chunk', chunk.startLine, chunk.endLine))).toBe(`text in scripts/release.sh\nafter scripts/release.sh:deploy\n${script.slice(7).join('\n')}`);
  });

  it('skips lock files and minified bundles', () => {
    expect(chunkableFile('package-lock.json', ['{}'])).toBe(false);
    expect(chunkableFile('Cargo.lock', ['x'])).toBe(false);
    expect(chunkableFile('dist/app.min.js', ['x'])).toBe(false);
    expect(chunkableFile('dist/bundle.js', ['x'.repeat(5000)])).toBe(false);
    expect(chunkableFile('config/app.yaml', ['name: clew'])).toBe(true);
  });
});

describe('file headers beside symbols', () => {
  it('drops a licence comment and imports in a file with symbols, keeps module-level code', () => {
    const php = ['<?php', '', '/*', ' * This file is part of the Monolog package.', ' * For the full copyright and license information, please view the LICENSE file.', ' */', '',
      'namespace Monolog\\Formatter;', '', 'use Monolog\\Utils;', 'use Monolog\\LogRecord;', '', 'class LineFormatter {', '}'];
    expect(fileChunks('src/LineFormatter.php', php, [fn('LineFormatter', 13, 14)])).toEqual([]);
    const py = ['import os', 'import sys', '', 'DEFAULT_TIMEOUT = float(os.environ.get("TIMEOUT", "30"))', 'RETRIES = 3', '', 'def main():', '    pass'];
    expect(fileChunks('app/config.py', py, [fn('main', 7, 8)]).map((c) => [c.startLine, c.endLine])).toEqual([[1, 5]]);
    // Without symbols the same header is all the file has to say: it stays.
    expect(fileChunks('src/header.php', php.slice(0, 12), [])).toHaveLength(1);
  });
});
