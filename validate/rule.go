package validate

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// Rule is one check. ID is snake_case, equals the rule's file name and its
// doc page's name (docs/<ID>.md), and is never renamed.
type Rule struct {
	ID string
	// Summary is one line for `vpcplan rules` and the docs index.
	Summary string
	// Severity is the default severity; Run stamps it (or the configured
	// one) onto every diagnostic the rule returns.
	Severity hcl.DiagnosticSeverity
	// PlanTime rules need the prior state; they run in plan, not validate.
	PlanTime bool
	// Check returns the rule's findings. It sets Summary, Detail and the
	// tightest Subject; Run sets Severity and Extra.
	Check func(in *Input) hcl.Diagnostics
}

// Input is what rules read.
type Input struct {
	Model    *config.Model
	Services *schema.ServiceCatalog
	// Deleted lists the instances the plan deletes, with their prior
	// values; nil outside plan.
	Deleted []*DeletedInstance
}

// DeletedInstance is an instance a plan deletes.
type DeletedInstance struct {
	Addr  schema.InstanceAddr
	Value cty.Value
}

// RuleDiagnostic is implemented by the Extra of every diagnostic Run
// returns (hcl's DiagnosticExtra convention).
type RuleDiagnostic interface {
	RuleID() string
}

// ruleExtra is the Extra Run puts on rule diagnostics.
type ruleExtra struct {
	id string
}

func (e ruleExtra) RuleID() string { return e.id }

// RuleID returns the rule id a diagnostic carries, or "".
func RuleID(d *hcl.Diagnostic) string {
	if rd, ok := hcl.DiagnosticExtra[RuleDiagnostic](d); ok {
		return rd.RuleID()
	}
	return ""
}
