// Clew's language names → CodeMirror language support, loaded on first use (each is its own chunk).
import { type LanguageSupport, StreamLanguage } from '@codemirror/language';
import type { Extension } from '@codemirror/state';

const LOADERS: Record<string, () => Promise<Extension>> = {
  java: async () => (await import('@codemirror/lang-java')).java(),
  typescript: async () => (await import('@codemirror/lang-javascript')).javascript({ typescript: true }),
  tsx: async () => (await import('@codemirror/lang-javascript')).javascript({ typescript: true, jsx: true }),
  javascript: async () => (await import('@codemirror/lang-javascript')).javascript({ jsx: true }),
  python: async () => (await import('@codemirror/lang-python')).python(),
  go: async () => (await import('@codemirror/lang-go')).go(),
  rust: async () => (await import('@codemirror/lang-rust')).rust(),
  cpp: async () => (await import('@codemirror/lang-cpp')).cpp(),
  c: async () => (await import('@codemirror/lang-cpp')).cpp(),
  php: async () => (await import('@codemirror/lang-php')).php({ plain: false }),
  css: async () => (await import('@codemirror/lang-css')).css(),
  csharp: async () => StreamLanguage.define((await import('@codemirror/legacy-modes/mode/clike')).csharp),
  ruby: async () => StreamLanguage.define((await import('@codemirror/legacy-modes/mode/ruby')).ruby),
  bash: async () => StreamLanguage.define((await import('@codemirror/legacy-modes/mode/shell')).shell),
};

const cache = new Map<string, Promise<Extension>>();

export function loadLanguage(language: string | null): Promise<Extension | LanguageSupport | null> {
  const loader = language ? LOADERS[language] : undefined;
  if (!language || !loader) return Promise.resolve(null);
  let pending = cache.get(language);
  if (!pending) cache.set(language, (pending = loader()));
  return pending;
}
