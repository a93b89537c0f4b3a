package validate

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/parallel"
)

// Options tune Run.
type Options struct {
	// Disabled rule ids are not run.
	Disabled map[string]bool
	// Severity overrides a rule's default severity.
	Severity map[string]hcl.DiagnosticSeverity
	// PlanTime runs the plan-time rules too (they need Input.Deleted).
	PlanTime bool
	// Parallelism is how many rules run at once; 0 means GOMAXPROCS.
	// Rules only read the model, and the result does not depend on it.
	Parallelism int
}

// Run runs the rules over the input and returns their diagnostics, stamped
// with severity and rule id, sorted by file, position and rule id.
func Run(in *Input, rules []*Rule, opts Options) hcl.Diagnostics {
	var run []*Rule
	for _, r := range rules {
		if !opts.Disabled[r.ID] && (!r.PlanTime || opts.PlanTime) {
			run = append(run, r)
		}
	}
	found := make([]hcl.Diagnostics, len(run))
	parallel.Workers(len(run), opts.Parallelism, 1, func(i int) { found[i] = run[i].Check(in) })

	var out hcl.Diagnostics
	for i, r := range run {
		sev := r.Severity
		if s, ok := opts.Severity[r.ID]; ok {
			sev = s
		}
		for _, d := range found[i] {
			d.Severity = sev
			d.Extra = ruleExtra{id: r.ID}
			out = append(out, d)
		}
	}
	moduleContext(in.Model, out)
	redactSensitive(in.Model, out)
	sortDiagnostics(out)
	return out
}

func sortDiagnostics(diags hcl.Diagnostics) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		if (a.Subject == nil) != (b.Subject == nil) {
			return a.Subject == nil
		}
		if a.Subject != nil {
			if a.Subject.Filename != b.Subject.Filename {
				return a.Subject.Filename < b.Subject.Filename
			}
			if a.Subject.Start.Byte != b.Subject.Start.Byte {
				return a.Subject.Start.Byte < b.Subject.Start.Byte
			}
		}
		return RuleID(a) < RuleID(b)
	})
}
