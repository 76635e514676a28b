// Human-readable output for the CLI (the --json shapes are the DTOs themselves).
import { indexingNote } from '../shared/indexingNote.js';
import { byConcern, isDesignedSkip } from '../shared/issueOrder.js';
import type { EntryPointRow, IndexReport, NoteRow, RepairReport, RepoDeps, SearchResponse, StatusReport, SymbolRow, SyncStatus } from '../shared/types.js';

const ago = (t: number | null): string => (t === null ? 'never' : new Date(t).toISOString().replace('T', ' ').slice(0, 19));

export function formatIndex(r: IndexReport): string {
  const skipped = Object.entries(r.skipped).map(([reason, n]) => `${reason} ${n}`).join(', ') || 'none';
  return [
    `indexed ${r.repo.path} (repo ${r.repo.id}) in ${(r.durationMs / 1000).toFixed(2)}s`,
    `  files ${r.files} (changed ${r.changed}, unchanged ${r.unchanged}, removed ${r.removed})`,
    `  symbols ${r.symbols}, entry points ${r.entryPoints}, dependencies ${r.dependencies}, packages ${r.packages}, text units ${r.units}`,
    `  skipped: ${skipped}`,
    ...listedIssues(r),
  ].join('\n');
}

const LISTED_ISSUES = 10;

/** The files worth a look, worst first; binary files and ignore rules are only counted (the skipped line). */
function listedIssues(r: IndexReport): string[] {
  const problems = byConcern(r.issues.filter((i) => !isDesignedSkip(i)));
  const lines = problems.slice(0, LISTED_ISSUES).map((i) => `  ! ${i.path}: ${i.message}`);
  if (problems.length > LISTED_ISSUES) lines.push(`  … ${problems.length - LISTED_ISSUES} more (see --json)`);
  return lines;
}

export function formatSearch(r: SearchResponse): string {
  if (r.files) return formatFileHits(r);
  const lines = r.results.map((h) => `${h.path}:${h.line}:${h.column}  ${h.snippet}${h.symbol ? `   [${h.symbol}]` : ''}`);
  const count = `${r.results.length}${r.truncated ? '+' : ''} result${r.results.length === 1 ? '' : 's'}`;
  lines.push(`${count} in ${r.tookMs} ms${r.truncated ? ' (more exist: raise --limit or narrow the query)' : ''}${r.unindexed ? ' (no indexable literal: scanned)' : ''}`);
  if (r.syntax?.filters.length) lines.push(`filters: ${r.syntax.filters.map((f) => `${f.key}:${f.value}`).join(' ')}`);
  return [...lines, ...notes(r)].join('\n');
}

/** What the answer says about itself: a partial answer's reason, repos still being indexed. */
function notes(r: SearchResponse): string[] {
  const indexing = indexingNote(r.indexing ?? []);
  return [...(r.notice ? [`note: ${r.notice}`] : []), ...(indexing ? [`note: ${indexing}`] : [])];
}

/** `--files`: each file with its score and reasons, then its best hits indented. */
function formatFileHits(r: SearchResponse): string {
  const lines: string[] = [];
  for (const f of r.files ?? []) {
    lines.push(`${f.path}  (${f.why.slice(0, 3).join('; ')})`);
    for (const h of f.hits) lines.push(`  ${h.line}:${h.column}  ${h.snippet}`);
  }
  const count = r.files?.length ?? 0;
  lines.push(`${count}${r.truncated ? '+' : ''} file${count === 1 ? '' : 's'} in ${r.tookMs} ms${r.truncated ? ' (more exist: raise --limit or narrow the query)' : ''}`);
  return [...lines, ...notes(r)].join('\n');
}

export function formatSymbols(rows: SymbolRow[]): string {
  return rows.map((s) => `${s.kind.padEnd(11)} ${s.fqn}  ${s.file}:${s.line}`).join('\n') || 'no symbols';
}

export function formatEntryPoints(rows: EntryPointRow[]): string {
  return rows.map((e) => {
    const what = e.kind === 'http' ? `${(e.method ?? 'ANY').padEnd(6)} ${e.path ?? ''}` : e.kind === 'schedule' ? e.schedule ?? '' : e.kind === 'listener' ? e.queue ?? '' : e.queue ?? 'main';
    return `${e.kind.padEnd(8)} ${what}  → ${e.symbol ?? '?'}  (${e.file}:${e.line}, ${e.framework})`;
  }).join('\n') || 'no entry points';
}

export function formatDeps(d: RepoDeps): string {
  const calls = d.calls.map((c) => `${c.kind.padEnd(8)} ${c.client}${c.target ? ` → ${c.target}` : ''}  in ${c.symbol ?? '(top level)'} (${c.file}:${c.line})`);
  const packages = d.packages.map((p) => `${p.ecosystem.padEnd(8)} ${p.name}${p.version ? `@${p.version}` : ''} [${p.scope}]  (${p.manifest})`);
  return [`external calls (${calls.length}):`, ...calls, `declared packages (${packages.length}):`, ...packages].join('\n');
}

export function formatNotes(rows: NoteRow[]): string {
  return rows.map((n) => `#${n.id} [${n.state}] ${n.fqn}: ${n.text}${n.staleReason ? `  (${n.staleReason})` : ''}`).join('\n') || 'no notes';
}

export function formatStatus(s: StatusReport): string {
  const repos = s.repos.map((r) => `  ${r.id}  ${r.path}  files ${r.files}, symbols ${r.symbols}, entry points ${r.entryPoints}, indexed ${ago(r.indexedAt)}${r.indexing ? `, indexing now: ${r.indexing.filesDone} of ${r.indexing.filesTotal} files` : ''}`);
  const v = s.vectorStore;
  const check = s.sync.lastCheck;
  return [`data dir ${s.dataDir}`, `repos (${s.repos.length}):`, ...repos,
    `sync: synced ${s.sync.synced}, pending ${s.sync.pending}, failed ${s.sync.failed}, tombstones ${s.sync.tombstones}`,
    `  last run: ${s.sync.lastRun ? `${ago(s.sync.lastRun.at)} sent ${s.sync.lastRun.sent}, deleted ${s.sync.lastRun.deleted}, failed ${s.sync.lastRun.failed}${s.sync.lastRun.error ? ` (${s.sync.lastRun.error})` : ''}` : 'never'}`,
    `  last check: ${check ? `${check.kind} ${ago(check.at)}: orphans ${check.orphans}, missing ${check.missing}, stale ${check.stale}, ${check.healthy ? 'healthy' : `UNHEALTHY (${check.detail ?? ''})`}` : 'none yet'}`,
    ...(s.embedderFallback ? [`embedder: ${s.embedderFallback}`] : []),
    `vector server: ${v.mode} ${v.state}${v.url ? ` at ${v.url}` : ''}${v.pid ? ` (pid ${v.pid})` : ''}${v.version ? `, Chroma ${v.version}` : ''}${v.restarts ? `, ${v.restarts} restarts` : ''}${v.lastError ? `, last error: ${v.lastError}` : ''}`].join('\n');
}

export function formatSyncWait(s: SyncStatus & { drained: boolean; waitedMs: number }): string {
  return `sync: ${s.drained ? 'done' : 'NOT done'} in ${(s.waitedMs / 1000).toFixed(2)}s: synced ${s.synced}, pending ${s.pending}, failed ${s.failed}, tombstones ${s.tombstones}${s.lastError ? ` (last error: ${s.lastError})` : ''}`;
}

export function formatRepair(r: RepairReport): string {
  const verb = r.dryRun ? 'would' : 'did';
  return [
    `${r.dryRun ? 'dry run: ' : ''}found ${r.orphans} orphan vectors, ${r.missing} missing, ${r.stale} stale, ${r.unsearchable} not found by search`,
    `  ${verb} delete ${r.dryRun ? r.orphans : r.orphansDeleted} orphans and re-queue ${r.dryRun ? r.missing + r.stale + r.unsearchable : r.requeued} rows`,
    `  health: ${r.healthy ? 'ok' : `FAILED (${r.healthError ?? 'unknown'})`}${r.rebuilt ? '; the collection was rebuilt from SQLite' : ''}`,
    `  took ${(r.durationMs / 1000).toFixed(2)}s`,
  ].join('\n');
}
