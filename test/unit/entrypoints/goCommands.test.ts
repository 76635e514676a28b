import { describe, expect, it } from 'vitest';
import { analyze, ep } from './helpers.js';

describe('Go command-line commands', () => {
  it('reads cobra commands with their AddCommand path, handlers here, elsewhere and inline', async () => {
    const src = `package cmd

import (
	"fmt"

	"example.com/app/internal/tool"
	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{
	Use:   "app",
	Short: "The app",
}

var serveCmd = &cobra.Command{
	Use:  "serve [flags]",
	RunE: runServe,
}

func newMigrateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use: "migrate",
		Run: func(cmd *cobra.Command, args []string) { fmt.Println("migrating") },
	}
	cmd.AddCommand(&cobra.Command{Use: "up <steps>", Run: RunUp})
	return cmd
}

func init() {
	rootCmd.AddCommand(serveCmd, newMigrateCmd())
	versionCmd.AddCommand(&cobra.Command{Use: "short", Run: handlers.Version})
}

var notCobra = &tool.Command{Use: "fake", Run: runServe}
var computed = &cobra.Command{Use: name, Run: runServe}

func runServe(cmd *cobra.Command, args []string) error { return nil }
`;
    const r = await analyze('go', 'cmd/serve.go', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'cobra', queue: 'app', line: 10, symbol: 'rootCmd' }),
      ep({ kind: 'main', framework: 'cobra', queue: 'app serve', line: 15, symbol: 'runServe' }),
      ep({ kind: 'main', framework: 'cobra', queue: 'app migrate', line: 21, symbol: 'newMigrateCmd' }),
      ep({ kind: 'main', framework: 'cobra', queue: 'app migrate up', line: 25, handler: 'RunUp' }),
      // `versionCmd` is declared in another file: the command keeps its own name.
      ep({ kind: 'main', framework: 'cobra', queue: 'short', line: 31, handler: 'handlers.Version' }),
    ]);

    // Without the import, a `cobra.Command` literal is someone else's type.
    const unimported = await analyze('go', 'cmd/serve.go', `package cmd\n\nvar serveCmd = &cobra.Command{Use: "serve", Run: runServe}\n`);
    expect(unimported.entryPoints).toEqual([]);
  });

  it('reads urfave/cli apps and commands, nested lists, v1 app.Commands, named after the app', async () => {
    const src = `package main

import (
	"os"

	"example.com/tool/internal/other"
	"github.com/urfave/cli/v2"
)

func main() {
	app := &cli.App{
		Name:   "tool",
		Action: root,
		Commands: []*cli.Command{
			{
				Name:   "serve",
				Action: serve,
			},
			{
				Name: "db",
				Subcommands: []*cli.Command{
					{Name: "migrate", Action: func(c *cli.Context) error { return nil }},
					&cli.Command{Name: "seed", Action: seed.Run},
				},
			},
			versionCommand,
		},
	}
	app.Run(os.Args)
}

var versionCommand = &cli.Command{Name: "version", Action: printVersion}
var notCli = other.Command{Name: "fake", Action: serve}

func root(c *cli.Context) error         { return nil }
func serve(c *cli.Context) error        { return nil }
func printVersion(c *cli.Context) error { return nil }
`;
    const r = await analyze('go', 'cmd/serve.go', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 10, symbol: 'main' }),
      ep({ kind: 'main', framework: 'urfave-cli', queue: 'tool', line: 11, symbol: 'root' }),
      ep({ kind: 'main', framework: 'urfave-cli', queue: 'tool serve', line: 15, symbol: 'serve' }),
      ep({ kind: 'main', framework: 'urfave-cli', queue: 'tool db', line: 19, symbol: 'main' }),
      ep({ kind: 'main', framework: 'urfave-cli', queue: 'tool db migrate', line: 22, symbol: 'main' }),
      ep({ kind: 'main', framework: 'urfave-cli', queue: 'tool db seed', line: 23, handler: 'seed.Run' }),
      ep({ kind: 'main', framework: 'urfave-cli', queue: 'tool version', line: 32, symbol: 'printVersion' }),
    ]);

    const v1 = `package main

import "github.com/urfave/cli"

func main() {
	app := cli.NewApp()
	app.Name = "legacy"
	app.Commands = []cli.Command{
		{Name: "sync", Action: doSync},
	}
}
`;
    expect((await analyze('go', 'cmd/serve.go', v1)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 5, symbol: 'main' }),
      ep({ kind: 'main', framework: 'urfave-cli', queue: 'legacy sync', line: 9, handler: 'doSync' }),
    ]);

    const unimported = await analyze('go', 'cmd/serve.go', `package cmd\n\nvar serve = &cli.Command{Name: "serve", Action: run}\n`);
    expect(unimported.entryPoints).toEqual([]);
  });
});
