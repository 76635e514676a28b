// The TypeScript language service as the oracle for TypeScript and JavaScript: the compiler's own
// answer to "go to definition" and "find all references" over the corpus's files.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { Oracle, Place } from './oracle.js';

export function typescriptOracle(root: string, files: string[]): Oracle {
  const absolute = files.map((f) => join(root, f));
  const texts = new Map<string, string>();
  const text = (path: string): string | undefined => {
    if (!texts.has(path)) {
      try { texts.set(path, readFileSync(path, 'utf8')); } catch { return undefined; }
    }
    return texts.get(path);
  };
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowJs: true, checkJs: false, strict: true, noEmit: true, skipLibCheck: true, jsx: ts.JsxEmit.Preserve,
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => absolute,
    getScriptVersion: () => '1',
    getScriptSnapshot: (path) => {
      const t = text(path);
      return t === undefined ? undefined : ts.ScriptSnapshot.fromString(t);
    },
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (path) => text(path) !== undefined,
    readFile: (path) => text(path),
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const inCorpus = (path: string): boolean => !relative(root, path).startsWith('..') && !path.includes('/node_modules/');
  const offsetOf = (path: string, at: Place): number => ts.getPositionOfLineAndCharacter(service.getProgram()!.getSourceFile(path)!, at.line, at.character);
  const placeOf = (path: string, offset: number): Place => {
    const pos = ts.getLineAndCharacterOfPosition(service.getProgram()!.getSourceFile(path)!, offset);
    return { file: relative(root, path), line: pos.line, character: pos.character };
  };
  return {
    name: `typescript ${ts.version} language service`,
    async definition(at) {
      const path = join(root, at.file);
      const defs = service.getDefinitionAtPosition(path, offsetOf(path, at)) ?? [];
      return defs.filter((d) => inCorpus(d.fileName)).map((d) => placeOf(d.fileName, d.textSpan.start));
    },
    async references(at) {
      const path = join(root, at.file);
      const groups = service.findReferences(path, offsetOf(path, at)) ?? [];
      return groups.flatMap((g) => g.references)
        .filter((r) => !r.isDefinition && inCorpus(r.fileName))
        .map((r) => placeOf(r.fileName, r.textSpan.start));
    },
    async close() { service.dispose(); },
  };
}
