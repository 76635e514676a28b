// Python command-line commands: Django management commands, Click and Typer commands. Each is a `main` named by its command.
import { lineOf } from './common.js';
import type { FileContext } from './context.js';
import { stringValue } from './literals.js';
import { pyDecorators } from './pythonSyntax.js';
import type { EntryList } from './results.js';

// Django runs `manage.py NAME` from `<app>/management/commands/NAME.py`; a leading `_` marks a private module.
const DJANGO_COMMAND_FILE = /(?:^|\/)management\/commands\/([A-Za-z]\w*)\.py$/;
const CLICK_HINT = /@\s*[\w.]*\.?command\b|@\s*[\w.]*\.?group\b/;
const CLICK_DECORATORS = new Set(['command', 'group']);

export function pythonCommands(ctx: FileContext, out: EntryList): void {
  const django = DJANGO_COMMAND_FILE.exec(ctx.relPath);
  if (django && /^class\s+Command\s*\(/m.test(ctx.source)) djangoCommand(ctx, django[1]!, out);
  if (CLICK_HINT.test(ctx.source) && /\b(?:click|typer)\b|\.cli\.command\b/.test(ctx.source)) clickCommands(ctx, out);
}

function djangoCommand(ctx: FileContext, name: string, out: EntryList): void {
  const symbols = ctx.symbols.symbols;
  const command = symbols.findIndex((s) => s.name === 'Command' && s.kind === 'class' && s.parent === null);
  if (command < 0) return;
  const handle = symbols.findIndex((s) => s.name === 'handle' && s.parent === command);
  out.add({ kind: 'main', framework: 'django', queue: name, symbol: handle >= 0 ? handle : command, line: symbols[command]!.startLine });
}

/**
 * `@click.command()`, `@cli.command('name')`, `@app.command()` (Typer), `@app.cli.command()` (Flask):
 * the name given, else the function's with `_` as `-`, as Click spells it.
 */
function clickCommands(ctx: FileContext, out: EntryList): void {
  const typer = /\bimport\s+typer\b|\bfrom\s+typer\b/.test(ctx.source);
  for (const decorated of ctx.nodes('decorated_definition')) {
    const def = decorated.childForFieldName('definition');
    if (def?.type !== 'function_definition') continue;
    const fnName = def.childForFieldName('name')?.text;
    if (!fnName) continue;
    const command = pyDecorators(decorated).find((d) => CLICK_DECORATORS.has(d.name) && d.receiver !== null);
    if (!command?.receiver) continue;
    const framework = typer ? 'typer' : command.receiver.text.endsWith('.cli') ? 'flask' : 'click';
    const given = stringValue(command.positional[0] ?? command.named.get('name'));
    out.add({ kind: 'main', framework, queue: given ?? fnName.replace(/_/g, '-'), symbol: ctx.symbols.enclosing(lineOf(def.childForFieldName('name') ?? def)), line: lineOf(command.node) });
  }
}
