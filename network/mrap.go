package network

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// IsMRAPARN reports whether an ARN (or ARN pattern) in a policy names a
// Multi-Region Access Point, or objects through one:
// arn:<partition>:s3::<account>:accesspoint/<alias>.mrap[/object/...]. The
// ARN of an MRAP is the only S3 access point ARN without a Region
// (MRAP-014), so a pattern such as arn:aws:s3::111111111111:accesspoint/*
// names MRAPs too.
func IsMRAPARN(s string) bool {
	parts := strings.SplitN(s, ":", 6)
	return len(parts) == 6 && parts[0] == "arn" && parts[2] == "s3" && parts[3] == "" &&
		parts[4] != "" && strings.HasPrefix(parts[5], "accesspoint/") && len(parts[5]) > len("accesspoint/")
}

// AllowedMRAPs returns the MRAP ARNs that Allow statements of a policy
// name as resources, sorted and without duplicates.
func AllowedMRAPs(doc *policydoc.Document) []string {
	seen := map[string]bool{}
	var out []string
	for _, st := range doc.Statements {
		if st.Effect != "Allow" {
			continue
		}
		for _, r := range st.Resources {
			if IsMRAPARN(r) && !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	sort.Strings(out)
	return out
}

// MRAPBucket is one bucket of a Multi-Region Access Point: the bucket
// instance and where its region block is written.
type MRAPBucket struct {
	Bucket *config.Instance
	// Subject is the bucket argument of its region block (or, when the
	// block cannot be told, of the first region block).
	Subject hcl.Range
	// Block is the region block's header, for something missing in it.
	Block hcl.Range
	// AccountSet is whether bucket_account_id is written for the bucket;
	// AccountKnown is false when the model cannot tell.
	AccountSet, AccountKnown bool
}

// regionBlock is one region block of an MRAP as written.
type regionBlock struct {
	block      *hclsyntax.Block
	body       *hclsyntax.Body // the content body for a dynamic block
	dynamic    bool
	hasAccount bool
}

// regionBlocks returns the region blocks written in an MRAP's details
// blocks, static and dynamic, in source order.
func regionBlocks(inst *config.Instance) []regionBlock {
	var out []regionBlock
	if inst.Resource.Syntax == nil {
		return nil
	}
	var walkDetails func(body *hclsyntax.Body)
	walkDetails = func(body *hclsyntax.Body) {
		for _, b := range body.Blocks {
			switch {
			case b.Type == "region":
				_, has := b.Body.Attributes["bucket_account_id"]
				out = append(out, regionBlock{block: b, body: b.Body, hasAccount: has})
			case b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == "region":
				for _, c := range b.Body.Blocks {
					if c.Type == "content" {
						_, has := c.Body.Attributes["bucket_account_id"]
						out = append(out, regionBlock{block: b, body: c.Body, dynamic: true, hasAccount: has})
					}
				}
			}
		}
	}
	for _, b := range inst.Resource.Syntax.Blocks {
		switch {
		case b.Type == "details":
			walkDetails(b.Body)
		case b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == "details":
			for _, c := range b.Body.Blocks {
				if c.Type == "content" {
					walkDetails(c.Body)
				}
			}
		}
	}
	return out
}

// subject returns the range of the block's bucket argument, or of the
// block when it has none.
func (rb regionBlock) subject() hcl.Range {
	if a, ok := rb.body.Attributes["bucket"]; ok {
		return a.Expr.Range()
	}
	return rb.block.DefRange()
}

// target returns the bucket a static region block names, among the
// buckets the instance links: a literal name, or a reference to one
// aws_s3_bucket block of which the instance links exactly one instance
// (with count or for_each, the index narrows it when it is a literal).
func (rb regionBlock) target(linked []*config.Instance, byName map[string]*config.Instance) *config.Instance {
	a, ok := rb.body.Attributes["bucket"]
	if !ok || rb.dynamic {
		return nil
	}
	vars := a.Expr.Variables()
	if len(vars) == 0 {
		v, diags := a.Expr.Value(nil)
		if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
			return nil
		}
		return byName[v.AsString()]
	}
	var found *config.Instance
	for _, trav := range vars {
		ref, diags := schema.ParseRef(trav)
		if diags.HasErrors() || ref.Kind != schema.RefResource {
			continue
		}
		if ref.Resource.Type != schema.TypeS3Bucket {
			return nil // another resource's attribute: cannot tell
		}
		var key *schema.InstanceKey
		if len(ref.Remaining) > 0 {
			if idx, ok := ref.Remaining[0].(hcl.TraverseIndex); ok {
				switch k := idx.Key; {
				case k.Type() == cty.String:
					sk := schema.StringKey(k.AsString())
					key = &sk
				case k.Type() == cty.Number:
					if i, acc := k.AsBigFloat().Int64(); acc == 0 {
						ik := schema.IntKey(int(i))
						key = &ik
					}
				}
			}
		}
		for _, b := range linked {
			if b.Addr.Resource != ref.Resource || (key != nil && b.Addr.Key != *key) {
				continue
			}
			if found != nil && found != b {
				return nil
			}
			found = b
		}
	}
	return found
}

// MRAPBuckets returns the buckets of an MRAP that the model resolves, in
// the order of their region blocks, each with where it is written and
// whether bucket_account_id is given for it. Buckets outside the
// configuration, or named by unknown values that no link resolves, are
// left out.
func MRAPBuckets(inst *config.Instance) []MRAPBucket {
	var linked []*config.Instance
	for _, b := range inst.Links("details[0].region[*].bucket") {
		if b.Addr.Resource.Type == schema.TypeS3Bucket {
			linked = append(linked, b)
		}
	}
	if len(linked) == 0 {
		return nil
	}
	byName := map[string]*config.Instance{}
	for _, b := range linked {
		if n, ok := BucketName(b); ok {
			byName[n] = b
		}
	}
	// The value's elements: bucket name -> bucket_account_id given.
	accountByName := map[string]bool{}
	if regions, ok := NestedValue(inst.Value, "details", 0, "region"); ok && regions.CanIterateElements() {
		for it := regions.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if !ev.IsKnown() || ev.IsNull() {
				continue
			}
			bv, av := ev.GetAttr("bucket"), ev.GetAttr("bucket_account_id")
			if bv.IsKnown() && !bv.IsNull() && av.IsKnown() && !av.IsNull() {
				accountByName[bv.AsString()] = true
			}
		}
	}

	blocks := regionBlocks(inst)
	anyAccount := false
	var static, dynamic, unresolved []regionBlock
	for _, rb := range blocks {
		anyAccount = anyAccount || rb.hasAccount
		if rb.dynamic {
			dynamic = append(dynamic, rb)
		} else {
			static = append(static, rb)
		}
	}

	var out []MRAPBucket
	claimed := map[*config.Instance]bool{}
	add := func(b *config.Instance, rb *regionBlock) {
		if claimed[b] {
			return
		}
		claimed[b] = true
		mb := MRAPBucket{Bucket: b, Subject: inst.Resource.DeclRange, Block: inst.Resource.DeclRange}
		if rb != nil {
			mb.Subject, mb.Block = rb.subject(), rb.block.DefRange()
		} else if len(blocks) > 0 {
			mb.Subject, mb.Block = blocks[0].subject(), blocks[0].block.DefRange()
		}
		name, named := BucketName(b)
		switch {
		case named && accountByName[name]:
			mb.AccountSet, mb.AccountKnown = true, true
		case !anyAccount && len(blocks) > 0:
			mb.AccountSet, mb.AccountKnown = false, true
		case rb != nil && !rb.dynamic:
			mb.AccountSet, mb.AccountKnown = rb.hasAccount, true
		case rb != nil && !rb.hasAccount:
			mb.AccountSet, mb.AccountKnown = false, true
		}
		out = append(out, mb)
	}
	for i := range static {
		if t := static[i].target(linked, byName); t != nil {
			add(t, &static[i])
		} else {
			unresolved = append(unresolved, static[i])
		}
	}
	var rest []*config.Instance
	for _, b := range linked {
		if !claimed[b] {
			rest = append(rest, b)
		}
	}
	switch {
	case len(rest) == 0:
	case len(unresolved) == 1 && len(dynamic) == 0 && len(rest) == 1:
		// Every linked bucket is named by some region block; the one
		// left over can only come from the one unresolved block.
		add(rest[0], &unresolved[0])
	case len(unresolved) == 0 && len(dynamic) == 1:
		for _, b := range rest {
			add(b, &dynamic[0])
		}
	default:
		for _, b := range rest {
			add(b, nil)
		}
	}
	return out
}

// MRAPGrant is an endpoint policy that allows access to Multi-Region
// Access Points through an endpoint that cannot reach them (MRAP-011,
// VPCE-S3IF-011): a gateway endpoint, or an interface endpoint to a
// Regional service.
type MRAPGrant struct {
	Endpoint *config.Instance
	// Owner holds the policy: the endpoint, or an aws_vpc_endpoint_policy.
	Owner *config.Instance
	// What describes the endpoint: "a gateway endpoint to
	// com.amazonaws.us-east-1.s3".
	What string
	// MRAPs are the MRAP ARNs the policy's Allow statements name, sorted.
	MRAPs []string
}

// MisdirectedMRAPGrants returns the grants of MRAP access through
// endpoints that cannot reach MRAPs, by endpoint address, then policy
// owner. Interface endpoints to global service names are left alone: the
// MRAP endpoint (com.amazonaws.s3-global.accesspoint) is one of them.
// The rule aws_vpc_endpoint_mrap_unreachable reports each; explain notes
// them beside the MRAP paths of the endpoint's VPC.
func MisdirectedMRAPGrants(m *config.Model, services *schema.ServiceCatalog) []MRAPGrant {
	var out []MRAPGrant
	for _, e := range m.OfType(schema.TypeVPCEndpoint) {
		t, ok := EndpointType(e)
		if !ok {
			continue
		}
		what := ""
		switch name, svc, known := EndpointService(services, e); {
		case t == schema.EndpointGateway:
			what = "a gateway endpoint"
			if known {
				what += " to " + name.Raw
			}
		case t != schema.EndpointInterface || !known || name.Region == "":
			continue
		case svc != nil:
			what = fmt.Sprintf("an interface endpoint to %s (%s), a Regional service", name.Raw, svc.Title)
		default:
			what = fmt.Sprintf("an interface endpoint to %s, a Regional service", name.Raw)
		}
		for _, owner := range EndpointPolicyOwners(e) {
			doc, ok := ParsedPolicy(owner, "policy")
			if !ok {
				continue
			}
			if mraps := AllowedMRAPs(doc); len(mraps) > 0 {
				out = append(out, MRAPGrant{Endpoint: e, Owner: owner, What: what, MRAPs: mraps})
			}
		}
	}
	return out
}
