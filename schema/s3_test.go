package schema

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// s3NestedBlock walks a path of nested block names from the top of r.
func s3NestedBlock(t *testing.T, r *Resource, path ...string) *NestedBlock {
	t.Helper()
	b := &r.Block
	var nb *NestedBlock
	for _, name := range path {
		nb = b.Blocks[name]
		if nb == nil {
			t.Fatalf("%s: no nested block %q in path %v", r.Type, name, path)
		}
		b = &nb.Block
	}
	return nb
}

func TestS3AccessPointVPCConfiguration(t *testing.T) {
	nb := s3NestedBlock(t, S3AccessPoint, "vpc_configuration")
	if !nb.ForceNew || nb.MaxItems != 1 || nb.Nesting != NestingList {
		t.Errorf("vpc_configuration: got ForceNew %v, MaxItems %d, Nesting %v; want true, 1, list", nb.ForceNew, nb.MaxItems, nb.Nesting)
	}
	vpcID := nb.Attr("vpc_id")
	if vpcID == nil || !vpcID.Required || !vpcID.ForceNew {
		t.Fatalf("vpc_configuration.vpc_id: got %+v, want required and ForceNew", vpcID)
	}
	if diff := cmp.Diff([]Ref{{Type: TypeVPC, Attr: "id"}}, vpcID.RefersTo); diff != "" {
		t.Errorf("vpc_id RefersTo mismatch (-want +got):\n%s", diff)
	}
	if S3AccessPoint.AccountAttr != "account_id" {
		t.Errorf("AccountAttr: got %q, want %q", S3AccessPoint.AccountAttr, "account_id")
	}
}

func TestS3ControlMultiRegionAccessPointRegions(t *testing.T) {
	details := s3NestedBlock(t, S3ControlMultiRegionAccessPoint, "details")
	if !details.ForceNew || details.MinItems != 1 || details.MaxItems != 1 {
		t.Errorf("details: got ForceNew %v, MinItems %d, MaxItems %d; want true, 1, 1", details.ForceNew, details.MinItems, details.MaxItems)
	}
	region := s3NestedBlock(t, S3ControlMultiRegionAccessPoint, "details", "region")
	if region.Nesting != NestingSet || region.MinItems != 1 || region.MaxItems != 20 || !region.ForceNew {
		t.Errorf("details.region: got Nesting %v, MinItems %d, MaxItems %d, ForceNew %v; want set, 1, 20, true",
			region.Nesting, region.MinItems, region.MaxItems, region.ForceNew)
	}
	if b := region.Attr("bucket"); b == nil || !b.Required || !b.ForceNew {
		t.Errorf("details.region.bucket: got %+v, want required and ForceNew", b)
	}
}

// TestS3ControlMultiRegionAccessPointAllForceNew checks that every argument
// of the resource, which has no update, forces replacement; timeouts, which
// Terraform keeps apart from the resource's arguments, are the exception.
func TestS3ControlMultiRegionAccessPointAllForceNew(t *testing.T) {
	var walk func(path string, b *Block)
	walk = func(path string, b *Block) {
		for _, name := range b.AttributeNames() {
			a := b.Attributes[name]
			if (a.Required || a.Optional) && !a.ForceNew && name != "tags" {
				t.Errorf("%s%s: got ForceNew false, want true", path, name)
			}
		}
		for _, name := range b.BlockNames() {
			if path == "" && name == TimeoutsBlock {
				continue
			}
			walk(path+name+".", &b.Blocks[name].Block)
		}
	}
	walk("", &S3ControlMultiRegionAccessPoint.Block)
}

func TestS3BucketReplicationDestination(t *testing.T) {
	dest := s3NestedBlock(t, S3BucketReplicationConfiguration, "rule", "destination")
	if dest.MinItems != 1 || dest.MaxItems != 1 {
		t.Errorf("rule.destination: got MinItems %d, MaxItems %d; want 1, 1", dest.MinItems, dest.MaxItems)
	}
	bucket := dest.Attr("bucket")
	if bucket == nil || !bucket.Required {
		t.Fatalf("rule.destination.bucket: got %+v, want required", bucket)
	}
	if diff := cmp.Diff([]Ref{{Type: TypeS3Bucket, Attr: "arn"}}, bucket.RefersTo); diff != "" {
		t.Errorf("rule.destination.bucket RefersTo mismatch (-want +got):\n%s", diff)
	}
	rule := s3NestedBlock(t, S3BucketReplicationConfiguration, "rule")
	if rule.MinItems != 1 || rule.MaxItems != 1000 {
		t.Errorf("rule: got MinItems %d, MaxItems %d; want 1, 1000", rule.MinItems, rule.MaxItems)
	}
	if b := S3BucketReplicationConfiguration.Attr("bucket"); b == nil || !b.ForceNew {
		t.Errorf("bucket: got %+v, want ForceNew", b)
	}
	if r := S3BucketReplicationConfiguration.Attr("role"); r == nil || r.ForceNew {
		t.Errorf("role: got %+v, want updatable", r)
	}
}

func TestIAMRole(t *testing.T) {
	arp := IAMRole.Attr("assume_role_policy")
	if arp == nil || !arp.Required || arp.Optional || arp.Computed {
		t.Errorf("assume_role_policy: got %+v, want required only", arp)
	}
	ip := s3NestedBlock(t, IAMRole, "inline_policy")
	for _, name := range []string{"name", "policy"} {
		if a := ip.Attr(name); a == nil || !a.Optional {
			t.Errorf("inline_policy.%s: got %+v, want optional", name, a)
		}
	}
	if a := IAMRole.Attr("managed_policy_arns"); a == nil || !a.Optional {
		t.Errorf("managed_policy_arns: got %+v, want optional", a)
	}
	for _, name := range []string{"name", "name_prefix", "path"} {
		if a := IAMRole.Attr(name); a == nil || !a.ForceNew {
			t.Errorf("%s: got %+v, want ForceNew", name, a)
		}
	}
}

// TestS3IAMLambdaTags checks which types have tags in the provider.
func TestS3IAMLambdaTags(t *testing.T) {
	tests := map[TypeName]struct {
		r    *Resource
		want bool
	}{
		TypeS3Bucket:                        {S3Bucket, true},
		TypeS3AccessPoint:                   {S3AccessPoint, true},
		TypeS3BucketVersioning:              {S3BucketVersioning, false},
		TypeS3ControlMultiRegionAccessPoint: {S3ControlMultiRegionAccessPoint, false},
		TypeIAMRole:                         {IAMRole, true},
		TypeIAMRolePolicyAttachment:         {IAMRolePolicyAttachment, false},
		TypeLambdaFunction:                  {LambdaFunction, true},
		TypeLambdaPermission:                {LambdaPermission, false},
	}
	for name, tt := range tests {
		t.Run(string(name), func(t *testing.T) {
			if got := tt.r.Attr("tags") != nil; got != tt.want {
				t.Errorf("has tags: got %v, want %v", got, tt.want)
			}
		})
	}
}
