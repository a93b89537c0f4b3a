package validate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// moduleContext says, for a finding inside a module, which module
// instance it is about and where that instance is called: the same
// resource block of a module is the source of every instance of it, so
// the range alone does not tell them apart. Rules name the instance they
// report on by its address, module path included; the module instance is
// the longest path of an instance declared in the finding's file that the
// detail names, or the only one there is.
func moduleContext(m *config.Model, diags hcl.Diagnostics) {
	if m == nil || m.Config == nil {
		return
	}
	byFile := map[string]map[schema.ModulePath]bool{}
	for _, inst := range m.Instances {
		p := inst.Addr.Resource.Module
		if p == "" || inst.Resource == nil {
			continue
		}
		f := inst.Resource.File
		if byFile[f] == nil {
			byFile[f] = map[schema.ModulePath]bool{}
		}
		byFile[f][p] = true
	}
	if len(byFile) == 0 {
		return
	}
	sorted := map[string][]schema.ModulePath{}
	for f, set := range byFile {
		paths := make([]schema.ModulePath, 0, len(set))
		for p := range set {
			paths = append(paths, p)
		}
		// Longest first, so module.a.module.b wins over module.a.
		sort.Slice(paths, func(i, j int) bool {
			if len(paths[i]) != len(paths[j]) {
				return len(paths[i]) > len(paths[j])
			}
			return paths[i] < paths[j]
		})
		sorted[f] = paths
	}
	for _, d := range diags {
		if d.Subject == nil {
			continue
		}
		paths := sorted[d.Subject.Filename]
		if len(paths) == 0 {
			continue
		}
		var found schema.ModulePath
		for _, p := range paths {
			if strings.Contains(d.Detail, p+".") {
				found = p
				break
			}
		}
		if found == "" && len(paths) == 1 {
			found = paths[0]
		}
		if found == "" {
			continue
		}
		if call := callRange(m.Config, found); call != nil {
			d.Detail += fmt.Sprintf("\n\nIn %s, called at %s:%d.", found, call.Filename, call.Start.Line)
		} else {
			d.Detail += fmt.Sprintf("\n\nIn %s.", found)
		}
	}
}

// callRange returns the declaration range of the module call that makes
// the module instance p, or nil.
func callRange(cfg *config.Config, p schema.ModulePath) *hcl.Range {
	calls := schema.ModuleCalls(p)
	if len(calls) == 0 {
		return nil
	}
	parent := cfg.ModuleConfig(calls[:len(calls)-1])
	if parent == nil {
		return nil
	}
	mc := parent.Module(calls[len(calls)-1])
	if mc == nil {
		return nil
	}
	return mc.DeclRange.Ptr()
}
