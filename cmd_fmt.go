package main

import (
	"context"

	"github.com/vpcplan/vpcplan/planner/format"
)

const fmtHelp = `Usage: vpcplan fmt [options] [PATH...]

  Rewrite configuration files (*.hcl, *.tf, *.tfvars) to the canonical
  format and style, as terraform fmt does. A PATH is a file or a
  directory (default: the current one); - reads standard input.

Options:

  -check         Check whether the input is formatted: exit 3 when not.
  -diff          Print the differences.
  -list=false    Don't list the files whose formatting differs.
  -recursive     Also process files in subdirectories.
  -write=false   Don't write to the files (always with -check).
  -no-color      Do not use colour in the output.
`

func runFmt(_ context.Context, env *environment, args []string) int {
	fs := newFlags("fmt")
	opts := format.Options{Stdout: env.stdout, Stdin: env.stdin}
	fs.BoolVar(&opts.List, "list", true, "")
	fs.BoolVar(&opts.Write, "write", true, "")
	fs.BoolVar(&opts.Diff, "diff", false, "")
	fs.BoolVar(&opts.Check, "check", false, "")
	fs.BoolVar(&opts.Recursive, "recursive", false, "")
	noColor := fs.Bool("no-color", false, "")
	if code, ok := parseFlags(env, fs, args, fmtHelp); !ok {
		return code
	}
	if opts.Check {
		opts.Write = false
	}
	changed, diags := format.Paths(opts, fs.Args())
	if diags.HasErrors() {
		printDiagnostics(env, nil, diags, !*noColor)
		return exitFmtParse
	}
	if opts.Check && changed {
		return exitFmtCheck
	}
	return exitOK
}
