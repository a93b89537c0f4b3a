package main

import (
	"fmt"
	"os"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/inputfile"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/vpcplan/vpcplan/validate"
)

// docsBase is where rule docs are linked from diagnostics and listings.
const docsBase = "https://github.com/vpcplan/vpcplan/blob/main/validate/docs/"

// ruleOptions reads the rule configuration: -config=FILE, else
// .vpcplan.hcl in the working directory when there is one, of at most
// maxFileSize bytes. The file is added to files for snippets.
func ruleOptions(configPath string, files map[string]*hcl.File, maxFileSize int64) (validate.Options, hcl.Diagnostics) {
	path := configPath
	if path == "" {
		if _, err := os.Stat(validate.ConfigFileName); err != nil {
			return validate.Options{}, nil
		}
		path = validate.ConfigFileName
	}
	src, err := inputfile.ReadFile(path, maxFileSize)
	if err != nil {
		return validate.Options{}, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Failed to read rule configuration",
			Detail:   fmt.Sprintf("Cannot read %q: %s.", path, err),
		}}
	}
	opts, f, diags := validate.ParseConfig(src, path, validate.DefaultRules())
	if f != nil && files != nil {
		files[path] = f
	}
	return opts, diags
}

// checkRules runs the rules over the model and applies inline ignores.
func checkRules(m *config.Model, files map[string]*hcl.File, opts validate.Options) hcl.Diagnostics {
	return validate.Check(m, schema.NewServiceCatalog(), validate.DefaultRules(), opts)
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// checkPlanRules runs the plan-time rules: those that need to know what the
// plan deletes.
func checkPlanRules(p *planner.Plan, opts validate.Options) hcl.Diagnostics {
	var deleted []*validate.DeletedInstance
	for _, c := range p.Changes {
		if c.Action == planner.Delete || c.Action == planner.DeleteThenCreate {
			deleted = append(deleted, &validate.DeletedInstance{Addr: c.Addr, Value: c.Before})
		}
	}
	if len(deleted) == 0 {
		return nil
	}
	var rules []*validate.Rule
	for _, r := range validate.DefaultRules() {
		if r.PlanTime {
			rules = append(rules, r)
		}
	}
	opts.PlanTime = true
	diags := validate.Run(&validate.Input{Model: p.Model, Services: schema.NewServiceCatalog(), Deleted: deleted}, rules, opts)
	all := validate.DefaultRules()
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.ID
	}
	// Unused-ignore warnings come from the validate-time pass already.
	var out hcl.Diagnostics
	for _, d := range validate.ApplyIgnores(diags, validate.FindIgnores(p.Model.Config.AllFiles()), sortedCopy(ids)) {
		if validate.RuleID(d) != "" {
			out = append(out, d)
		}
	}
	return out
}
