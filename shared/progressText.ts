// One index run's progress in words, the same in the app and the CLI: phase, files and bytes done of the
// total, the rate, and the time left (estimated from bytes by the engine; absent while too early to say).
import type { IndexProgress } from './types.js';

const MB = 1e6;

/** Megabytes with a decimal while small: "0.4", "21.3", "82". */
export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return mb < 100 ? mb.toFixed(1) : Math.round(mb).toLocaleString();
}

function timeLeft(p: IndexProgress): string {
  if (p.etaSeconds === null || p.filesTotal <= p.filesDone) return '';
  const seconds = p.etaSeconds;
  return seconds >= 60 ? `, ~${Math.floor(seconds / 60)} min ${seconds % 60} s left` : `, ~${seconds} s left`;
}

/** "parsing 2,581/10,796 files, 21.3/81.9 MB at 3.2 MB/s, ~37 s left"; bytes only when the run reads any (unchanged files are not read). */
export function progressText(p: IndexProgress): string {
  // The walk's first event counts nothing yet: its phase alone, not "walking 0/0 files, 0 files/s".
  if (p.filesTotal === 0 && p.filesDone === 0) return `${p.phase}…`;
  const files = `${p.phase} ${p.filesDone.toLocaleString()}/${p.filesTotal.toLocaleString()} files`;
  const bytes = p.bytesTotal > 0 ? `, ${megabytes(p.bytesDone)}/${megabytes(p.bytesTotal)} MB${p.bytesPerSec > 0 ? ` at ${megabytes(p.bytesPerSec)} MB/s` : ''}` : p.ratePerSec > 0 ? `, ${Math.round(p.ratePerSec).toLocaleString()} files/s` : '';
  return `${files}${bytes}${timeLeft(p)}`;
}
