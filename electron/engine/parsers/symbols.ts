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
  }
}
