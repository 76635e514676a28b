// The latency benchmark's corpus: one repository of about 10,000 real source files, made by putting
// pinned Debian packages that ship source (Go and Python) side by side, fetched and cached once.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, describeSource, fetchCorpus, type Corpus } from '../relevance/corpora.js';

const PY = 'usr/lib/python3/dist-packages';
const GO = 'usr/share/gocode/src';

/** Each part lands in a folder of its name inside the combined repository. */
export const PARTS: readonly Corpus[] = [
  { name: 'django', language: 'python', source: { kind: 'deb', pkg: 'python3-django', version: '3:3.2.25-0+deb12u7' }, subdir: `${PY}/django` },
  { name: 'sympy', language: 'python', source: { kind: 'deb', pkg: 'python3-sympy', version: '1.11.1-1' }, subdir: `${PY}/sympy` },
  { name: 'pandas', language: 'python', source: { kind: 'deb', pkg: 'python3-pandas', version: '1.5.3+dfsg-2' }, subdir: `${PY}/pandas` },
  { name: 'numpy', language: 'python', source: { kind: 'deb', pkg: 'python3-numpy', version: '1:1.24.2-1+deb12u1' }, subdir: `${PY}/numpy` },
  { name: 'twisted', language: 'python', source: { kind: 'deb', pkg: 'python3-twisted', version: '22.4.0-4+deb12u1' }, subdir: `${PY}/twisted` },
  { name: 'networkx', language: 'python', source: { kind: 'deb', pkg: 'python3-networkx', version: '2.8.8-1' }, subdir: `${PY}/networkx` },
  { name: 'sqlalchemy', language: 'python', source: { kind: 'deb', pkg: 'python3-sqlalchemy', version: '1.4.46+ds1-1' }, subdir: `${PY}/sqlalchemy` },
  { name: 'matplotlib', language: 'python', source: { kind: 'deb', pkg: 'python3-matplotlib', version: '3.6.3-1+b1' }, subdir: `${PY}/matplotlib` },
  { name: 'x-tools', language: 'go', source: { kind: 'deb', pkg: 'golang-golang-x-tools-dev', version: '1:0.5.0+ds-1' }, subdir: `${GO}/golang.org/x/tools` },
  { name: 'x-text', language: 'go', source: { kind: 'deb', pkg: 'golang-golang-x-text-dev', version: '0.7.0-1' }, subdir: `${GO}/golang.org/x/text` },
  { name: 'grpc', language: 'go', source: { kind: 'deb', pkg: 'golang-google-grpc-dev', version: '1.33.3-2' }, subdir: `${GO}/google.golang.org/grpc` },
];

/** Fetches every part (cached) and assembles the repository once; returns its folder. */
export function latencyCorpus(): string {
  const root = join(cacheDir(), 'latency', 'repo');
  const tag = PARTS.map((p) => describeSource(p.source)).join('\n');
  const marker = join(root, '.done');
  if (existsSync(marker)) return root;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const part of PARTS) {
    const fetched = fetchCorpus(part);
    if ('error' in fetched) throw new Error(`cannot fetch ${describeSource(part.source)}: ${fetched.error}`);
    // Copies, not links: the walker indexes what is inside the repository.
    cpSync(fetched.root, join(root, part.name), { recursive: true, verbatimSymlinks: true });
  }
  writeFileSync(marker, tag);
  return root;
}

export const partNames = (root: string): string[] => readdirSync(root).filter((n) => !n.startsWith('.'));
