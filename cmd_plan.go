package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/backend"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/render"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// defaultStatePath is where state lives unless -state says otherwise, as
// Terraform's terraform.tfstate does.
const defaultStatePath = "vpcplan.tfstate"

// exitPlanChanges is plan -detailed-exitcode's code for a plan with changes.
const exitPlanChanges = 2

// stateFlags are the flags of every command that reads or writes state.
type stateFlags struct {
	path        string
	lock        bool
	lockTimeout time.Duration
	backend     backendFlags
}

func (sf *stateFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&sf.path, "state", defaultStatePath, "")
	fs.BoolVar(&sf.lock, "lock", true, "")
	fs.DurationVar(&sf.lockTimeout, "lock-timeout", 0, "")
	sf.backend.register(fs)
}

// session is one command's hold on the state: the store and, unless
// -lock=false, its lock.
type session struct {
	store   state.Store
	backend *backend.Backend
	unlock  func() error
}

// openState takes the state lock for an operation, printing Terraform's
// messages. It returns false after printing the error.
func openState(ctx context.Context, env *environment, sf stateFlags, operation string) (*session, bool) {
	b, ok := openBackend(ctx, env, sf.path, sf.backend)
	if !ok {
		return nil, false
	}
	s := &session{store: b.Store, backend: b}
	if !sf.lock {
		return s, true
	}
	info := state.LockInfo{ID: uuid.NewString(), Operation: operation, Who: who(), Version: version, Created: time.Now().UTC()}
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(400 * time.Millisecond):
			fmt.Fprintln(env.stdout, "Acquiring state lock. This may take a few moments...")
		}
	}()
	unlock, err := state.LockWithTimeout(ctx, s.store, info, sf.lockTimeout)
	close(done)
	if err != nil {
		var le *state.LockError
		detail := err.Error()
		if errors.As(err, &le) {
			detail = "Error message: " + errText(le.Err) + "\n"
			if le.Holder != nil {
				detail += le.Holder.String()
			}
			detail += "\n\nvpcplan acquires a state lock to protect the state from being written\nby multiple users at the same time. Please resolve the issue above and try\nagain. For most commands, you can disable locking with the \"-lock=false\"\nflag, but this is not recommended."
		}
		printError(env, "Error acquiring the state lock", detail)
		b.Close()
		return nil, false
	}
	s.unlock = unlock
	return s, true
}

func (s *session) close(env *environment) {
	if s.unlock != nil {
		if err := s.unlock(); err != nil {
			printError(env, "Error releasing the state lock", fmt.Sprintf("Error message: %s\n\nThe lock file may be left behind; remove it with vpcplan force-unlock.", err))
		}
	}
	if err := s.backend.Close(); err != nil {
		printError(env, "Error closing the backend", err.Error())
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func who() string {
	name := "unknown"
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	host, _ := os.Hostname()
	return name + "@" + host
}

// printError prints an error diagnostic without a source range.
func printError(env *environment, summary, detail string) {
	printDiagnostics(env, nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail}}, true)
}

// printWarning prints a warning diagnostic without a source range.
func printWarning(env *environment, summary, detail string) {
	printDiagnostics(env, nil, hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: summary, Detail: detail}}, true)
}

// planInputs are the flags plan and apply share.
type planInputs struct {
	vars    []config.VarArg
	destroy bool
	input   bool
	noColor bool
	state   stateFlags
	jsonOut bool
	// configFile is -config: the rule configuration.
	configFile string
}

// planned is a plan with what apply needs to carry it out.
type planned struct {
	plan   *planner.Plan
	loader *config.Loader
	cfg    *config.Config
	// warnings are for the caller to print after the plan, where
	// Terraform prints them.
	warnings hcl.Diagnostics
}

// makePlan loads, evaluates and validates the configuration and diffs it
// against the state. It prints diagnostics and returns false on errors;
// on success the warnings are left in the result. When the evaluation
// fails where Terraform's plan walk would (see config.PlanFailure), the
// errors follow Terraform's "Planning failed" line.
func makePlan(ctx context.Context, env *environment, in planInputs, paths []string, s *session) (*planned, bool) {
	prior, err := s.store.Load()
	if err != nil {
		printError(env, "Failed to load state", fmt.Sprintf("%s\n\nThe state file was not changed.", err))
		return nil, false
	}
	catalog := schema.NewCatalog()
	// The prior state decodes in the background while the configuration
	// is loaded and evaluated.
	idx := planner.StartIndexPrior(prior, catalog)
	loader := newLoader(env, catalog)
	cfg, diags := loader.Load(paths)
	if diags.HasErrors() {
		diags = append(idx.Wait(), diags...)
		printDiagnostics(env, loader.Snippets(), diags, !in.noColor)
		return nil, false
	}
	// Moved blocks rename what the state records before anything is
	// planned against it.
	moved, moves, moreDiags := planner.ApplyMoves(prior, cfg)
	diags = append(diags, moreDiags...)
	if moves != nil {
		idx.Wait()
		prior = moved
		idx = planner.StartIndexPrior(prior, catalog)
	}
	// A new state's lineage is chosen now; its assumed account is unknown
	// until apply (planner.PlanAccount).
	lineage := uuid.NewString()
	if prior != nil {
		lineage = prior.Lineage
	}
	now := time.Now().UTC()
	walk := planner.NewWalk(idx, planner.Options{Destroy: in.destroy, ToolVersion: version, Lineage: lineage, Timestamp: now, Moves: moves})
	opts := walk.EvalOptions(config.Options{Mode: config.PlanMode, Vars: in.vars, Env: env.environ, Cwd: env.cwd, AssumedAccount: planner.PlanAccount(prior), PlanTimestamp: now})
	if in.input && env.interactive {
		opts.Prompt = promptVariable(env)
	}
	opts.Foreign = planner.ForeignValues(prior)
	m, evalDiags := loader.Evaluate(ctx, cfg, opts)
	planFailed := false
	if evalDiags.HasErrors() {
		evalDiags, planFailed = loader.PlanFailure(ctx, cfg, opts, evalDiags)
	}
	diags = append(append(idx.Wait(), diags...), evalDiags...)
	diags = append(diags, planner.UnknownAttributeWarnings(prior, catalog)...)
	ropts, moreDiags := ruleOptions(in.configFile, loader.Files(), env.limits.FileSize)
	diags = append(diags, moreDiags...)
	if !diags.HasErrors() {
		diags = append(diags, checkRules(m, loader.Files(), ropts)...)
	}
	if diags.HasErrors() {
		if planFailed && !in.jsonOut {
			fmt.Fprint(env.stdout, planFailedLine(env, in))
		}
		printDiagnostics(env, loader.Snippets(), diags, !in.noColor)
		return nil, false
	}
	p, moreDiags := walk.Plan(ctx, m, prior)
	diags = append(diags, moreDiags...)
	if !moreDiags.HasErrors() {
		diags = append(diags, checkPlanRules(p, ropts)...)
	}
	if diags.HasErrors() {
		printDiagnostics(env, loader.Snippets(), diags, !in.noColor)
		return nil, false
	}
	if in.jsonOut {
		// The JSON plan goes to stdout whole; warnings come first, as ever.
		printDiagnostics(env, loader.Snippets(), diags, !in.noColor)
		diags = nil
	}
	return &planned{plan: p, loader: loader, cfg: cfg, warnings: diags}, true
}

// planFailedLine is what Terraform prints on stdout, before the errors,
// when planning fails after the configuration validated.
func planFailedLine(env *environment, in planInputs) string {
	return fmt.Sprintf("\n%sPlanning failed.%s vpcplan encountered an error while generating this plan.%s\n\n",
		colorOn(env, !in.noColor, "\x1b[0m\x1b[1m\x1b[31m"), colorOn(env, !in.noColor, "\x1b[0m\x1b[1m"), colorOn(env, !in.noColor, "\x1b[0m"))
}

// promptVariable asks for a variable's value on the terminal, as
// Terraform does.
func promptVariable(env *environment) func(v *config.Variable) (string, bool) {
	reader := bufio.NewReader(env.stdin)
	return func(v *config.Variable) (string, bool) {
		fmt.Fprintf(env.stdout, "var.%s\n", v.Name)
		if v.Description != "" {
			fmt.Fprintf(env.stdout, "  %s\n", v.Description)
		}
		fmt.Fprintf(env.stdout, "\n  Enter a value: ")
		line, err := reader.ReadString('\n')
		fmt.Fprintln(env.stdout)
		if err != nil && line == "" {
			return "", false
		}
		return strings.TrimRight(line, "\r\n"), true
	}
}

const planHelp = `Usage: vpcplan plan [options] [PATH]

  Show the changes that apply would make to the recorded state to match
  the configuration: resources to create, update, replace and destroy.
  Every rule runs first; a plan with errors is refused.

Options:

  -destroy               Plan to destroy every resource in the state.
  -detailed-exitcode     Exit 0 for no changes, 1 for errors, 2 for changes.
  -input=true            Ask for variables that have no value.
  -json                  Print the plan in Terraform's JSON representation.
  -lock=false            Don't hold the state lock during the operation.
  -lock-timeout=0s       Duration to retry a state lock.
  -backend-config=K=V    A backend argument over the backend block's (repeatable).
  -workspace=NAME        The state to use among the backend's (default "default").
  -no-color              Do not use colour in the output.
  -out=path              Write the plan to a file, for apply.
  -state=path            State file (default vpcplan.tfstate).
  -var 'NAME=VALUE'      Set a value for an input variable.
  -var-file=FILE         Set input variables from a file.
`

func runPlan(ctx context.Context, env *environment, args []string) int {
	fs := newFlags("plan")
	var in planInputs
	in.input = true
	out := fs.String("out", "", "")
	detailed := fs.Bool("detailed-exitcode", false, "")
	fs.BoolVar(&in.destroy, "destroy", false, "")
	fs.BoolVar(&in.input, "input", true, "")
	fs.BoolVar(&in.noColor, "no-color", false, "")
	fs.BoolVar(&in.jsonOut, "json", false, "")
	fs.StringVar(&in.configFile, "config", "", "")
	fs.Var(varArgs{list: &in.vars}, "var", "")
	fs.Var(varArgs{list: &in.vars, file: true}, "var-file", "")
	in.state.register(fs)
	if code, ok := parseFlags(env, fs, args, planHelp); !ok {
		return code
	}
	s, ok := openState(ctx, env, in.state, "OperationTypePlan")
	if !ok {
		return exitError
	}
	defer s.close(env)
	pl, ok := makePlan(ctx, env, in, fs.Args(), s)
	if !ok {
		return exitError
	}
	p := pl.plan
	if in.jsonOut {
		if err := render.PlanJSON(env.stdout, p, version, planTime(p)); err != nil {
			fmt.Fprintf(env.stderr, "Error writing the plan: %s\n", err)
			return exitError
		}
	} else {
		_ = render.PlanText(env.stdout, p, render.Options{Color: env.color && !in.noColor, Width: env.width})
		printEndpointCost(env, p)
		printDiagnostics(env, pl.loader.Snippets(), pl.warnings, !in.noColor)
	}
	if *out != "" {
		data, err := planner.EncodePlanFile(p, version)
		if err == nil {
			err = writePrivate(*out, data)
		}
		if err != nil {
			printError(env, "Failed to write plan file", fmt.Sprintf("The plan could not be saved to %q: %s.", *out, err))
			return exitError
		}
		if !in.jsonOut {
			fmt.Fprintf(env.stdout, "\n%s\n\nSaved the plan to: %s\n\nTo perform exactly these actions, run the following command to apply:\n    vpcplan apply %q\n", rule(env.width), *out, *out)
		}
	} else if !in.jsonOut && p.HasChanges() {
		fmt.Fprintf(env.stdout, "\n%s\n\nNote: You didn't use the -out option to save this plan, so vpcplan can't\nguarantee to take exactly these actions if you run \"vpcplan apply\" now.\n", rule(env.width))
	}
	if *detailed && p.HasChanges() {
		return exitPlanChanges
	}
	return exitOK
}

// planTime is when p was made, for the JSON plan's timestamp.
func planTime(p *planner.Plan) time.Time {
	if p.Timestamp.IsZero() {
		return time.Now()
	}
	return p.Timestamp
}

func rule(width int) string {
	if width < 2 {
		width = 78
	}
	return strings.Repeat("─", width-1)
}

// reevaluate returns the apply's evaluation of the configuration: the same
// files, variables and options as the plan, and the same foreign values
// (those of the plan's prior state).
func reevaluate(env *environment, loader *config.Loader, cfg *config.Config, vars []config.VarArg, values map[string]cty.Value, prior *state.State, planTime time.Time) func(context.Context, func(schema.InstanceAddr) (cty.Value, bool), func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
	return func(ctx context.Context, known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
		return loader.Evaluate(ctx, cfg, config.Options{Mode: config.PlanMode, Vars: vars, Values: values, Env: env.environ, Cwd: env.cwd, Known: known, Finalize: finalize, AssumedAccount: planner.AssumedAccount(prior.Lineage), Foreign: planner.ForeignValues(prior), PlanTimestamp: planTime})
	}
}

// progress prints apply events as Terraform's progress lines, and, once
// apply spaces its saves out, a line after each save saying how much of
// the apply the state on disk records:
//
//	State saved: 1204 of 2107 changes recorded [serial=9]
//
// Completions printed after the last such line may not be in the state
// yet; before the first, each change was saved before the next line.
func progress(w io.Writer) func(planner.Event) {
	return func(e planner.Event) {
		if e.Op == planner.OpSave {
			fmt.Fprintf(w, "State saved: %d of %d changes recorded [serial=%d]\n", e.Saved, e.Total, e.Serial)
			return
		}
		addr := e.Addr.String()
		if e.Deposed != "" {
			addr += " (deposed object " + e.Deposed + ")"
		}
		id := ""
		if e.ID != "" {
			id = " [id=" + e.ID + "]"
		}
		secs := fmt.Sprintf("%ds", int(e.Elapsed.Seconds()))
		switch {
		case e.Op == planner.OpCreate && !e.Done:
			fmt.Fprintf(w, "%s: Creating...\n", addr)
		case e.Op == planner.OpCreate:
			fmt.Fprintf(w, "%s: Creation complete after %s%s\n", addr, secs, id)
		case e.Op == planner.OpModify && !e.Done:
			fmt.Fprintf(w, "%s: Modifying...%s\n", addr, id)
		case e.Op == planner.OpModify:
			fmt.Fprintf(w, "%s: Modifications complete after %s%s\n", addr, secs, id)
		case e.Op == planner.OpDestroy && !e.Done:
			fmt.Fprintf(w, "%s: Destroying...%s\n", addr, id)
		case e.Op == planner.OpDestroy:
			fmt.Fprintf(w, "%s: Destruction complete after %s\n", addr, secs)
		}
	}
}
