// The real Spring Boot application bench:nav-java measures on: JHipster (npm generator-jhipster, pinned)
// generates it offline from test/bench/nav/spring-app.jdl into the bench cache, once. Entities,
// REST resources, services, MapStruct mappers, Spring Data repositories, security and config.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from '../relevance/corpora.js';
import { walkSources } from './files.js';

/** The generator, pinned: 8.11.0 is the last JHipster that runs on Node 20 (9.x wants Node ≥ 22.18). */
export const JHIPSTER_VERSION = '8.11.0';

/**
 * sha256 of the generated Java sources (paths and contents): the hand-checked lines in java-cases.json
 * are only right for exactly this code. A different hash means the generator's output moved.
 */
export const JAVA_SOURCES_SHA256 = 'bf431b8b1a5651cde87e1c1251951f8a5ace8a1efd6b37b3c0cb0c93872b1617';

const JDL = join(dirname(fileURLToPath(import.meta.url)), 'spring-app.jdl');

export interface SpringApp { root: string; javaFiles: string[]; sourcesMatch: boolean; label: string }

function generatorDir(): string {
  const dir = join(cacheDir(), 'spring', `jhipster-${JHIPSTER_VERSION}`);
  if (!existsSync(join(dir, 'node_modules', 'generator-jhipster', 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    console.error(`installing generator-jhipster@${JHIPSTER_VERSION} into ${dir} (once, about 2 minutes)…`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `generator-jhipster@${JHIPSTER_VERSION}`], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return dir;
}

/** sha256 over the sorted Java files' paths and contents. */
export function javaSourcesHash(root: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

/** Generates the app once (a marker file says it finished); later calls only read it. */
export function springApp(): SpringApp {
  const root = join(cacheDir(), 'spring', `clinic--jhipster-${JHIPSTER_VERSION}`);
  const marker = join(root, '.clew-generated');
  if (!existsSync(marker)) {
    const generator = generatorDir();
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    copyFileSync(JDL, join(root, 'app.jdl'));
    console.error(`generating the Spring Boot app with JHipster ${JHIPSTER_VERSION} into ${root}…`);
    execFileSync(join(generator, 'node_modules', '.bin', 'jhipster'), ['jdl', 'app.jdl', '--skip-install', '--skip-git', '--skip-checks', '--no-insight', '--force'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // JHipster writes package-info.java in some cache locations and not in others: drop them so every run sees the same files.
    for (const file of walkSources(root, ['package-info.java'])) unlinkSync(join(root, file));
    writeFileSync(marker, `generator-jhipster@${JHIPSTER_VERSION}\n`);
  }
  const javaFiles = walkSources(root, ['.java']);
  return { root, javaFiles, sourcesMatch: javaSourcesHash(root, javaFiles) === JAVA_SOURCES_SHA256, label: `JHipster ${JHIPSTER_VERSION} app from spring-app.jdl` };
}
