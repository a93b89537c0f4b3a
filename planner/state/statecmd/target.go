package statecmd

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// TargetKind tells what a Target selects.
type TargetKind int

const (
	// ModuleTarget is a module instance (module.vpc,
	// module.net["west"].module.sub): every resource instance inside it,
	// nested modules included. A last step without a key also takes in
	// every instance of that call (module.net selects module.net["west"]).
	ModuleTarget TargetKind = iota
	// ResourceTarget is a resource written without a key (aws_subnet.a,
	// module.vpc.aws_vpc.this): every instance of the resource.
	ResourceTarget
	// InstanceTarget is one resource instance: aws_subnet.a[0].
	InstanceTarget
)

// Target is one address given to a state command.
type Target struct {
	Kind TargetKind
	// Module is the module instance path of a ModuleTarget.
	Module schema.ModulePath
	// Instance is the address of a ResourceTarget (its Key is NoKey) or an
	// InstanceTarget.
	Instance schema.InstanceAddr

	steps []schema.ModuleStep
}

// String returns the address as Terraform writes it.
func (t Target) String() string {
	if t.Kind == ModuleTarget {
		return t.Module
	}
	return t.Instance.String()
}

// ParseTarget reads the address of a module instance, a resource or a
// resource instance, with or without a module path.
func ParseTarget(s string) (Target, hcl.Diagnostics) {
	addr, diags := schema.ParseInstanceAddr(s)
	if !diags.HasErrors() {
		t := Target{Kind: InstanceTarget, Instance: addr}
		if addr.Key == schema.NoKey {
			t.Kind = ResourceTarget
		}
		return t, nil
	}
	if steps, moreDiags := schema.ParseModulePath(s); !moreDiags.HasErrors() && len(steps) > 0 {
		return Target{Kind: ModuleTarget, Module: schema.ModuleString(steps), steps: steps}, nil
	}
	// The address comes from the command line: no source to point at.
	out := make(hcl.Diagnostics, 0, len(diags))
	for _, d := range diags {
		c := *d
		c.Subject, c.Context = nil, nil
		out = append(out, &c)
	}
	return Target{}, out
}

// moduleContains reports whether the module instance path t, taken as a
// target, contains the module instance path p, as Terraform's
// ModuleInstance.TargetContains has it: p is t or inside it, and a last
// step of t without a key takes in every instance of its call.
func moduleContains(t, p []schema.ModuleStep) bool {
	if len(p) < len(t) {
		return false
	}
	for i, s := range t {
		if s.Name != p[i].Name {
			return false
		}
		if i == len(t)-1 && s.Key == schema.NoKey {
			return true
		}
		if s.Key != p[i].Key {
			return false
		}
	}
	return true
}

// moduleHasPrefix reports whether p starts with the steps of t, keys
// compared exactly: the modules a state mv of t moves.
func moduleHasPrefix(p, t []schema.ModuleStep) bool {
	if len(p) < len(t) {
		return false
	}
	for i := range t {
		if p[i] != t[i] {
			return false
		}
	}
	return true
}
