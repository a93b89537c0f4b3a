package main

import (
	"context"
	"fmt"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

const graphHelp = `Usage: vpcplan graph [options] [PATH]

  Print the dependency graph of the resources and data sources in DOT
  format, for GraphViz: an edge points from a resource to what it depends
  on, through variables and locals as well as direct references.

Options:

  -no-color  Do not use colour in diagnostics.
`

func runGraph(ctx context.Context, env *environment, args []string) int {
	fs := newFlags("graph")
	noColor := fs.Bool("no-color", false, "")
	if code, ok := parseFlags(env, fs, args, graphHelp); !ok {
		return code
	}
	loader := newLoader(env, schema.NewCatalog())
	m, diags := loadAndEvaluate(ctx, env, loader, fs.Args(), config.Options{Mode: config.ValidateMode})
	if diags.HasErrors() || m == nil || m.Graph == nil {
		printDiagnostics(env, loader.Snippets(), diags, !*noColor)
		return exitError
	}
	if err := m.Graph.DOT(env.stdout, schema.Addr.String); err != nil {
		fmt.Fprintf(env.stderr, "Error writing the graph: %s\n", err)
		return exitError
	}
	return exitOK
}
