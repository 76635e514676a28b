// Entry points and external calls in tests are marked, and left out unless asked for: in Flask, 466 of
// 471 entry points were test routes. One decision of what a test file is: search/fileRoles.ts.
import { isTestPath } from '../base/fileRoles.js';

export function markTests<T extends { file: string }>(rows: readonly T[], includeTests: boolean): Array<T & { inTest: boolean }> {
  const marked = rows.map((row) => ({ ...row, inTest: isTestPath(row.file) }));
  return includeTests ? marked : marked.filter((row) => !row.inTest);
}
