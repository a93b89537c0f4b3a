package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/mitchellh/go-wordwrap"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/render"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/vpcplan/vpcplan/validate"
)

// varArgs collects -var and -var-file in command-line order.
type varArgs struct {
	list *[]config.VarArg
	file bool
}

func (v varArgs) String() string { return "" }

func (v varArgs) Set(s string) error {
	if v.file {
		*v.list = append(*v.list, config.VarArg{File: s})
		return nil
	}
	name, value, ok := strings.Cut(s, "=")
	if !ok || name == "" {
		return fmt.Errorf("the -var option requires NAME=VALUE, such as -var 'region=us-east-1'")
	}
	*v.list = append(*v.list, config.VarArg{Name: name, Value: value})
	return nil
}

// newFlags returns a flag set that reports errors and -help the way every
// subcommand does; parse returns the exit code to use when parsing ended
// the command.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parseFlags(env *environment, fs *flag.FlagSet, args []string, help string) (int, bool) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(env.stdout, help)
		return exitOK, false
	}
	if err != nil {
		fmt.Fprintf(env.stderr, "Error parsing command-line flags: %s\n\n%s", err, help)
		return exitError, false
	}
	return 0, true
}

const validateHelp = `Usage: vpcplan validate [options] [PATH...]

  Validate the configuration files in a directory (default: the current
  one) or the files named: syntax, arguments and types, references, and
  evaluation. It needs no variable values: a variable without one is
  unknown, and what depends on it is not checked.

Options:

  -config=FILE       Rule configuration (default .vpcplan.hcl when present).
  -format=FORMAT     Output format: human (default), json, sarif, checkstyle,
                     junit or compact (file:line:col: severity: summary [rule]).
  -json              Produce output in Terraform's validate -json format
                     (the same as -format=json).
  -strict            Fail (exit 1) on warnings too.
  -no-color          Do not use colour in the output.
  -var 'NAME=VALUE'  Set a value for an input variable.
  -var-file=FILE     Set input variables from a file.
`

func runValidate(ctx context.Context, env *environment, args []string) int {
	fs := newFlags("validate")
	jsonOut := fs.Bool("json", false, "")
	noColor := fs.Bool("no-color", false, "")
	configFile := fs.String("config", "", "")
	format := fs.String("format", "", "")
	strict := fs.Bool("strict", false, "")
	var vars []config.VarArg
	fs.Var(varArgs{list: &vars}, "var", "")
	fs.Var(varArgs{list: &vars, file: true}, "var-file", "")
	if code, ok := parseFlags(env, fs, args, validateHelp); !ok {
		return code
	}
	loader := newLoader(env, schema.NewCatalog())
	m, diags := loadAndEvaluate(ctx, env, loader, fs.Args(), config.Options{Mode: config.ValidateMode, Vars: vars})
	files := loader.Files()
	ropts, moreDiags := ruleOptions(*configFile, files, env.limits.FileSize)
	diags = append(diags, moreDiags...)
	if !diags.HasErrors() && m != nil {
		diags = append(diags, checkRules(m, files, ropts)...)
	}
	failed := diags.HasErrors() || (*strict && len(diags) > 0)
	files = mergeFiles(loader.Snippets(), files)
	if *jsonOut {
		*format = "json"
	}
	if *format != "" && *format != "human" {
		if err := writeReport(env, *format, files, diags); err != nil {
			fmt.Fprintf(env.stderr, "Error writing output: %s\n", err)
			return exitError
		}
		if failed {
			return exitError
		}
		return exitOK
	}
	printDiagnostics(env, files, diags, !*noColor)
	if failed {
		return exitError
	}
	if len(diags) > 0 {
		// As Terraform's validate view prints it: right after the last
		// warning, wrapped to the output's width.
		msg := fmt.Sprintf("%sSuccess!%s The configuration is valid, but there were some validation warnings as shown above.", colorOn(env, !*noColor, "\x1b[32m\x1b[1m"), colorOn(env, !*noColor, "\x1b[0m"))
		fmt.Fprintf(env.stdout, "%s\n\n", wordwrap.WrapString(msg, uint(env.width)))
	} else {
		fmt.Fprintf(env.stdout, "%sSuccess!%s The configuration is valid.\n\n", colorOn(env, !*noColor, "\x1b[32m\x1b[1m"), colorOn(env, !*noColor, "\x1b[0m"))
	}
	return exitOK
}

// writeReport writes the diagnostics in a machine-readable format.
func writeReport(env *environment, format string, files map[string]*hcl.File, diags hcl.Diagnostics) error {
	tool := render.ToolInfo{Name: "vpcplan", Version: version, InformationURI: "https://github.com/vpcplan/vpcplan"}
	switch format {
	case "json":
		return render.ValidateJSON(env.stdout, files, diags)
	case "sarif":
		var rules []render.RuleInfo
		for _, r := range validate.DefaultRules() {
			rules = append(rules, render.RuleInfo{ID: r.ID, Summary: r.Summary, Severity: r.Severity, HelpURI: docsBase + r.ID + ".md"})
		}
		return render.SARIF(env.stdout, diags, rules, tool)
	case "checkstyle":
		return render.Checkstyle(env.stdout, diags)
	case "junit":
		return render.JUnit(env.stdout, diags, tool)
	case "compact":
		return render.Compact(env.stdout, diags)
	}
	return fmt.Errorf("unknown format %q; use human, json, sarif, checkstyle, junit or compact", format)
}

// loadAndEvaluate loads the paths and evaluates them, filling the options
// that come from the process.
func loadAndEvaluate(ctx context.Context, env *environment, loader *config.Loader, paths []string, opts config.Options) (*config.Model, hcl.Diagnostics) {
	cfg, diags := loader.Load(paths)
	if diags.HasErrors() {
		return nil, diags
	}
	opts.Env = env.environ
	opts.Cwd = env.cwd
	m, moreDiags := loader.Evaluate(ctx, cfg, opts)
	return m, append(diags, moreDiags...)
}

func colorOn(env *environment, allowed bool, code string) string {
	if env.color && allowed {
		return code
	}
	return ""
}

// printDiagnostics prints errors to stderr and warnings to stdout, as
// Terraform does, sorted by position.
// mergeFiles returns the files of a and b in one new map; b's win.
func mergeFiles(a, b map[string]*hcl.File) map[string]*hcl.File {
	out := make(map[string]*hcl.File, len(a)+len(b))
	for name, f := range a {
		out[name] = f
	}
	for name, f := range b {
		out[name] = f
	}
	return out
}

func printDiagnostics(env *environment, files map[string]*hcl.File, diags hcl.Diagnostics, colorAllowed bool) {
	opts := render.Options{Color: env.color && colorAllowed, Width: env.width, RuleDocs: func(id string) string { return docsBase + id + ".md" }}
	for _, d := range render.SortDiagnostics(diags) {
		w := env.stderr
		if d.Severity == hcl.DiagWarning {
			w = env.stdout
		}
		_ = render.Diagnostic(w, files, d, opts)
	}
}
