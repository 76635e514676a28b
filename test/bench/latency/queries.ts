// A fixed set of real queries over the latency corpus (test/bench/latency/corpus.ts), per kind: names a
// person types, questions in plain words, and paths. Timing only: their answers are not scored here.

export type LatencyKind = 'identifier' | 'nl' | 'path';

export interface LatencyQuery {
  kind: LatencyKind;
  q: string;
}

const identifiers = [
  'QuerySet', 'HttpResponseRedirect', 'get_object_or_404', 'ModelAdmin', 'Symbol', 'simplify', 'Matrix', 'integrate',
  'DataFrame', 'read_csv', 'groupby', 'shortest_path', 'Graph', 'Deferred', 'LineReceiver', 'callLater', 'NewServer',
  'UnaryServerInterceptor', 'Analyzer', 'ParseFile', 'Transformer', 'create_engine', 'sessionmaker', 'einsum', 'FuncAnimation',
];
const questions = [
  'how are database migrations applied', 'where is the csrf token checked', 'simplify trigonometric expressions',
  'parse a csv file into a data frame', 'find the shortest path between two nodes', 'retry a failed call with backoff',
  'schedule a callback to run later', 'compress the response with gzip', 'validate an email address',
  'render a template with a context', 'balance load between servers', 'convert unicode text to ascii',
  'format go source code', 'compute the determinant of a matrix', 'what happens when a connection is lost',
  'hash a password before storing it', 'connection pool size limit', 'draw a legend on the plot',
  'solve a system of linear equations', 'merge two data frames on a key', 'cache the result of a query',
  'detect cycles in a directed graph', 'send an email with attachments', 'parse command line flags', 'timeout for a request deadline',
];
const paths = [
  'django/db/models/query.py', 'sympy/matrices/dense.py', 'grpc/server.go', 'pandas/io/parsers', 'twisted/internet/defer.py',
  'networkx/algorithms/shortest_paths/weighted.py', 'x-tools/go/analysis/analysis.go', 'sqlalchemy/orm/session.py', 'numpy/linalg/linalg.py',
  'matplotlib/legend.py', 'settings.py', 'defer.py', 'x-text/unicode/norm/normalize.go', 'dense.py', 'clientconn.go',
];

export const LATENCY_QUERIES: readonly LatencyQuery[] = [
  ...identifiers.map((q) => ({ kind: 'identifier' as const, q })),
  ...questions.map((q) => ({ kind: 'nl' as const, q })),
  ...paths.map((q) => ({ kind: 'path' as const, q })),
];
