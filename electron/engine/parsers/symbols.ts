// Symbol extraction: picks the extractor for the language; each walks the tree once without descending into bodies.
import type { Language } from '../../../shared/types.js';
import { extractBash } from './bash.js';
import { extractCpp } from './cpp.js';
import { extractCSharp } from './csharp.js';
import { extractGo } from './go.js';
import { extractJava } from './java.js';
import { extractPhp } from './php.js';
import { extractPython } from './python.js';
import { extractRuby } from './ruby.js';
import { extractRust } from './rust.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import { extractTypeScript } from './typescript.js';
import { extractKotlin } from './kotlin.js';
import { extractScala } from './scala.js';
import { extractSwift } from './swift.js';
import { extractHaskell } from './haskell.js';
import { extractLua } from './lua.js';
import { extractZig } from './zig.js';
import { extractElixir } from './elixir.js';

export function extractSymbols(lang: Language, root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  switch (lang) {
    case 'java':
      return extractJava(root, source);
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return extractTypeScript(root, source, relPath);
    case 'python':
      return extractPython(root, source, relPath);
    case 'go':
      return extractGo(root, source, relPath);
    case 'rust':
      return extractRust(root, source, relPath);
    case 'csharp':
      return extractCSharp(root, source);
    case 'cpp':
    case 'c':
      return extractCpp(root, source);
    case 'ruby':
      return extractRuby(root, source);
    case 'php':
      return extractPhp(root, source);
    case 'bash':
      return extractBash(root, source, relPath);
    case 'css':
      // Stylesheets have rules, not symbols; they are indexed for text search only.
      return [];
    case 'kotlin':
      return extractKotlin(root, source, relPath);
    case 'scala':
      return extractScala(root, source, relPath);
    case 'swift':
      return extractSwift(root, source, relPath);
    case 'haskell':
      return extractHaskell(root, source, relPath);
    case 'lua':
      return extractLua(root, source, relPath);
    case 'zig':
      return extractZig(root, source, relPath);
    case 'elixir':
      return extractElixir(root, source, relPath);
  }
}
