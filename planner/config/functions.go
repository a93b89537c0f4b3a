package config

import (
	"os"

	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/zclconf/go-cty/cty"
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
	for name, f := range t {
		t[name] = keepExternal(f)
	}
	for _, name := range cfg.externalFuncs {
		t[name] = externalFunction
	}
	return t
}

// keepExternal wraps f so that an unknown result of a call with an
// argument from outside vpcplan's model (externalMark) keeps the mark.
// go-cty returns unknown early, without the marks of the parameters that
// allow marks (concat's, for one), when an argument is unknown or of no
// known type: length(concat(module.x[*].id, [])) with module x not
// installed then read as unknown for reasons of vpcplan's own, and count
// was an error instead of the warning for values from outside the model.
// The wrapper takes every argument as it comes and lets f check them: HCL
// reads only the parameters' names and types, which it keeps.
func keepExternal(f function.Function) function.Function {
	wrap := func(p function.Parameter) function.Parameter {
		p.AllowNull, p.AllowUnknown, p.AllowDynamicType, p.AllowMarked = true, true, true, true
		return p
	}
	spec := &function.Spec{
		Description: f.Description(),
		Type:        f.ReturnTypeForValues,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			v, err := f.Call(args)
			if err != nil || v.IsWhollyKnown() {
				return v, err
			}
			if v.ContainsMarked() {
				if _, pms := v.UnmarkDeepWithPaths(); len(externalPaths(pms)) > 0 {
					return v, nil
				}
			}
			for _, a := range args {
				if a.ContainsMarked() {
					if _, pms := a.UnmarkDeepWithPaths(); len(externalPaths(pms)) > 0 {
						return external(v), nil
					}
				}
			}
			return v, nil
		},
	}
	for _, p := range f.Params() {
		spec.Params = append(spec.Params, wrap(p))
	}
	if vp := f.VarParam(); vp != nil {
		w := wrap(*vp)
		spec.VarParam = &w
	}
	return function.New(spec)
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
