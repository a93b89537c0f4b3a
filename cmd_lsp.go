package main

import (
	"context"
	"fmt"

	"github.com/vpcplan/vpcplan/lsp"
)

const lspHelp = `Usage: vpcplan lsp

  Run the language server: the Language Server Protocol over standard
  input and output, for editors. It reports what validate reports as you
  type, completes blocks, types, arguments, values and references, shows
  documentation on hover, goes to definitions, lists symbols, formats as
  fmt does and offers to ignore a rule on a line. See editors/ for the VS
  Code extension and the Neovim setup. The global -max-* options bound
  its analysis as they bound validate (vpcplan -max-nesting=512 lsp).
`

func runLSP(ctx context.Context, env *environment, args []string) int {
	fs := newFlags("lsp")
	if code, ok := parseFlags(env, fs, args, lspHelp); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "The lsp command takes no arguments.\n\n%s", lspHelp)
		return exitError
	}
	srv := lsp.New(lsp.Options{
		Version:    version,
		RuleDocURL: func(id string) string { return docsBase + id + ".md" },
		Debounce:   lsp.DefaultDebounce,
		Environ:    env.environ,
		Limits:     env.limits,
	})
	if err := srv.Run(ctx, env.stdin, env.stdout); err != nil {
		fmt.Fprintf(env.stderr, "vpcplan lsp: %s\n", err)
		return exitError
	}
	return exitOK
}
