// The index-peers benchmark's tree: real Go code from pinned Debian golang-*-dev packages (their
// /usr/share/gocode/src), fetched once into the bench cache and copied side by side into one folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, type Corpus, describeSource, fetchCorpus } from '../relevance/corpora.js';

const deb = (pkg: string, version: string): Corpus => ({
  name: pkg.replace(/^golang-/, '').replace(/-dev$/, ''), language: 'go', source: { kind: 'deb', pkg, version }, subdir: 'usr/share/gocode/src',
});

/** ~10,800 files, ~100 MB: enough real source files for the "at least 10,000". */
export const GO_PACKAGES: readonly Corpus[] = [
  deb('golang-golang-x-tools-dev', '1:0.5.0+ds-1'),
  deb('golang-golang-x-sys-dev', '0.3.0-1'),
  deb('golang-google-cloud-dev', '0.56.0-3'),
  deb('golang-google-grpc-dev', '1.33.3-2'),
  deb('golang-github-docker-docker-dev', '20.10.24+dfsg1-1+deb12u1'),
  deb('golang-github-containerd-containerd-dev', '1.6.20~ds1-1+deb12u3'),
  deb('golang-github-gophercloud-gophercloud-dev', '0.12.0-1'),
  deb('golang-github-syncthing-syncthing-dev', '1.19.2~ds1-1'),
  deb('golang-etcd-server-dev', '3.4.23-4'),
  deb('golang-github-go-git-go-git-dev', '5.4.2-3'),
  deb('golang-github-nats-io-nats-server-dev', '2.9.10-1'),
  deb('golang-github-gogo-protobuf-dev', '1.3.2-3'),
  deb('golang-github-google-go-github-dev', '48.1.0-2'),
  deb('golang-github-xanzy-go-gitlab-dev', '0.73.1-2'),
  deb('golang-github-cilium-ebpf-dev', '0.9.1-1'),
  deb('golang-github-minio-minio-go-v7-dev', '7.0.46-1'),
  deb('golang-github-prometheus-client-golang-dev', '1.14.0-3'),
];

export interface GoTree {
  root: string;
  files: number;
  bytes: number;
  versions: string[];
}

/** Builds (once) the tree: one folder per package, a plain copy so no tool follows symlinks out of it. */
export function goTree(): GoTree {
  const versions = GO_PACKAGES.map((p) => describeSource(p.source));
  const root = join(cacheDir(), 'index-peers', 'go-tree');
  const stamp = join(cacheDir(), 'index-peers', 'go-tree.done');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== versions.join('\n')) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    for (const pkg of GO_PACKAGES) {
      const got = fetchCorpus(pkg);
      if ('error' in got) throw new Error(`cannot fetch ${describeSource(pkg.source)}: ${got.error}`);
      execFileSync('cp', ['-a', `${got.root}/.`, join(root, pkg.name)]);
    }
    writeFileSync(stamp, versions.join('\n'));
  }
  const [files, bytes] = execFileSync('bash', ['-c', "find . -type f -printf '%s\\n' | awk '{n++; s+=$1} END {print n, s}'"], { cwd: root, encoding: 'utf8' })
    .trim().split(' ').map(Number);
  return { root, files: files ?? 0, bytes: bytes ?? 0, versions };
}
