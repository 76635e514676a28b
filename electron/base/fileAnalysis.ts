// What parsing one file yields: plain data the indexer writes in one transaction.
import type { EntryKind, Language, SymbolKind } from '../../shared/types.js';

export interface ParsedSymbol {
  /** Stable fully-qualified name, unique within the file (collisions get a `#2`, `#3` suffix). */
  fqn: string;
  name: string;
  kind: SymbolKind;
  /** Index into the same `symbols` array of the enclosing symbol, or null at top level. Parents come first. */
  parent: number | null;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** The declaration head on one line, e.g. `public List<User> findAll(int page)`; at most ~300 chars. */
  signature: string;
  /** The doc comment (Javadoc, JSDoc, docstring, `///`, `#`) with comment markers stripped, or null. */
  doc: string | null;
  /** Modifiers and annotations/decorators/attributes as written, e.g. `public`, `static`, `@GetMapping("/x")`. */
  modifiers: string[];
}

export interface ParsedEntryPoint {
  kind: EntryKind;
  /** e.g. spring, jax-rs, express, koa, fastify, nestjs, flask, fastapi, django, net/http, gin, echo, chi, axum, actix, node-cron, celery, kafka, rabbitmq, jms, sqs, main */
  framework: string;
  /** HTTP method upper-case (`GET`, `POST`, … or `ANY`), else null. */
  method: string | null;
  /** Full HTTP path including class/router prefixes, else null. */
  path: string | null;
  /** Cron expression or `fixedRate=5000`-style description, else null. */
  schedule: string | null;
  /** Topic/queue/destination names, comma-joined, else null. */
  queue: string | null;
  /** Index into `symbols` of the handler when it is defined in this file, else null. */
  symbol: number | null;
  /** The handler as written when it lives elsewhere (e.g. Django `views.index`), for resolution by name. */
  handler: string | null;
  /** 1-based line of the declaration (the annotation, route call or main). */
  line: number;
}

/** 'data-access': a call through the code's own repository or DAO object (`ownerRepository.findById`), the store behind it unseen. */
export type ExternalKind = 'http' | 'sql' | 'orm' | 'data-access' | 'redis' | 'queue' | 'grpc' | 'mongo' | 'elasticsearch' | 'cloud';

export interface ParsedExternalCall {
  /** Index into `symbols` of the enclosing symbol, or null at top level. */
  symbol: number | null;
  kind: ExternalKind;
  /** The client used, e.g. `RestTemplate`, `fetch`, `axios`, `requests`, `JdbcTemplate`, `KafkaTemplate`. */
  client: string;
  /** URL, table, topic, key prefix … when visible as a literal, else null. */
  target: string | null;
  line: number;
}

/** One import: a name bound in the file to a name (or the whole module) of another module. */
export interface ParsedImport {
  /** The name as used in the file; '*' for `export * from` and `from x import *`. */
  local: string;
  /** The name in the source module ('default', '*'), or null when the binding is the module itself (a namespace, a Go package). */
  imported: string | null;
  /** The specifier as written: './util', '.models', 'github.com/x/y', 'a.b' (Java: the package, or the class for a static import). */
  source: string;
  line: number;
}

/** Identifier occurrences of a file, compact so they cross from a parse worker cheaply. */
export interface FileOccurrences {
  /** Distinct names, indexed by `rows`. */
  names: string[];
  /** Six numbers per occurrence: line, column (1-based, UTF-16), name index, role (index into OCCURRENCE_ROLES),
   * enclosing symbol (index into `symbols`, -1 at top level), qualifier name index (-1 when none). An Int32Array from
   * the parse to the writer: the copy between threads takes it as one block (~20 million numbers on a 10,000-file tree). */
  rows: Int32Array;
  imports: ParsedImport[];
}

export interface FileAnalysis {
  language: Language;
  symbols: ParsedSymbol[];
  entryPoints: ParsedEntryPoint[];
  calls: ParsedExternalCall[];
  /** Null for a language the occurrence pass does not cover. */
  occurrences: FileOccurrences | null;
  /** Detector failures on this file: what was found before them is kept, and they are reported. */
  warnings: string[];
}

export interface DeclaredPackage {
  manifest: string;
  ecosystem: 'npm' | 'maven' | 'gradle' | 'pypi' | 'go' | 'cargo' | 'composer' | 'rubygems' | 'nuget';
  name: string;
  version: string | null;
  scope: 'runtime' | 'dev' | 'build' | 'optional' | 'peer' | 'test';
}
