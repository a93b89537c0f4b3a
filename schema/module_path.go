package schema

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// ModuleStep is one step of a module instance path: the call's name and
// the instance's key (NoKey for a call without count or for_each).
type ModuleStep struct {
	Name string
	Key  InstanceKey
}

// ModulePath is the path of a module instance in Terraform's syntax:
// "" for the root module, `module.vpc`, `module.net["west"].module.sub`.
// Paths are kept as strings so that addresses stay comparable; their
// steps come from ParseModulePath.
type ModulePath = string

// ModuleChild returns the path of the instance key of call name inside
// the module instance p.
func ModuleChild(p ModulePath, name string, key InstanceKey) ModulePath {
	s := "module." + name + key.String()
	if p == "" {
		return s
	}
	return p + "." + s
}

// ParseModulePath splits a module instance path into its steps.
func ParseModulePath(p ModulePath) ([]ModuleStep, hcl.Diagnostics) {
	if p == "" {
		return nil, nil
	}
	trav, diags := parseTraversalString(p)
	if diags.HasErrors() {
		return nil, diags
	}
	steps, rest, diags := moduleSteps(trav)
	if diags.HasErrors() {
		return nil, diags
	}
	if len(rest) > 0 {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid module instance address",
			Detail:   fmt.Sprintf("%q is not a module instance address; one looks like module.vpc or module.net[\"west\"].module.sub.", p),
		}}
	}
	return steps, nil
}

// moduleSteps takes the leading module.NAME[KEY] steps off an absolute
// traversal and returns them with the rest, rooted anew (a nil rest when
// nothing follows).
func moduleSteps(trav hcl.Traversal) ([]ModuleStep, hcl.Traversal, hcl.Diagnostics) {
	var steps []ModuleStep
	for len(trav) > 0 && rootName(trav[0]) == "module" {
		if len(trav) < 2 {
			return nil, nil, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid address",
				Detail:   "The \"module\" prefix must be followed by a module name.",
				Subject:  trav[0].SourceRange().Ptr(),
			}}
		}
		name, ok := trav[1].(hcl.TraverseAttr)
		if !ok {
			return nil, nil, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid address",
				Detail:   "The \"module\" prefix must be followed by a module name.",
				Subject:  trav[1].SourceRange().Ptr(),
			}}
		}
		step := ModuleStep{Name: name.Name}
		trav = trav[2:]
		if len(trav) > 0 {
			if idx, ok := trav[0].(hcl.TraverseIndex); ok {
				k, err := keyFromValue(idx)
				if err != nil {
					return nil, nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid module instance key", Detail: err.Error() + ".", Subject: idx.SrcRange.Ptr()}}
				}
				step.Key = k
				trav = trav[1:]
			}
		}
		steps = append(steps, step)
		if len(trav) > 0 {
			// Root the rest: the next step is an attribute of the module.
			if a, ok := trav[0].(hcl.TraverseAttr); ok {
				trav = append(hcl.Traversal{hcl.TraverseRoot{Name: a.Name, SrcRange: a.SrcRange}}, trav[1:]...)
			}
		}
	}
	if len(trav) == 0 {
		trav = nil
	}
	return steps, trav, nil
}

func rootName(t hcl.Traverser) string {
	switch t := t.(type) {
	case hcl.TraverseRoot:
		return t.Name
	case hcl.TraverseAttr:
		return t.Name
	}
	return ""
}

// ModuleString writes steps as a module instance path.
func ModuleString(steps []ModuleStep) ModulePath {
	var b strings.Builder
	for i, s := range steps {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString("module.")
		b.WriteString(s.Name)
		b.WriteString(s.Key.String())
	}
	return b.String()
}

// ModuleCalls returns the call names of a module instance path, without
// keys: the path of the module in the configuration tree.
func ModuleCalls(p ModulePath) []string {
	steps, _ := ParseModulePath(p)
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.Name
	}
	return out
}

// CompareModules orders module instance paths as Terraform does: the root
// first, then step by step by call name and key, a path before the paths
// inside it. It returns -1, 0 or 1. It reads the paths in place (sorting
// the instances of a large configuration compares many of them).
func CompareModules(a, b ModulePath) int {
	if a == b {
		return 0
	}
	for {
		switch {
		case a == "" && b == "":
			return 0
		case a == "":
			return -1
		case b == "":
			return 1
		}
		na, ka, ra, okA := nextModuleStep(a)
		nb, kb, rb, okB := nextModuleStep(b)
		if !okA || !okB {
			return strings.Compare(a, b) // not a path ModuleChild writes
		}
		if na != nb {
			return strings.Compare(na, nb)
		}
		if ka != kb {
			if ka.Less(kb) {
				return -1
			}
			return 1
		}
		a, b = ra, rb
	}
}

// nextModuleStep reads the first step of a module instance path as
// ModuleChild writes it: module.NAME, then [N] or ["KEY"], then "." and the
// rest.
func nextModuleStep(p string) (name string, key InstanceKey, rest string, ok bool) {
	const prefix = "module."
	if !strings.HasPrefix(p, prefix) {
		return "", NoKey, "", false
	}
	p = p[len(prefix):]
	i := strings.IndexAny(p, ".[")
	if i < 0 {
		return p, NoKey, "", true
	}
	name, p = p[:i], p[i:]
	if p[0] == '[' {
		end := -1
		if len(p) > 1 && p[1] == '"' {
			for j := 2; j < len(p); j++ {
				if p[j] == '\\' {
					j++
					continue
				}
				if p[j] == '"' {
					end = j + 1
					break
				}
			}
			if end < 0 || end >= len(p) || p[end] != ']' {
				return "", NoKey, "", false
			}
			str, err := strconv.Unquote(p[1:end])
			if err != nil {
				return "", NoKey, "", false
			}
			key, p = StringKey(str), p[end+1:]
		} else {
			end = strings.IndexByte(p, ']')
			if end < 0 {
				return "", NoKey, "", false
			}
			n, err := strconv.Atoi(p[1:end])
			if err != nil {
				return "", NoKey, "", false
			}
			key, p = IntKey(n), p[end+1:]
		}
	}
	if p == "" {
		return name, key, "", true
	}
	if p[0] != '.' {
		return "", NoKey, "", false
	}
	return name, key, p[1:], true
}
