// A deterministic generated Java/Python corpus: Spring controllers, services, listeners, Flask apps.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NOUNS = ['user', 'order', 'invoice', 'payment', 'cart', 'product', 'shipment', 'account', 'ledger', 'report', 'session', 'token', 'catalog', 'coupon', 'review'];
const VERBS = ['find', 'load', 'save', 'update', 'remove', 'parse', 'validate', 'compute', 'render', 'sync', 'export', 'import', 'merge', 'resolve', 'publish'];

const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function javaFile(i: number, next: () => number): { path: string; text: string } {
  const noun = NOUNS[i % NOUNS.length]!;
  const pkg = `com.bench.m${i % 50}.${noun}`;
  const cls = `${cap(noun)}${['Controller', 'Service', 'Repository', 'Listener'][i % 4]}${i}`;
  const methods: string[] = [];
  const count = 4 + Math.floor(next() * 8);
  for (let m = 0; m < count; m++) {
    const verb = VERBS[(i + m) % VERBS.length]!;
    const name = `${verb}${cap(noun)}${m}`;
    const annotation = i % 4 === 0 ? `    @GetMapping("/${noun}s/{id}/${verb}${m}")\n` : i % 4 === 3 && m === 0 ? `    @KafkaListener(topics = "${noun}-events")\n` : '';
    methods.push(`    /** ${cap(verb)}s the ${noun} number ${m}. */\n${annotation}    public ${cap(noun)}Dto ${name}(long id, String filter) {\n        String parse_config = filter.trim();\n        int total = 0;\n        for (int k = 0; k < ${m + 3}; k++) {\n            total += k * ${i % 17};\n        }\n        return ${noun}Repository.${verb}ById(id, total, parse_config);\n    }\n`);
  }
  const head = i % 4 === 0 ? `@RestController\n@RequestMapping("/api/v${i % 3}")\n` : i % 4 === 1 ? '@Service\n' : '';
  const text = `package ${pkg};\n\nimport java.util.List;\nimport org.springframework.web.bind.annotation.*;\n\n/** Generated ${cls}. */\n${head}public class ${cls} {\n    private final ${cap(noun)}Repository ${noun}Repository;\n    private static final int MAX_${noun.toUpperCase()} = ${i};\n\n${methods.join('\n')}}\n`;
  return { path: `java/src/main/java/${pkg.replace(/\./g, '/')}/${cls}.java`, text };
}

function pythonFile(i: number, next: () => number): { path: string; text: string } {
  const noun = NOUNS[(i * 7) % NOUNS.length]!;
  const funcs: string[] = [];
  const count = 3 + Math.floor(next() * 7);
  for (let f = 0; f < count; f++) {
    const verb = VERBS[(i + f * 3) % VERBS.length]!;
    const route = i % 5 === 0 ? `@app.route("/${noun}/${verb}${f}", methods=["GET"])\n` : '';
    funcs.push(`${route}def ${verb}_${noun}_${f}(item_id, parseConfig=None):\n    """${cap(verb)} ${noun} ${f}."""\n    total = 0\n    for k in range(${f + 2}):\n        total += k * ${i % 13}\n    return {"id": item_id, "total": total, "cfg": parseConfig}\n`);
  }
  const cls = `class ${cap(noun)}Handler${i}:\n    """Handles ${noun}s."""\n\n    def handle(self, event):\n        return process_${noun}(event)\n`;
  const text = `from flask import Flask\n\napp = Flask(__name__)\n\n\n${funcs.join('\n\n')}\n\n${cls}`;
  return { path: `python/pkg${i % 40}/${noun}_{i}.py`.replace('{i}', String(i)), text };
}

/** Writes the corpus and returns its file count. */
export function generateCorpus(root: string, javaFiles = 6000, pythonFiles = 4500): number {
  const next = rng(42);
  let count = 0;
  const emit = ({ path, text }: { path: string; text: string }): void => {
    const abs = join(root, path);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
    count++;
  };
  for (let i = 0; i < javaFiles; i++) emit(javaFile(i, next));
  for (let i = 0; i < pythonFiles; i++) emit(pythonFile(i, next));
  return count;
}
