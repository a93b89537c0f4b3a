package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/vpcplan/vpcplan/internal/inputfile"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/render"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

const applyHelp = `Usage: vpcplan apply [options] [PLANFILE | PATH]

  Carry out the changes of a plan: make a plan and ask for approval, or
  apply a plan saved with plan -out, which needs no approval. Apply does
  not call AWS: it records the new state, filling in the ids, ARNs and
  names AWS would assign.

Options:

  -auto-approve          Skip the interactive approval of the plan.
  -destroy               Destroy every resource in the state (as vpcplan destroy).
  -input=true            Ask for approval and for variables without a value.
  -lock=false            Don't hold the state lock during the operation.
  -lock-timeout=0s       Duration to retry a state lock.
  -backend-config=K=V    A backend argument over the backend block's (repeatable).
  -workspace=NAME        The state to use among the backend's (default "default").
  -no-color              Do not use colour in the output.
  -state=path            State file (default vpcplan.tfstate).
  -var 'NAME=VALUE'      Set a value for an input variable.
  -var-file=FILE         Set input variables from a file.
`

const destroyHelp = `Usage: vpcplan destroy [options] [PATH]

  Destroy every resource the state records: an alias for apply -destroy.

Options:

  -auto-approve          Skip the interactive approval.
  -input=true            Ask for approval and for variables without a value.
  -lock=false            Don't hold the state lock during the operation.
  -lock-timeout=0s       Duration to retry a state lock.
  -backend-config=K=V    A backend argument over the backend block's (repeatable).
  -workspace=NAME        The state to use among the backend's (default "default").
  -no-color              Do not use colour in the output.
  -state=path            State file (default vpcplan.tfstate).
  -var 'NAME=VALUE'      Set a value for an input variable.
  -var-file=FILE         Set input variables from a file.
`

func runApply(ctx context.Context, env *environment, args []string) int {
	return applyCommand(ctx, env, args, false)
}

func runDestroy(ctx context.Context, env *environment, args []string) int {
	return applyCommand(ctx, env, args, true)
}

func applyCommand(ctx context.Context, env *environment, args []string, destroy bool) int {
	name, help := "apply", applyHelp
	if destroy {
		name, help = "destroy", destroyHelp
	}
	fs := newFlags(name)
	var in planInputs
	autoApprove := fs.Bool("auto-approve", false, "")
	in.destroy = destroy
	if !destroy {
		fs.BoolVar(&in.destroy, "destroy", false, "")
	}
	fs.BoolVar(&in.input, "input", true, "")
	fs.BoolVar(&in.noColor, "no-color", false, "")
	fs.StringVar(&in.configFile, "config", "", "")
	fs.Var(varArgs{list: &in.vars}, "var", "")
	fs.Var(varArgs{list: &in.vars, file: true}, "var-file", "")
	in.state.register(fs)
	if code, ok := parseFlags(env, fs, args, help); !ok {
		return code
	}
	s, ok := openState(ctx, env, in.state, "OperationTypeApply")
	if !ok {
		return exitError
	}
	defer s.close(env)

	var pl *planned
	paths := fs.Args()
	if len(paths) == 1 && !destroy {
		if info, err := os.Stat(paths[0]); err == nil && !info.IsDir() && !isConfigPath(paths[0]) {
			pl, ok = loadPlanFile(ctx, env, in, paths[0], s.store)
			if !ok {
				return exitError
			}
		}
	}
	if pl == nil {
		pl, ok = makePlan(ctx, env, in, paths, s)
		if !ok {
			return exitError
		}
		_ = render.PlanText(env.stdout, pl.plan, render.Options{Color: env.color && !in.noColor, Width: env.width})
		printDiagnostics(env, pl.loader.Snippets(), pl.warnings, !in.noColor)
		if !pl.plan.HasChanges() {
			return finishApply(env, s.store, [3]int{}, in.destroy)
		}
		if !*autoApprove && !approve(env, in) {
			return exitError
		}
	}
	fmt.Fprintln(env.stdout)
	_, counts, diags := planner.Apply(ctx, pl.plan, planner.ApplyOptions{
		Store:       s.store,
		Progress:    progress(env.stdout),
		Evaluate:    reevaluate(env, pl.loader, pl.cfg, nil, pl.plan.Model.Variables, pl.plan.Prior, pl.plan.Timestamp),
		Catalog:     schema.NewCatalog(),
		ToolVersion: version,
	})
	printDiagnostics(env, pl.loader.Snippets(), diags, !in.noColor)
	if diags.HasErrors() {
		return exitError
	}
	return finishApply(env, s.store, counts, in.destroy)
}

// isConfigPath reports whether a file argument is configuration rather
// than a plan file.
func isConfigPath(p string) bool { return strings.HasSuffix(p, ".hcl") || strings.HasSuffix(p, ".tf") }

// approve asks for approval as Terraform does; only "yes" proceeds.
func approve(env *environment, in planInputs) bool {
	if !in.input || !env.interactive {
		printError(env, "No approval given", "Apply needs an approval, but there is no terminal to ask on (or -input=false was given). To apply without asking, run again with -auto-approve, or save a plan with plan -out and apply that file.")
		return false
	}
	if in.destroy {
		fmt.Fprintf(env.stdout, "\nDo you really want to destroy all resources?\n  vpcplan will destroy all your managed infrastructure, as shown above.\n  There is no undo. Only 'yes' will be accepted to confirm.\n\n  Enter a value: ")
	} else {
		fmt.Fprintf(env.stdout, "\nDo you want to perform these actions?\n  vpcplan will perform the actions described above.\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: ")
	}
	line, _ := bufio.NewReader(env.stdin).ReadString('\n')
	if strings.TrimSpace(line) != "yes" {
		if in.destroy {
			fmt.Fprintln(env.stdout, "\nDestroy cancelled.")
		} else {
			fmt.Fprintln(env.stdout, "\nApply cancelled.")
		}
		return false
	}
	return true
}

// finishApply prints the summary and the outputs.
func finishApply(env *environment, store state.Store, counts [3]int, destroy bool) int {
	if destroy {
		fmt.Fprintf(env.stdout, "\nDestroy complete! Resources: %d destroyed.\n", counts[2])
		return exitOK
	}
	fmt.Fprintf(env.stdout, "\nApply complete! Resources: %d added, %d changed, %d destroyed.\n", counts[0], counts[1], counts[2])
	st, err := store.Load()
	if err != nil || st == nil || len(st.Outputs) == 0 {
		return exitOK
	}
	fmt.Fprintf(env.stdout, "\nOutputs:\n\n")
	printOutputs(env, st)
	return exitOK
}

// printOutputs prints outputs as Terraform does after apply and in output.
func printOutputs(env *environment, st *state.State) {
	names := make([]string, 0, len(st.Outputs))
	for n := range st.Outputs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		o := st.Outputs[n]
		if o.Sensitive {
			fmt.Fprintf(env.stdout, "%s = <sensitive>\n", n)
			continue
		}
		fmt.Fprintf(env.stdout, "%s = %s\n", n, outputText(o))
	}
}

func outputText(o *state.OutputState) string {
	ty, err := ctyjson.UnmarshalType(o.Type)
	if err != nil {
		return string(o.Value)
	}
	v, err := ctyjson.Unmarshal(o.Value, ty)
	if err != nil {
		return string(o.Value)
	}
	return render.ValueText(v)
}

// loadPlanFile reads a saved plan and makes it again from its own inputs,
// refusing a stale one.
func loadPlanFile(ctx context.Context, env *environment, in planInputs, path string, store state.Store) (*planned, bool) {
	data, err := inputfile.ReadFile(path, env.limits.FileSize)
	if err != nil {
		printError(env, "Failed to load plan file", fmt.Sprintf("Cannot read %q: %s.", path, err))
		return nil, false
	}
	pf, err := planner.DecodePlanFile(data, version)
	if err != nil {
		printError(env, "Failed to load plan file", fmt.Sprintf("%s: %s.", path, err))
		return nil, false
	}
	prior, err := pf.Prior()
	if err != nil {
		printError(env, "Failed to load plan file", fmt.Sprintf("%s: the saved prior state is corrupt: %s.", path, err))
		return nil, false
	}
	current, err := store.Load()
	if err != nil {
		printError(env, "Failed to load state", fmt.Sprintf("%s\n\nThe state file was not changed.", err))
		return nil, false
	}
	const stale = "The given plan file can no longer be applied because the state was changed by another operation after the plan was created."
	switch {
	case current != nil && pf.PriorExisted && current.Lineage != prior.Lineage:
		printError(env, "Saved plan does not match the given state", fmt.Sprintf("The given plan file can not be applied because it was created from a different state lineage.\n\n%s was made against the state of lineage %s (serial %d); this state has lineage %s (serial %d). It is a plan of another configuration or state, or the state was replaced since. The state was not changed.", path, prior.Lineage, prior.Serial, current.Lineage, current.Serial))
		return nil, false
	case current != nil && !pf.PriorExisted:
		printError(env, "Saved plan is stale", fmt.Sprintf("%s\n\n%s was made when there was no state; now there is one, of lineage %s (serial %d). The state was not changed.", stale, path, current.Lineage, current.Serial))
		return nil, false
	case current == nil && pf.PriorExisted:
		printError(env, "Saved plan is stale", fmt.Sprintf("%s\n\n%s was made against the state of lineage %s (serial %d); now there is no state.", stale, path, prior.Lineage, prior.Serial))
		return nil, false
	case current != nil && current.Serial != prior.Serial:
		printError(env, "Saved plan is stale", fmt.Sprintf("%s\n\n%s was made against serial %d of the state; it is at serial %d now. The state was not changed.", stale, path, prior.Serial, current.Serial))
		return nil, false
	}
	values, err := pf.Values()
	if err != nil {
		printError(env, "Failed to load plan file", fmt.Sprintf("%s: %s.", path, err))
		return nil, false
	}
	catalog := schema.NewCatalog()
	loader := newLoader(env, catalog)
	cfg, diags := loader.LoadSources(pf.Sources(), pf.Dir)
	moved, moves, moreDiags := planner.ApplyMoves(prior, cfg)
	diags = append(diags, moreDiags...)
	if moves != nil {
		prior = moved
	}
	idx, moreDiags := planner.IndexPrior(prior, catalog)
	diags = append(diags, moreDiags...)
	walk := planner.NewWalk(idx, planner.Options{Destroy: pf.Destroy, ToolVersion: version, Timestamp: pf.Time(), Moves: moves})
	var m *config.Model
	if !diags.HasErrors() {
		m, moreDiags = loader.Evaluate(ctx, cfg, walk.EvalOptions(config.Options{Mode: config.PlanMode, Values: values, Env: env.environ, Cwd: env.cwd, AssumedAccount: planner.AssumedAccount(prior.Lineage), Foreign: planner.ForeignValues(prior), PlanTimestamp: pf.Time()}))
		diags = append(diags, moreDiags...)
	}
	var p *planner.Plan
	if !diags.HasErrors() {
		var stored *state.State
		if pf.PriorExisted {
			stored = prior
		}
		p, moreDiags = walk.Plan(ctx, m, stored)
		diags = append(diags, moreDiags...)
		if !pf.PriorExisted && p != nil {
			p.Prior = prior // keep the lineage the plan was made with
		}
	}
	if diags.HasErrors() {
		printDiagnostics(env, loader.Snippets(), diags, !in.noColor)
		return nil, false
	}
	if !pf.Matches(p) {
		printError(env, "Saved plan is stale", "The given plan file can no longer be applied because making it again from its own configuration and state gives other changes.")
		return nil, false
	}
	return &planned{plan: p, loader: loader, cfg: cfg}, true
}
