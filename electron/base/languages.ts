// File extension → language. Files with no entry here are indexed for text search only.
import type { Language } from '../../shared/types.js';

const BY_EXTENSION: Record<string, Language> = {
  '.java': 'java',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript',
  '.py': 'python', '.pyi': 'python',
  '.go': 'go',
  '.rs': 'rust',
  '.cs': 'csharp',
  '.cpp': 'cpp', '.cc': 'cpp', '.cxx': 'cpp', '.hpp': 'cpp', '.hh': 'cpp', '.hxx': 'cpp',
  '.c': 'c', '.h': 'c',
  '.rb': 'ruby', '.rake': 'ruby',
  '.php': 'php',
  '.sh': 'bash', '.bash': 'bash',
  '.css': 'css',
  '.kt': 'kotlin', '.kts': 'kotlin',
  '.scala': 'scala', '.sc': 'scala',
  '.swift': 'swift',
  '.hs': 'haskell', '.lhs': 'haskell',
  '.lua': 'lua',
  '.zig': 'zig',
  '.ex': 'elixir', '.exs': 'elixir',
};

export function languageOf(relPath: string): Language | null {
  const slash = relPath.lastIndexOf('/');
  const base = relPath.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return base === 'Rakefile' || base === 'Gemfile' ? 'ruby' : null;
  return BY_EXTENSION[base.slice(dot).toLowerCase()] ?? null;
}
