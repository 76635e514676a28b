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

// A `.h` file is C or C++; it is C++ when its text says so (the markers GitHub's linguist reads): a class, a namespace,
// a template, an access label, a standard C++ header or `std::`. Parsed as C, a class would be syntax errors.
const CPP_HEADER = /^[ \t]*(?:class[ \t]+\w+[ \t]*(?:final\b[ \t]*)?[:{;]|class[ \t]+\w+[ \t]*$|(?:using[ \t]+)?namespace[ \t]+\w|template[ \t]*<|(?:public|private|protected)[ \t]*:|#[ \t]*include[ \t]*<(?:cstddef|cstdint|cstdio|cstdlib|cstring|string|string_view|vector|map|set|list|memory|utility|algorithm|functional|array|deque|queue|stack|unordered_map|unordered_set|iostream|istream|ostream|sstream|fstream|atomic|mutex|thread|chrono|optional|variant|tuple|limits|type_traits)>)|\bstd::\w/mu;

/** The language of a file whose text is at hand: its extension's, except a C++ header named `.h`. */
export function sourceLanguage(relPath: string, text: string): Language | null {
  const language = languageOf(relPath);
  return language === 'c' && /\.h$/iu.test(relPath) && CPP_HEADER.test(text) ? 'cpp' : language;
}
