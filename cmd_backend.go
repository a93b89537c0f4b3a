package main

import (
	"context"
	"flag"
	"strings"

	"github.com/vpcplan/vpcplan/planner/backend"
)

// backendFlags are the backend options of every command that reads or
// writes state: -backend-config (repeatable) and -workspace.
type backendFlags struct {
	config    stringList
	workspace string
}

func (bf *backendFlags) register(fs *flag.FlagSet) {
	fs.Var(&bf.config, "backend-config", "")
	fs.StringVar(&bf.workspace, "workspace", backend.DefaultWorkspace, "")
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// backendHelp documents the backend flags in the commands' help.
const backendHelp = `  -backend-config=KEY=VALUE  A backend argument, overriding the backend
                  block's (repeatable); or the path of a file of them.
  -workspace=NAME  The state to use among the backend's (default "default").
`

// openBackend opens the backend that the working directory's
// configuration (terraform { backend ... }), the flags and the PG_*
// environment variables select, printing its diagnostics. It returns false
// after printing an error.
func openBackend(ctx context.Context, env *environment, statePath string, bf backendFlags) (*backend.Backend, bool) {
	block, files := backend.ReadBlock(nil, env.limits)
	vars := map[string]string{}
	for _, name := range backend.EnvVars {
		if v := env.getenv(name); v != "" {
			vars[name] = v
		}
	}
	b, diags := backend.Open(ctx, block, backend.Settings{
		StatePath: statePath, BackendConfig: bf.config, Env: vars, Workspace: bf.workspace,
		Limits: env.limits,
	})
	if len(diags) > 0 {
		printDiagnostics(env, files, diags, true)
	}
	if diags.HasErrors() {
		return nil, false
	}
	return b, true
}
