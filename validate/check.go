package validate

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// Check runs the validate-time rules over an evaluated model and applies
// the inline ignore comments of the model's files (see FindIgnores and
// ApplyIgnores): what `vpcplan validate` and the language server report
// after evaluation. The ids of rules are the known ones for ApplyIgnores.
func Check(m *config.Model, services *schema.ServiceCatalog, rules []*Rule, opts Options) hcl.Diagnostics {
	diags := Run(&Input{Model: m, Services: services}, rules, opts)
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	sort.Strings(ids)
	return ApplyIgnores(diags, FindIgnores(m.Config.AllFiles()), ids)
}
