package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/inputfile"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/render"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/planner/state/statecmd"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

const showHelp = `Usage: vpcplan show [options] [PLANFILE]

  Show a saved plan, or the state when no plan file is given.

Options:

  -json          Print Terraform's JSON representation.
  -no-color      Do not use colour in the output.
  -state=path    State file (default vpcplan.tfstate).
` + backendHelp

func runShow(ctx context.Context, env *environment, args []string) int {
	fs := newFlags("show")
	jsonOut := fs.Bool("json", false, "")
	noColor := fs.Bool("no-color", false, "")
	statePath := fs.String("state", defaultStatePath, "")
	var bf backendFlags
	bf.register(fs)
	if code, ok := parseFlags(env, fs, args, showHelp); !ok {
		return code
	}
	if fs.NArg() == 1 {
		pl, ok := loadPlanFileForShow(ctx, env, fs.Arg(0), !*noColor)
		if !ok {
			return exitError
		}
		if *jsonOut {
			if err := render.PlanJSON(env.stdout, pl.plan, version, planTime(pl.plan)); err != nil {
				fmt.Fprintf(env.stderr, "Error writing the plan: %s\n", err)
				return exitError
			}
			return exitOK
		}
		_ = render.PlanText(env.stdout, pl.plan, render.Options{Color: env.color && !*noColor, Width: env.width})
		return exitOK
	}
	st, ok := loadState(ctx, env, *statePath, bf)
	if !ok {
		return exitError
	}
	if *jsonOut {
		if err := render.StateJSON(env.stdout, st, version); err != nil {
			fmt.Fprintf(env.stderr, "Error writing the state: %s\n", err)
			return exitError
		}
		return exitOK
	}
	if st == nil || len(st.Resources) == 0 {
		fmt.Fprintln(env.stdout, "No state.")
		return exitOK
	}
	for _, r := range st.Resources {
		for _, inst := range r.Instances {
			addr, err := r.InstanceAddr(inst)
			if err != nil {
				printError(env, "Failed to load state", fmt.Sprintf("%s.\n\nThe state file was not changed.", err))
				return exitError
			}
			printInstance(env, addr, r, inst)
			fmt.Fprintln(env.stdout)
		}
	}
	if len(st.Outputs) > 0 {
		fmt.Fprintf(env.stdout, "\nOutputs:\n\n")
		printOutputs(env, st)
	}
	return exitOK
}

// loadPlanFileForShow reads a plan file without the staleness checks that
// apply makes: show displays what the file says.
func loadPlanFileForShow(ctx context.Context, env *environment, path string, color bool) (*planned, bool) {
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
		printError(env, "Failed to load plan file", fmt.Sprintf("%s: %s.", path, err))
		return nil, false
	}
	mem := &state.MemStore{}
	if pf.PriorExisted {
		if err := mem.Save(prior); err != nil {
			printError(env, "Failed to load plan file", err.Error())
			return nil, false
		}
	}
	return loadPlanFile(ctx, env, planInputs{noColor: !color}, path, mem)
}

// loadState reads the state from the selected backend, without locking it.
func loadState(ctx context.Context, env *environment, path string, bf backendFlags) (*state.State, bool) {
	b, ok := openBackend(ctx, env, path, bf)
	if !ok {
		return nil, false
	}
	defer b.Close()
	st, err := b.Store.Load()
	if err != nil {
		printError(env, "Failed to load state", fmt.Sprintf("%s\n\nThe state file was not changed.", err))
		return nil, false
	}
	return st, true
}

// printInstance prints one instance as terraform state show does.
func printInstance(env *environment, addr schema.InstanceAddr, r *state.Resource, inst *state.Instance) {
	fmt.Fprintf(env.stdout, "# %s:\n", addr)
	kind := "resource"
	if r.Mode == "data" {
		kind = "data"
	}
	fmt.Fprintf(env.stdout, "%s %q %q {\n", kind, r.Type, r.Name)
	var attrs map[string]json.RawMessage
	_ = json.Unmarshal(inst.Attributes, &attrs)
	sensitive := sensitiveTopLevel(inst.SensitiveAttributes)
	names := make([]string, 0, len(attrs))
	width := 0
	types := map[string]cty.Type{}
	for k, v := range attrs {
		// A dynamic attribute (terraform_data's input and output) shows
		// the value it holds, as Terraform shows it.
		v, types[k] = planner.UnwrapDynamic(v)
		attrs[k] = v
		if string(v) == "null" {
			continue
		}
		names = append(names, k)
		if len(k) > width {
			width = len(k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		val := strings.ReplaceAll(jsonText(attrs[k], types[k]), "\n", "\n    ")
		if sensitive[k] {
			val = "(sensitive value)"
		}
		fmt.Fprintf(env.stdout, "    %-*s = %s\n", width, k, val)
	}
	fmt.Fprintln(env.stdout, "}")
}

func sensitiveTopLevel(raw json.RawMessage) map[string]bool {
	out := map[string]bool{}
	var paths [][]struct {
		Type  string          `json:"type"`
		Value json.RawMessage `json:"value"`
	}
	if json.Unmarshal(raw, &paths) != nil {
		return out
	}
	for _, p := range paths {
		if len(p) > 0 && p[0].Type == "get_attr" {
			var name string
			if json.Unmarshal(p[0].Value, &name) == nil {
				out[name] = true
			}
		}
	}
	return out
}

// jsonText renders a JSON value in Terraform's value syntax. With its
// type known (a dynamic attribute's), object attributes are written as
// Terraform writes them, bare; without it, every key is quoted, as map
// keys are.
func jsonText(raw json.RawMessage, ty cty.Type) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	var b strings.Builder
	writeJSONValue(&b, v, ty, 0)
	return b.String()
}

func writeJSONValue(b *strings.Builder, v any, ty cty.Type, level int) {
	pad := strings.Repeat("    ", level+1)
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		q, _ := json.Marshal(x)
		b.Write(q)
	case float64, bool:
		q, _ := json.Marshal(x)
		b.Write(q)
	case []any:
		if len(x) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range x {
			ety := cty.NilType
			switch {
			case ty.IsListType() || ty.IsSetType():
				ety = ty.ElementType()
			case ty.IsTupleType() && i < ty.Length():
				ety = ty.TupleElementType(i)
			}
			b.WriteString(pad)
			writeJSONValue(b, e, ety, level+1)
			b.WriteString(",\n")
		}
		b.WriteString(strings.Repeat("    ", level) + "]")
	case map[string]any:
		if len(x) == 0 {
			b.WriteString("{}")
			return
		}
		keys := make([]string, 0, len(x))
		names := make(map[string]string, len(x))
		width := 0
		for k := range x {
			keys = append(keys, k)
			name := k
			if !ty.IsObjectType() || !hclsyntax.ValidIdentifier(k) {
				q, _ := json.Marshal(k)
				name = string(q)
			}
			names[k] = name
			width = max(width, len(name))
		}
		sort.Strings(keys)
		b.WriteString("{\n")
		for _, k := range keys {
			ety := cty.NilType
			switch {
			case ty.IsObjectType() && ty.HasAttribute(k):
				ety = ty.AttributeType(k)
			case ty.IsMapType():
				ety = ty.ElementType()
			}
			b.WriteString(pad + names[k] + strings.Repeat(" ", width-len(names[k])) + " = ")
			writeJSONValue(b, x[k], ety, level+1)
			b.WriteString("\n")
		}
		b.WriteString(strings.Repeat("    ", level) + "}")
	}
}

const outputHelp = `Usage: vpcplan output [options] [NAME]

  Print the outputs the state records, or one of them.

Options:

  -json          Print the outputs as JSON.
  -raw           Print one string, number or bool output as it is, for scripts.
  -no-color      Do not use colour in the output.
  -state=path    State file (default vpcplan.tfstate).
` + backendHelp

func runOutput(ctx context.Context, env *environment, args []string) int {
	fs := newFlags("output")
	jsonOut := fs.Bool("json", false, "")
	raw := fs.Bool("raw", false, "")
	_ = fs.Bool("no-color", false, "")
	statePath := fs.String("state", defaultStatePath, "")
	var bf backendFlags
	bf.register(fs)
	if code, ok := parseFlags(env, fs, args, outputHelp); !ok {
		return code
	}
	if diags := outputArgDiags(fs.NArg(), *jsonOut, *raw); diags.HasErrors() {
		printDiagnostics(env, nil, diags, true)
		helpPrompt(env, "output")
		return exitError
	}
	st, ok := loadState(ctx, env, *statePath, bf)
	if !ok {
		return exitError
	}
	outputs := map[string]*state.OutputState{}
	if st != nil {
		outputs = st.Outputs
	}
	if fs.NArg() == 1 {
		name := fs.Arg(0)
		o, ok := outputs[name]
		if !ok {
			printError(env, "Output not found", fmt.Sprintf("The output variable requested could not be found in the state file. If you recently added this to your configuration, be sure to run `vpcplan apply`, since the state won't be updated with new output variables until that command is run."))
			return exitError
		}
		switch {
		case *jsonOut:
			fmt.Fprintln(env.stdout, string(o.Value))
		case *raw:
			var v any
			if json.Unmarshal(o.Value, &v) != nil {
				return exitError
			}
			switch x := v.(type) {
			case string:
				fmt.Fprint(env.stdout, x)
			case float64, bool:
				fmt.Fprint(env.stdout, string(o.Value))
			default:
				printError(env, "Unsupported value for raw output", fmt.Sprintf("The -raw option only supports strings, numbers, and boolean values, but output value %q is not one of those. Use the -json option instead.", name))
				return exitError
			}
		case o.Sensitive:
			// Terraform prints the value here; vpcplan keeps secrets off
			// terminals and CI logs unless asked with -raw or -json
			// (issue 12).
			fmt.Fprintln(env.stdout, "<sensitive>")
		default:
			fmt.Fprintln(env.stdout, outputText(o))
		}
		return exitOK
	}
	if *jsonOut {
		type jo struct {
			Sensitive bool            `json:"sensitive"`
			Type      json.RawMessage `json:"type"`
			Value     json.RawMessage `json:"value"`
		}
		out := map[string]jo{}
		for n, o := range outputs {
			out[n] = jo{Sensitive: o.Sensitive, Type: o.Type, Value: o.Value}
		}
		data, _ := json.MarshalIndent(out, "", "  ")
		fmt.Fprintln(env.stdout, string(data))
		return exitOK
	}
	if len(outputs) == 0 {
		printWarning(env, "No outputs found", "The state file either has no outputs defined, or all the defined outputs are empty. Please define an output in your configuration with the `output` keyword and run `vpcplan apply` for it to become available.")
		return exitOK
	}
	printOutputs(env, st)
	return exitOK
}

const stateHelp = `Usage: vpcplan state <subcommand> [options] [args]

  Read and change the state.

Subcommands:
    list    List resources in the state
    mv      Move an item in the state
    pull    Print the current state
    push    Replace the current state with a state file (push FILE, or - for stdin)
    rm      Remove instances from the state
    show    Show a resource in the state

Options of every subcommand:

  -state=path       State file (default vpcplan.tfstate).
  -lock=false       Don't hold the state lock (rm, mv, push).
  -lock-timeout=0s  Duration to retry a state lock (rm, mv, push).
  -force            Push a state of another lineage or an older serial (push).
` + backendHelp

func runState(ctx context.Context, env *environment, args []string) int {
	if len(args) == 0 || args[0] == "-help" || args[0] == "--help" || args[0] == "-h" {
		fmt.Fprint(env.stdout, stateHelp)
		if len(args) == 0 {
			return exitError
		}
		return exitOK
	}
	sub, args := args[0], args[1:]
	fs := newFlags("state " + sub)
	var sf stateFlags
	sf.register(fs)
	force := fs.Bool("force", false, "")
	if code, ok := parseFlags(env, fs, args, stateHelp); !ok {
		return code
	}
	switch sub {
	case "pull":
		return runStatePull(ctx, env, sf)
	case "push":
		if fs.NArg() != 1 {
			fmt.Fprintf(env.stderr, "Exactly one argument expected: the path of a state file, or - for stdin.\n\n%s", stateHelp)
			return exitError
		}
		return runStatePush(ctx, env, sf, fs.Arg(0), *force)
	case "list":
		st, ok := loadState(ctx, env, sf.path, sf.backend)
		if !ok {
			return exitError
		}
		if st == nil {
			return exitOK
		}
		targets, ok := parseTargets(env, fs.Args())
		if !ok {
			return exitError
		}
		addrs, diags := statecmd.List(st, targets)
		for _, a := range addrs {
			fmt.Fprintln(env.stdout, a)
		}
		if diags.HasErrors() {
			printDiagnostics(env, nil, diags, true)
			return exitError
		}
		return exitOK
	case "show":
		if fs.NArg() != 1 {
			fmt.Fprintln(env.stderr, "Exactly one argument expected: the address of a resource instance.")
			return exitError
		}
		addr, diags := schema.ParseInstanceAddr(fs.Arg(0))
		if diags.HasErrors() {
			printError(env, "Invalid resource instance address", fmt.Sprintf("%q is not the address of a resource instance; one looks like aws_subnet.a[0] or module.vpc.aws_vpc.this.", fs.Arg(0)))
			return exitError
		}
		st, ok := loadState(ctx, env, sf.path, sf.backend)
		if !ok {
			return exitError
		}
		r, inst := statecmd.Find(st, addr)
		if inst == nil {
			printError(env, "No instance found for the given address", fmt.Sprintf("This command requires that the address references one specific instance. %s is not in the state; run vpcplan state list to see the addresses it holds.", fs.Arg(0)))
			return exitError
		}
		printInstance(env, addr, r, inst)
		return exitOK
	case "rm", "mv":
		if (sub == "rm" && fs.NArg() == 0) || (sub == "mv" && fs.NArg() != 2) {
			fmt.Fprintf(env.stderr, "Wrong number of arguments.\n\n%s", stateHelp)
			return exitError
		}
		var targets []statecmd.Target
		if sub == "rm" {
			var ok bool
			if targets, ok = parseTargets(env, fs.Args()); !ok {
				return exitError
			}
		}
		s, ok := openState(ctx, env, sf, "OperationTypeInvalid")
		if !ok {
			return exitError
		}
		defer s.close(env)
		st, err := s.store.Load()
		if err != nil || st == nil {
			printError(env, "Failed to load state", fmt.Sprintf("%v\n\nThe state file was not changed.", errOr(err, "there is no state")))
			return exitError
		}
		var report []string
		var diags hcl.Diagnostics
		if sub == "rm" {
			var removed []schema.InstanceAddr
			removed, diags = statecmd.Remove(st, targets)
			for _, a := range removed {
				report = append(report, fmt.Sprintf("Removed %s", a))
			}
			report = append(report, fmt.Sprintf("Successfully removed %d resource instance(s).", len(removed)))
		} else {
			var moved []statecmd.Moved
			moved, diags = statecmd.Move(st, fs.Arg(0), fs.Arg(1))
			for _, m := range moved {
				report = append(report, fmt.Sprintf("Move %q to %q", m.From, m.To))
			}
			report = append(report, fmt.Sprintf("Successfully moved %d object(s).", len(moved)))
		}
		if diags.HasErrors() {
			printDiagnostics(env, nil, diags, true)
			return exitError
		}
		if err := s.store.Save(st); err != nil {
			printError(env, "Failed to save state", fmt.Sprintf("%s\n\nThe state file was not changed.", err))
			return exitError
		}
		for _, line := range report {
			fmt.Fprintln(env.stdout, line)
		}
		return exitOK
	}
	fmt.Fprintf(env.stderr, "vpcplan state has no subcommand %q.\n\n%s", sub, stateHelp)
	return exitError
}

// parseTargets reads the addresses given to a state command, printing the
// first that is not one.
func parseTargets(env *environment, args []string) ([]statecmd.Target, bool) {
	targets := make([]statecmd.Target, 0, len(args))
	for _, a := range args {
		t, diags := statecmd.ParseTarget(a)
		if diags.HasErrors() {
			printError(env, "Invalid target address", fmt.Sprintf("%q is not the address of a module, a resource or a resource instance: %s", a, diags[0].Detail))
			return nil, false
		}
		targets = append(targets, t)
	}
	return targets, true
}

func errOr(err error, msg string) any {
	if err != nil {
		return err
	}
	return msg
}

const forceUnlockHelp = `Usage: vpcplan force-unlock [options] LOCK_ID

  Remove the lock on the state for the current configuration, left behind
  by a process that is gone.

Options:

  -force         Don't ask for input for unlock confirmation.
  -state=path    State file (default vpcplan.tfstate).
` + backendHelp

func runForceUnlock(ctx context.Context, env *environment, args []string) int {
	fs := newFlags("force-unlock")
	_ = fs.Bool("force", false, "")
	statePath := fs.String("state", defaultStatePath, "")
	var bf backendFlags
	bf.register(fs)
	if code, ok := parseFlags(env, fs, args, forceUnlockHelp); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(env.stderr, "Expected a single argument: LOCK_ID\n\n%s", forceUnlockHelp)
		return exitError
	}
	b, ok := openBackend(ctx, env, *statePath, bf)
	if !ok {
		return exitError
	}
	err := b.Store.ForceUnlock(fs.Arg(0))
	b.Close()
	if err != nil {
		printError(env, "Failed to unlock state", err.Error())
		return exitError
	}
	fmt.Fprintf(env.stdout, "vpcplan state has been successfully unlocked!\n\nThe state has been unlocked, and vpcplan commands should now be able to\nobtain a new lock on the state.\n")
	return exitOK
}
