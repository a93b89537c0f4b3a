package validate

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/zclconf/go-cty/cty"
)

// sensitiveText is what a rule message says in place of a sensitive value.
const sensitiveText = "(sensitive value)"

// attrSensitive reports whether the attribute name of inst, or anything in
// it, is sensitive (derived from a sensitive variable or output): a rule
// quoting it must say sensitiveText instead, and suggest nothing derived
// from it.
func attrSensitive(inst *config.Instance, name string) bool {
	for _, p := range inst.SensitivePaths {
		if len(p) > 0 {
			if s, ok := p[0].(cty.GetAttrStep); ok && s.Name == name {
				return true
			}
		}
	}
	return false
}

// quoteValue is %q of s, or sensitiveText when the attribute it comes
// from is sensitive.
func quoteValue(inst *config.Instance, name, s string) string {
	if attrSensitive(inst, name) {
		return sensitiveText
	}
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

// redactSensitive is the safety net behind the rules: every sensitive
// string of the model (at least 4 bytes long, so that short values do not
// blank out ordinary words) that a diagnostic's summary or detail quotes
// is replaced by sensitiveText, whichever rule wrote it.
func redactSensitive(m *config.Model, diags hcl.Diagnostics) {
	if m == nil || len(diags) == 0 {
		return
	}
	seen := map[string]bool{}
	var secrets []string
	for _, inst := range m.Instances {
		for _, p := range inst.SensitivePaths {
			v, err := p.Apply(inst.Value)
			if err != nil {
				continue
			}
			collectStrings(v, func(s string) {
				if len(s) >= 4 && !seen[s] {
					seen[s] = true
					secrets = append(secrets, s)
				}
			})
		}
	}
	if len(secrets) == 0 {
		return
	}
	// Longest first, so that a secret containing another is replaced
	// whole.
	sort.Slice(secrets, func(i, j int) bool {
		if len(secrets[i]) != len(secrets[j]) {
			return len(secrets[i]) > len(secrets[j])
		}
		return secrets[i] < secrets[j]
	})
	for _, d := range diags {
		for _, s := range secrets {
			d.Summary = strings.ReplaceAll(d.Summary, s, sensitiveText)
			d.Detail = strings.ReplaceAll(d.Detail, s, sensitiveText)
		}
	}
}

// collectStrings calls f with every known string inside v.
func collectStrings(v cty.Value, f func(string)) {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		f(v.AsString())
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() || ty.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			collectStrings(e, f)
		}
	}
}
