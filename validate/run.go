package validate

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
)

// Options tune Run.
type Options struct {
	// Disabled rule ids are not run.
	Disabled map[string]bool
	// Severity overrides a rule's default severity.
	Severity map[string]hcl.DiagnosticSeverity
	// PlanTime runs the plan-time rules too (they need Input.Deleted).
	PlanTime bool
}

// Run runs the rules over the input and returns their diagnostics, stamped
// with severity and rule id, sorted by file, position and rule id.
func Run(in *Input, rules []*Rule, opts Options) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, r := range rules {
		if opts.Disabled[r.ID] || (r.PlanTime && !opts.PlanTime) {
			continue
		}
		sev := r.Severity
		if s, ok := opts.Severity[r.ID]; ok {
			sev = s
		}
		for _, d := range r.Check(in) {
			d.Severity = sev
			d.Extra = ruleExtra{id: r.ID}
			out = append(out, d)
		}
	}
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
