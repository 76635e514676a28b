import { describe, expect, it } from 'vitest';
import { analyze, ep } from './helpers.js';

describe('Rust command-line commands (clap)', () => {
  it('reads clap derive subcommands, nested enums and the root parser', async () => {
    const src = `use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(name = "app", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Commands>,
}

#[derive(Debug, clap::Subcommand)]
enum Commands {
    /// Serve the app
    #[command(name = "srv")]
    Serve { port: u16 },
    RunMigrations(MigrateArgs),
    Db(DbArgs),
    #[command(external_subcommand)]
    External(Vec<String>),
}

#[derive(Parser)]
struct MigrateArgs {
    target: Option<String>,
}

#[derive(Args)]
struct DbArgs {
    #[command(subcommand)]
    cmd: DbCommands,
}

#[derive(Subcommand)]
#[command(rename_all = "snake_case")]
enum DbCommands {
    ResetAll,
    #[clap(name = "dump")]
    HTTPDump,
}

#[derive(Debug)]
enum Color {
    RedGreen,
    Blue,
}

fn main() {
    let cli = Cli::parse();
}
`;
    const r = await analyze('rust', 'src/main.rs', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'clap', queue: 'app', symbol: 'Cli', line: 5 }),
      ep({ kind: 'main', framework: 'clap', queue: 'srv', symbol: 'Serve', line: 14 }),
      ep({ kind: 'main', framework: 'clap', queue: 'run-migrations', symbol: 'RunMigrations', line: 15 }),
      ep({ kind: 'main', framework: 'clap', queue: 'db', symbol: 'Db', line: 16 }),
      ep({ kind: 'main', framework: 'clap', queue: 'db reset_all', symbol: 'ResetAll', line: 35 }),
      ep({ kind: 'main', framework: 'clap', queue: 'db dump', symbol: 'HTTPDump', line: 37 }),
      ep({ kind: 'main', framework: 'main', symbol: 'main', line: 46 }),
    ]);
    // Without clap, a derive named Subcommand is someone else's.
    expect((await analyze('rust', 'src/lib.rs', src.replace(/clap/g, 'argh'))).entryPoints).toEqual([]);
  });

  it('reads clap builder commands, nested under their parents', async () => {
    const src = `use clap::{Arg, Command};

fn cli() -> Command {
    Command::new("git")
        .about("A fictional versioning CLI")
        .subcommand(Command::new("clone").arg(Arg::new("remote")))
        .subcommand(
            Command::new("stash")
                .subcommand(Command::new("push"))
                .subcommands([Command::new("pop"), clap::Command::new("apply")]),
        )
}

fn run() {
    std::process::Command::new("ls").status().unwrap();
}
`;
    expect((await analyze('rust', 'src/cli.rs', src)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'clap', queue: 'git', symbol: 'cli', line: 4 }),
      ep({ kind: 'main', framework: 'clap', queue: 'clone', symbol: 'cli', line: 6 }),
      ep({ kind: 'main', framework: 'clap', queue: 'stash', symbol: 'cli', line: 8 }),
      ep({ kind: 'main', framework: 'clap', queue: 'stash push', symbol: 'cli', line: 9 }),
      ep({ kind: 'main', framework: 'clap', queue: 'stash pop', symbol: 'cli', line: 10 }),
      ep({ kind: 'main', framework: 'clap', queue: 'stash apply', symbol: 'cli', line: 10 }),
    ]);
    const clap2 = `extern crate clap;
use clap::{App, Arg, SubCommand};
use std::process::Command;

fn main() {
    let matches = App::new("myapp")
        .subcommand(SubCommand::with_name("test").arg(Arg::with_name("debug")))
        .get_matches();
    Command::new("sh").arg("-c").spawn();
}
`;
    expect((await analyze('rust', 'src/main.rs', clap2)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', symbol: 'main', line: 5 }),
      ep({ kind: 'main', framework: 'clap', queue: 'myapp', symbol: 'main', line: 6 }),
      ep({ kind: 'main', framework: 'clap', queue: 'test', symbol: 'main', line: 7 }),
    ]);
  });
});
