import { describe, expect, it } from 'vitest';
import { analyze, ep } from './helpers.js';

describe('Node command-line commands', () => {
  it('reads commander commands, nested names and their actions', async () => {
    const src = `import { Command, program } from 'commander';
import { deploy } from './deploy';

program
  .command('serve <port>')
  .description('start the server')
  .action(serve);
program.command('deploy').action(deploy);
const db = program.command('db').description('database');
db.command('migrate [target]').action(async (target) => {
  await migrate(target);
});
program.command('install [pkgs...]', 'install packages');

function register(root: Command): void {
  const seed = root.command('seed');
  seed.option('-n, --count <n>').action(() => {});
}

const report = new Command('report').action(runReport);
program.addCommand(report);
report.command('daily').action(runReport);

function serve(port: string) {}
async function runReport() {}
program.parse();
`;
    const r = await analyze('typescript', 'src/cli.ts', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'commander', queue: 'serve', symbol: 'serve', line: 5 }),
      ep({ kind: 'main', framework: 'commander', queue: 'deploy', handler: 'deploy', line: 8 }),
      ep({ kind: 'main', framework: 'commander', queue: 'db', line: 9 }),
      ep({ kind: 'main', framework: 'commander', queue: 'db migrate', line: 10 }),
      ep({ kind: 'main', framework: 'commander', queue: 'install', line: 13 }),
      ep({ kind: 'main', framework: 'commander', queue: 'seed', symbol: 'register', line: 16 }),
      ep({ kind: 'main', framework: 'commander', queue: 'report', symbol: 'runReport', line: 20 }),
      ep({ kind: 'main', framework: 'commander', queue: 'report daily', symbol: 'runReport', line: 22 }),
    ]);
  });

  it('takes .command( only from commander or yargs', async () => {
    const bot = `const { Telegraf } = require('telegraf');
const bot = new Telegraf(token);
bot.command('start', (ctx) => ctx.reply('hi'));
registry.command('build');
`;
    expect((await analyze('javascript', 'src/bot.js', bot)).entryPoints).toEqual([]);
    const mixed = `import { program } from 'commander';
import { Telegraf } from 'telegraf';
const bot = new Telegraf(token);
bot.command('start', onStart);
helpers.command('help', onHelp);
program.command('run').action(run);
`;
    expect((await analyze('typescript', 'src/cli.ts', mixed)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'commander', queue: 'run', handler: 'run', line: 6 }),
    ]);
  });

  it('reads yargs commands in chains, objects, builders and command modules', async () => {
    const src = `const yargs = require('yargs/yargs');
const { hideBin } = require('yargs/helpers');

yargs(hideBin(process.argv))
  .command('serve [port]', 'start the server', (y) => y.positional('port', {}), (argv) => {
    serve(argv.port);
  })
  .command(['get <key>', 'g'], 'get a key', {}, get)
  .command({
    command: 'remote',
    builder: (y) => y.command('add <name>', 'add a remote', () => {}, remotes.add),
    handler: () => {},
  })
  .command('$0', 'the default', () => {}, main)
  .parse();

function get(argv) {}
function main() {}
`;
    const r = await analyze('javascript', 'src/cli.js', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'yargs', queue: 'serve', line: 5 }),
      ep({ kind: 'main', framework: 'yargs', queue: 'get', symbol: 'get', line: 8 }),
      ep({ kind: 'main', framework: 'yargs', queue: 'remote', line: 9 }),
      ep({ kind: 'main', framework: 'yargs', queue: 'remote add', handler: 'remotes.add', line: 11 }),
      ep({ kind: 'main', framework: 'yargs', queue: null, symbol: 'main', line: 14 }),
    ]);

    const cjs = `exports.command = 'get <source> [proxy]';
exports.describe = 'make a get HTTP request';
exports.builder = {};
exports.handler = function (argv) {
  console.log(argv.source);
};
`;
    expect((await analyze('javascript', 'cmds/get.js', cjs)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'yargs', queue: 'get', symbol: 'handler', line: 1 }),
    ]);
    const esm = `import type { Argv } from 'yargs';
export const command = ['serve [port]', 's'];
export const describe = 'serve';
export function builder(y: Argv) { return y; }
export async function handler(argv: unknown) {}
`;
    expect((await analyze('typescript', 'src/commands/serve.ts', esm)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'yargs', queue: 'serve', symbol: 'handler', line: 2 }),
    ]);
    const object = `import { run } from '../run';
module.exports = { command: 'build', describe: 'build it', handler: run };
`;
    expect((await analyze('javascript', 'cmds/build.js', object)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'yargs', queue: 'build', handler: 'run', line: 2 }),
    ]);
    // A `command` export without a handler is not a command module.
    expect((await analyze('javascript', 'lib/config.js', `exports.command = 'ls -la';\nexports.cwd = '/';\nconst handler = 1;\n`)).entryPoints).toEqual([]);
  });

  it('reads oclif commands by their file under src/commands', async () => {
    const src = `import {Args, Command, Flags} from '@oclif/core'

export default class Migrate extends Command {
  static description = 'Run migrations'

  async run(): Promise<void> {
    const {flags} = await this.parse(Migrate)
  }
}
`;
    expect((await analyze('typescript', 'src/commands/db/migrate.ts', src)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'oclif', queue: 'db:migrate', symbol: 'run', line: 3 }),
    ]);
    expect((await analyze('typescript', 'packages/cli/src/commands/db/index.ts', src)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'oclif', queue: 'db', symbol: 'run', line: 3 }),
    ]);
    // Outside the commands directory, or without oclif, a `Command` subclass is no oclif command.
    expect((await analyze('typescript', 'src/base.ts', src)).entryPoints).toEqual([]);
    const plain = src.replace(`import {Args, Command, Flags} from '@oclif/core'`, `import { Command } from './command'`);
    expect((await analyze('typescript', 'src/commands/db/migrate.ts', plain)).entryPoints).toEqual([]);
  });
});
