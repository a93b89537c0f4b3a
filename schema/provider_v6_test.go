package schema

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

// globalTypes are the catalog's types the AWS provider marks global
// (Enhanced Region Support, "Non-region-aware resources"): IAM, and the
// caller identity and partition data sources.
var globalTypes = map[string]bool{
	"managed.aws_iam_policy":                 true,
	"managed.aws_iam_role":                   true,
	"managed.aws_iam_role_policy":            true,
	"managed.aws_iam_role_policy_attachment": true,
	"data.aws_iam_policy_document":           true,
	"data.aws_caller_identity":               true,
	"data.aws_partition":                     true,
}

// TestRegionArgument checks that every regional type of the catalog has
// the provider's region argument (ForceNew for managed types) and that
// the global ones have none.
func TestRegionArgument(t *testing.T) {
	for _, r := range append(Resources(), DataSources()...) {
		key := r.Mode.String() + "." + string(r.Type)
		a := r.Attributes[RegionAttr]
		if globalTypes[key] {
			if !r.Global || a != nil {
				t.Errorf("%s: got Global %v, region %v; want global without region", key, r.Global, a != nil)
			}
			continue
		}
		if r.Global || a == nil || !a.Optional || !a.Computed || a.ForceNew != (r.Mode == ManagedMode) {
			t.Errorf("%s: got Global %v, region %+v; want an optional, computed region, ForceNew for a managed type", key, r.Global, a)
		}
	}
}

// TestTimeouts checks the timeouts blocks against the operations the
// provider's implementation of each type declares.
func TestTimeouts(t *testing.T) {
	want := map[TypeName][]string{
		TypeVPCIPv4CIDRBlockAssociation:           {"create", "delete"},
		TypeSubnet:                                {"create", "delete"},
		TypeRouteTable:                            {"create", "delete", "update"},
		TypeRoute:                                 {"create", "delete", "update"},
		TypeRouteTableAssociation:                 {"create", "delete", "update"},
		TypeMainRouteTableAssociation:             {"create", "delete", "update"},
		TypeInternetGateway:                       {"create", "delete", "update"},
		TypeNATGateway:                            {"create", "delete", "update"},
		TypeSecurityGroup:                         {"create", "delete"},
		TypeSecurityGroupRule:                     {"create"},
		TypeVPCEndpoint:                           {"create", "delete", "update"},
		TypeVPCEndpointSubnetAssoc:                {"create", "delete"},
		TypeVPCEndpointPolicy:                     {"create", "delete"},
		TypeVPCEndpointService:                    {"create", "delete", "update"},
		TypeLB:                                    {"create", "delete", "update"},
		TypeRoute53ResolverEndpoint:               {"create", "delete", "update"},
		TypeS3Bucket:                              {"create", "delete", "read", "update"},
		TypeS3ControlMultiRegionAccessPoint:       {"create", "delete"},
		TypeS3ControlMultiRegionAccessPointPolicy: {"create", "update"},
		TypeLambdaFunction:                        {"create", "delete", "update"},
	}
	for _, r := range Resources() {
		nb := r.Blocks[TimeoutsBlock]
		var got []string
		if nb != nil {
			if nb.Nesting != NestingSingle || nb.ForceNew || nb.MinItems != 0 {
				t.Errorf("%s: timeouts is %+v, want an optional single block", r.Type, nb)
			}
			got = nb.AttributeNames()
			for _, name := range got {
				if a := nb.Attributes[name]; !a.Optional || a.Computed || a.ForceNew {
					t.Errorf("%s: timeouts.%s is %+v, want optional, not computed, not ForceNew", r.Type, name, a)
				}
			}
		}
		if diff := cmp.Diff(want[r.Type], got); diff != "" {
			t.Errorf("%s: timeouts mismatch (-want +got):\n%s", r.Type, diff)
		}
	}
}

// TestAttributesAsBlocksTypes lists the blocks the provider declares in
// "attributes as blocks" mode.
func TestAttributesAsBlocksTypes(t *testing.T) {
	var got []string
	for _, r := range Resources() {
		for _, name := range r.BlockNames() {
			if r.Blocks[name].AttrMode {
				got = append(got, string(r.Type)+"."+name)
			}
		}
	}
	want := []string{"aws_route_table.route", "aws_security_group.egress", "aws_security_group.ingress"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestInternalValidateV6Mistakes(t *testing.T) {
	regional := managed("aws_regional", "A regional type.", nil, nil, true)
	delete(regional.Attributes, RegionAttr)
	global := managed("aws_global", "A global type.", nil, nil, true)
	global.Global = true
	global.Attributes["name"] = optional(cty.String, "The name.")
	global.Removed = map[string]*Removal{"name": {Version: 5}}
	global.Blocks = map[string]*NestedBlock{"b": singleBlock("b", Block{})}
	global.Blocks["b"].Nesting = NestingSingle
	global.Blocks["b"].AttrMode = true
	known := func(TypeName) *Resource { return nil }
	for r, wants := range map[*Resource][]string{
		regional: {"aws_regional: regional, without the provider's region argument"},
		global: {
			"aws_global: global, with a region argument",
			"aws_global.name: removed, yet an argument or block",
			"aws_global.name: a removal needs a version and either a replacement or a reason",
			"aws_global.b: attributes-as-blocks mode on a single block",
		},
	} {
		err := r.InternalValidate(known)
		if err == nil {
			t.Fatalf("%s: got nil error, want problems reported", r.Type)
		}
		for _, want := range wants {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q lacks %q", err, want)
			}
		}
	}
}
