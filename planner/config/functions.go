package config

import (
	"os"

	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/zclconf/go-cty/cty/function"
)

// functionTable returns the functions an evaluation offers: Terraform's,
// reading files relative to the configuration directory, expanding "~"
// to the HOME (or, on Windows, USERPROFILE) of Options.Env, and with the
// functions of Terraform's built-in provider under each local name the
// configuration requires it by. The impure functions (timestamp, uuid,
// bcrypt) are unknown, as in Terraform's plan; plantimestamp is
// Options.PlanTimestamp. The functions of other required providers that
// the configuration calls return unknown values (externalFunction). The
// functions check their calls against the bounds of lim.
func functionTable(cfg *Config, opts Options, lim bounds.Limits) map[string]function.Function {
	t := funcs.New(funcs.Options{
		BaseDir:            cfg.Dir,
		ReadFile:           opts.ReadFile,
		ReadDir:            os.ReadDir,
		Stat:               os.Stat,
		HomeDir:            homeDir(opts.Env),
		PlanTimestamp:      opts.PlanTimestamp,
		Limits:             lim,
		TerraformProviders: cfg.terraformProviderNames(),
	})
	for _, name := range cfg.externalFuncs {
		t[name] = externalFunction
	}
	return t
}

// homeDir is the user's home directory as the environment gives it, or "".
func homeDir(env []string) string {
	var home, profile string
	for _, kv := range env {
		switch {
		case len(kv) > 5 && kv[:5] == "HOME=":
			home = kv[5:]
		case len(kv) > 12 && kv[:12] == "USERPROFILE=":
			profile = kv[12:]
		}
	}
	if home != "" {
		return home
	}
	return profile
}
