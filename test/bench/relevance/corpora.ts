// The relevance benchmark's corpora: real open-source codebases pinned to exact versions, fetched from
// registries that ship source (npm tarballs, Debian packages) into a cache dir, once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type CorpusSource = { kind: 'npm'; spec: string } | { kind: 'deb'; pkg: string; version: string };

export interface Corpus {
  name: string;
  language: string;
  source: CorpusSource;
  /** The folder inside the extracted package that is indexed (the project's own source). */
  subdir: string;
}

export const CORPORA: readonly Corpus[] = [
  { name: 'express', language: 'javascript', source: { kind: 'npm', spec: 'express@4.21.2' }, subdir: 'package' },
  { name: 'zod', language: 'typescript', source: { kind: 'npm', spec: 'zod@4.1.12' }, subdir: 'package/src/v4' },
  { name: 'gin', language: 'go', source: { kind: 'deb', pkg: 'golang-github-gin-gonic-gin-dev', version: '1.8.1-1' }, subdir: 'usr/share/gocode/src/github.com/gin-gonic/gin' },
  { name: 'flask', language: 'python', source: { kind: 'deb', pkg: 'python3-flask', version: '2.2.2-3' }, subdir: 'usr/lib/python3/dist-packages/flask' },
  { name: 'requests', language: 'python', source: { kind: 'deb', pkg: 'python3-requests', version: '2.28.1+dfsg-1' }, subdir: 'usr/lib/python3/dist-packages/requests' },
  { name: 'serde_json', language: 'rust', source: { kind: 'deb', pkg: 'librust-serde-json-dev', version: '1.0.87-1' }, subdir: 'usr/share/cargo/registry/serde_json-1.0.87' },
  { name: 'rack', language: 'ruby', source: { kind: 'deb', pkg: 'ruby-rack', version: '2.2.22-0+deb12u2' }, subdir: 'usr/share/rubygems-integration/all/gems/rack-2.2.22' },
  { name: 'monolog', language: 'php', source: { kind: 'deb', pkg: 'php-monolog', version: '2.9.1-1' }, subdir: 'usr/share/php/Monolog' },
  // A Rails application, not a library: models, controllers, migrations, views and its own lib/.
  { name: 'redmine', language: 'ruby', source: { kind: 'deb', pkg: 'redmine', version: '5.0.4-5+deb12u1' }, subdir: 'usr/share/redmine' },
];

export const cacheDir = (): string => process.env.CLEW_BENCH_CACHE ?? join(homedir(), '.cache', 'clew-bench');

const sourceLabel = (s: CorpusSource): string => (s.kind === 'npm' ? `npm ${s.spec}` : `deb ${s.pkg}=${s.version}`);
export const describeSource = sourceLabel;

/** Where a corpus's version is extracted: the name carries the pinned version, so a new pin refetches. */
function extractDir(corpus: Corpus): string {
  const tag = sourceLabel(corpus.source).replace(/[^A-Za-z0-9._-]+/g, '_');
  return join(cacheDir(), 'corpora', `${corpus.name}--${tag}`);
}

function download(corpus: Corpus, into: string): void {
  const downloads = join(cacheDir(), 'downloads');
  mkdirSync(downloads, { recursive: true });
  const before = new Set(readdirSync(downloads));
  const src = corpus.source;
  if (src.kind === 'npm') {
    execFileSync('npm', ['pack', src.spec, '--silent', '--pack-destination', downloads], { stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    execFileSync('apt-get', ['download', `${src.pkg}=${src.version}`], { cwd: downloads, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  const fresh = readdirSync(downloads).filter((f) => !before.has(f));
  const expected = src.kind === 'npm' ? /\.tgz$/ : /\.deb$/;
  const archive = fresh.find((f) => expected.test(f)) ?? findExisting(readdirSync(downloads), src);
  if (!archive) throw new Error(`downloaded nothing for ${sourceLabel(src)}`);
  mkdirSync(into, { recursive: true });
  if (src.kind === 'npm') execFileSync('tar', ['xzf', join(downloads, archive), '-C', into]);
  else execFileSync('dpkg-deb', ['-x', join(downloads, archive), into]);
}

/** A re-download of an archive already there creates no new file: find it by its name. */
function findExisting(files: string[], src: CorpusSource): string | undefined {
  if (src.kind === 'npm') {
    const [name, version] = [src.spec.slice(0, src.spec.lastIndexOf('@')), src.spec.slice(src.spec.lastIndexOf('@') + 1)];
    return files.find((f) => f === `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`);
  }
  const version = src.version.replace(/:/g, '%3a');
  return files.find((f) => f.startsWith(`${src.pkg}_${version}_`) && f.endsWith('.deb'));
}

export type FetchResult = { corpus: Corpus; root: string } | { corpus: Corpus; error: string };

/** Fetches and extracts a corpus unless it is already in the cache; returns the folder to index. */
export function fetchCorpus(corpus: Corpus): FetchResult {
  const dir = extractDir(corpus);
  const root = join(dir, corpus.subdir);
  if (existsSync(join(dir, '.done'))) return { corpus, root };
  try {
    const staging = `${dir}.partial`;
    rmSync(staging, { recursive: true, force: true });
    download(corpus, staging);
    if (!existsSync(join(staging, corpus.subdir))) throw new Error(`${corpus.subdir} is not in the package`);
    writeFileSync(join(staging, '.done'), sourceLabel(corpus.source));
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return { corpus, root };
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    return { corpus, error: stderr || (e as Error).message };
  }
}
