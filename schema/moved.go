package schema

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// MoveEndpoint is one side of a moved block, relative to the module that
// declares it: a module call (module.a), a module instance (module.a["x"]),
// a resource (aws_vpc.a, module.a.aws_vpc.b) or a resource instance
// (aws_subnet.a[0]).
type MoveEndpoint struct {
	// Module are the module steps before the resource, or the whole
	// endpoint when Resource is nil.
	Module []ModuleStep
	// Resource is the resource, nil for a module endpoint.
	Resource *Addr
	// Key is the instance key of the resource, or of the last module
	// step for a module endpoint; HasKey says whether one was written.
	Key    InstanceKey
	HasKey bool
	Range  hcl.Range
}

// String returns the endpoint as written.
func (m MoveEndpoint) String() string {
	s := ModuleString(m.Module)
	if m.Resource == nil {
		return s
	}
	r := m.Resource.String()
	if m.HasKey {
		r += m.Key.String()
	}
	if s == "" {
		return r
	}
	return s + "." + r
}

// ParseMoveEndpoint reads the from or to argument of a moved block.
func ParseMoveEndpoint(expr hcl.Expression) (MoveEndpoint, hcl.Diagnostics) {
	ep := MoveEndpoint{Range: expr.Range()}
	bad := func(detail string) (MoveEndpoint, hcl.Diagnostics) {
		return ep, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid address",
			Detail:   detail,
			Subject:  expr.Range().Ptr(),
		}}
	}
	trav, diags := hcl.AbsTraversalForExpr(expr)
	if diags.HasErrors() {
		return bad("A moved block's from and to must be static addresses, such as aws_vpc.a, aws_subnet.a[0] or module.net.")
	}
	steps, rest, diags := moduleSteps(trav)
	if diags.HasErrors() {
		return ep, diags
	}
	ep.Module = steps
	if len(rest) == 0 {
		if len(steps) == 0 {
			return bad("An address is required.")
		}
		last := steps[len(steps)-1]
		ep.Key, ep.HasKey = last.Key, last.Key != NoKey
		// The key written in the traversal, even [0]: moduleSteps keeps it.
		if idx, ok := trav[len(trav)-1].(hcl.TraverseIndex); ok {
			ep.HasKey = true
			_ = idx
		}
		return ep, nil
	}
	ref, diags := ParseRef(rest)
	if diags.HasErrors() {
		return ep, diags
	}
	if ref.Kind != RefResource {
		return bad(fmt.Sprintf("%q is not the address of a resource or module; a moved block moves resources and modules.", rest.RootName()))
	}
	if ref.Resource.Mode == DataMode {
		return bad("Data sources cannot be moved: they are read again on every plan.")
	}
	r := ref.Resource
	ep.Resource = &r
	remaining := ref.Remaining
	if len(remaining) > 0 {
		idx, ok := remaining[0].(hcl.TraverseIndex)
		if !ok {
			return bad("A resource address in a moved block ends with its name or its instance key.")
		}
		k, err := keyFromValue(idx)
		if err != nil {
			return bad(err.Error() + ".")
		}
		ep.Key, ep.HasKey = k, true
		remaining = remaining[1:]
	}
	if len(remaining) > 0 {
		return bad("A resource address in a moved block ends with its name or its instance key.")
	}
	return ep, nil
}
