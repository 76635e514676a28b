// Loads the hand-written relevance queries, checks each file's shape and that every expected answer
// exists in the fetched corpus; for identifier queries also finds the defining line(s).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const QUERY_KINDS = ['identifier', 'nl', 'path', 'phrase', 'regex'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

const querySchema = z.object({
  id: z.string().min(1),
  q: z.string().min(1),
  kind: z.enum(QUERY_KINDS),
  /** Relevant files, relative to the corpus root, most relevant first. */
  files: z.array(z.string().min(1)).min(1),
  /** Graded relevance per file (same order as files); binary (1 each) when absent. */
  grades: z.array(z.number().positive()).optional(),
  /** Defining symbol(s): "Name" or "Owner.name"; any one of them named in the top 10 counts. */
  symbols: z.array(z.string().min(1)).optional(),
}).strict().refine((x) => !x.grades || x.grades.length === x.files.length, { message: 'grades must have one entry per file' });

export type BenchQuery = z.infer<typeof querySchema> & {
  corpus: string;
  /** 1-based lines in files[0] that define the identifier. */
  definitionLines: number[];
  /** Expected files not in the corpus (reported as problems; such a query would score 0 everywhere). */
  missingFiles: string[];
};

export const QUERIES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'queries');

export const queryCorpora = (): string[] => readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

/** Definitions of `name` in common languages: keyword declarations, assignments and getters. */
function definitionPattern(name: string): RegExp {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const keywords = 'func|def|class|fn|struct|enum|trait|type|interface|function|const|let|var|module|macro_rules!|static';
  return new RegExp(
    `((?<![@\\w-])\\b(?:${keywords})\\s+(?:\\([^)]*\\)\\s*|self\\.)?(?:\\w+::)*${n}(?![\\w$?!])` + // func (r *T) Name / def name / class Name / class Repository::Git / const $Name
      `|^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:async\\s+)?(?:unsafe\\s+)?fn\\s+${n}\\b` +
      `|(?:^|[\\s.])${n}\\s*=\\s*(?:function|async|\\(|[\\w$]+\\s*=>)` + // app.render = function / x = (…) =>
      `|defineGetter\\(\\w+,\\s*'${n}'` +
      `|\\bfunction\\s+&?${n}\\s*\\()`,
  );
}

/** Lines that look like definitions but bind an import (`var Layer = require('./layer')`) or are comments. */
const NOT_A_DEFINITION = /=\s*require\(|^\s*(?:\/\/|\/\*|\*|#(?!\[)|(?:import|from|use)\s)/;
/** Tests may redefine a name (mocks, fixtures): not a second definition for the ambiguity check. */
const TEST_FILE = /(^|\/)(tests?|spec|testdata)\/|[._-](test|spec)\.\w+$|_test\.go$/;

/** The lines of `text` that define the identifier the query names (its last dotted part). */
export function definitionLines(text: string, query: string): number[] {
  const name = query.split(/\.prototype\.|\.|::|#/).pop()!;
  const re = definitionPattern(name);
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (re.test(line) && !NOT_A_DEFINITION.test(line)) lines.push(i + 1);
  });
  return lines;
}

export interface LoadedQueries {
  queries: BenchQuery[];
  problems: string[];
}

/** Loads one corpus's queries; every expected file must exist under `root`. With `corpusFiles`,
 *  an identifier that is also defined in a file the query does not list is reported too. */
export function loadQueries(corpus: string, root: string, corpusFiles: readonly string[] = []): LoadedQueries {
  const texts = new Map<string, string>();
  const textOf = (f: string): string => {
    if (!texts.has(f)) texts.set(f, readFileSync(join(root, f), 'utf8'));
    return texts.get(f)!;
  };
  const problems: string[] = [];
  const file = join(QUERIES_DIR, `${corpus}.json`);
  const parsed = z.array(querySchema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) return { queries: [], problems: [`${corpus}.json: ${parsed.error.message}`] };
  const seen = new Set<string>();
  const queries: BenchQuery[] = [];
  for (const q of parsed.data) {
    if (seen.has(q.id)) problems.push(`${q.id}: duplicate id`);
    seen.add(q.id);
    const missing = q.files.filter((f) => !existsSync(join(root, f)));
    if (missing.length) problems.push(`${q.id}: expected file(s) not in the corpus: ${missing.join(', ')}`);
    let defs: number[] = [];
    if (q.kind === 'identifier' && !missing.includes(q.files[0]!)) {
      defs = definitionLines(textOf(q.files[0]!), q.q);
      if (defs.length === 0) problems.push(`${q.id}: no definition of ${q.q} found in ${q.files[0]}`);
      const elsewhere = corpusFiles.filter((f) => !q.files.includes(f) && !TEST_FILE.test(f) && definitionLines(textOf(f), q.q).length > 0);
      if (elsewhere.length) problems.push(`${q.id}: ${q.q} is also defined in ${elsewhere.join(', ')} (list it, or pick an unambiguous name)`);
    }
    queries.push({ ...q, corpus, definitionLines: defs, missingFiles: missing });
  }
  return { queries, problems };
}
