package validate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// The helpers in this file answer the questions of the S3 access point and
// Multi-Region Access Point rules. Like model.go's, they return only what
// the model proves.

// apNameRules are the naming rules of one kind of S3 access point, as data:
// the research id they come from, the length bounds, and the reserved
// suffixes. Every kind allows only lowercase letters, digits and hyphens,
// with no hyphen first or last.
type apNameRules struct {
	source           string
	min, max         int
	reservedSuffixes []string
}

// accessPointNameRules: research S3AP-001 ([S3-AP-RULES]). The newest copy
// of the page also reserves -ext-s3alias.
var accessPointNameRules = apNameRules{
	source: "S3AP-001",
	min:    3, max: 50,
	reservedSuffixes: []string{"-ext-s3alias", "-s3alias"},
}

// mrapNameRules: research MRAP-001 ([S3-MRAP-LIM]; the provider's
// validateS3MultiRegionAccessPointName checks the same).
var mrapNameRules = apNameRules{
	source: "MRAP-001",
	min:    3, max: 50,
}

// problem returns why name breaks the rules, as a clause for a detail
// ("it is 2 characters long"), or "" when it follows them.
func (r apNameRules) problem(name string) string {
	if n := len(name); n < r.min || n > r.max {
		return fmt.Sprintf("it is %d characters long, but must be %d to %d", n, r.min, r.max)
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return fmt.Sprintf("it contains %q, but only lowercase letters, digits and hyphens are allowed", c)
		}
	}
	if strings.HasPrefix(name, "-") {
		return "it starts with a hyphen"
	}
	if strings.HasSuffix(name, "-") {
		return "it ends with a hyphen"
	}
	for _, s := range r.reservedSuffixes {
		if strings.HasSuffix(name, s) {
			return fmt.Sprintf("it ends with %q, a suffix reserved for access point aliases", s)
		}
	}
	return ""
}

// mrapRegions are the Regions Multi-Region Access Points support: research
// MRAP-003 ([S3-MRAP-LIM], [S3-MRAP-OPTIN]). The value is true for opt-in
// Regions, which must be enabled in every account involved.
var mrapRegions = map[string]bool{
	// The 17 default Regions.
	"us-east-1": false, "us-east-2": false, "us-west-1": false, "us-west-2": false,
	"ap-south-1": false, "ap-northeast-1": false, "ap-northeast-2": false, "ap-northeast-3": false,
	"ap-southeast-1": false, "ap-southeast-2": false, "ca-central-1": false,
	"eu-central-1": false, "eu-west-1": false, "eu-west-2": false, "eu-west-3": false, "eu-north-1": false,
	"sa-east-1": false,
	// Opt-in Regions.
	"af-south-1": true, "ap-east-1": true, "ap-southeast-3": true, "ap-southeast-4": true, "ap-south-2": true,
	"ca-west-1": true, "eu-central-2": true, "eu-south-1": true, "eu-south-2": true, "il-central-1": true,
	"me-south-1": true, "me-central-1": true,
}

// Quotas of S3 access points, with their research ids.
const (
	// accessPointQuota is per account and Region: research S3AP-008
	// (adjustable; older documentation said 1,000).
	accessPointQuota = 10000
	// mrapQuota is per account: research MRAP-002.
	mrapQuota = 100
	// mrapMaxRegions and mrapMinRegions bound the buckets of one MRAP:
	// research MRAP-002.
	mrapMinRegions, mrapMaxRegions = 1, 20
)

// apBucketName returns the known name of a bucket instance.
func apBucketName(b *config.Instance) (string, bool) { return network.BucketName(b) }

// accessPointBucket returns the bucket an access point names, or nil.
func accessPointBucket(ap *config.Instance) *config.Instance { return network.AccessPointBucket(ap) }

// accessPointVPC returns the VPC of a VPC-origin access point, or nil (an
// Internet-origin access point, or a VPC the model cannot resolve).
func accessPointVPC(ap *config.Instance) *config.Instance { return network.AccessPointVPC(ap) }

// apIsS3Endpoint reports whether an endpoint is a Regional S3 endpoint
// (gateway or interface, com.amazonaws.<region>.s3); known is false when
// its service name is unknown.
func apIsS3Endpoint(in *Input, e *config.Instance) (s3, known bool) {
	return network.IsS3Endpoint(in.Services, e)
}

// mrapBucket is one bucket of a Multi-Region Access Point: the bucket
// instance and where its region block is written.
type mrapBucket struct {
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

// mrapRegionBlock is one region block of an MRAP as written.
type mrapRegionBlock struct {
	block      *hclsyntax.Block
	body       *hclsyntax.Body // the content body for a dynamic block
	dynamic    bool
	hasAccount bool
}

// mrapRegionBlocks returns the region blocks written in an MRAP's details
// blocks, static and dynamic, in source order.
func mrapRegionBlocks(inst *config.Instance) []mrapRegionBlock {
	var out []mrapRegionBlock
	if inst.Resource.Syntax == nil {
		return nil
	}
	var walkDetails func(body *hclsyntax.Body)
	walkDetails = func(body *hclsyntax.Body) {
		for _, b := range body.Blocks {
			switch {
			case b.Type == "region":
				_, has := b.Body.Attributes["bucket_account_id"]
				out = append(out, mrapRegionBlock{block: b, body: b.Body, hasAccount: has})
			case b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == "region":
				for _, c := range b.Body.Blocks {
					if c.Type == "content" {
						_, has := c.Body.Attributes["bucket_account_id"]
						out = append(out, mrapRegionBlock{block: b, body: c.Body, dynamic: true, hasAccount: has})
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
func (rb mrapRegionBlock) subject() hcl.Range {
	if a, ok := rb.body.Attributes["bucket"]; ok {
		return a.Expr.Range()
	}
	return rb.block.DefRange()
}

// target returns the bucket a static region block names, among the
// buckets the instance links: a literal name, or a reference to one
// aws_s3_bucket block of which the instance links exactly one instance
// (with count or for_each, the index narrows it when it is a literal).
func (rb mrapRegionBlock) target(linked []*config.Instance, byName map[string]*config.Instance) *config.Instance {
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

// mrapBuckets returns the buckets of an MRAP that the model resolves, in
// the order of their region blocks, each with where it is written and
// whether bucket_account_id is given for it. Buckets outside the
// configuration, or named by unknown values that no link resolves, are
// left out.
func mrapBuckets(inst *config.Instance) []mrapBucket {
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
		if n, ok := apBucketName(b); ok {
			byName[n] = b
		}
	}
	// The value's elements: bucket name -> bucket_account_id given.
	accountByName := map[string]bool{}
	if regions, ok := nested(inst, "details", 0, "region"); ok && regions.CanIterateElements() {
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

	blocks := mrapRegionBlocks(inst)
	anyAccount := false
	var static, dynamic, unresolved []mrapRegionBlock
	for _, rb := range blocks {
		anyAccount = anyAccount || rb.hasAccount
		if rb.dynamic {
			dynamic = append(dynamic, rb)
		} else {
			static = append(static, rb)
		}
	}

	var out []mrapBucket
	claimed := map[*config.Instance]bool{}
	add := func(b *config.Instance, rb *mrapRegionBlock) {
		if claimed[b] {
			return
		}
		claimed[b] = true
		mb := mrapBucket{Bucket: b, Subject: inst.Resource.DeclRange, Block: inst.Resource.DeclRange}
		if rb != nil {
			mb.Subject, mb.Block = rb.subject(), rb.block.DefRange()
		} else if len(blocks) > 0 {
			mb.Subject, mb.Block = blocks[0].subject(), blocks[0].block.DefRange()
		}
		name, named := apBucketName(b)
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

// apAccountRegion indexes by account and Region.
type apAccountRegion struct{ account, region string }

// mrapRegionLists returns the Regions Multi-Region Access Points support,
// sorted: the default ones and the opt-in ones (see mrapRegions).
func mrapRegionLists() (defaults, optIn []string) {
	for r, opt := range mrapRegions {
		if opt {
			optIn = append(optIn, r)
		} else {
			defaults = append(defaults, r)
		}
	}
	sort.Strings(defaults)
	sort.Strings(optIn)
	return defaults, optIn
}

// mrapSeen reports diagnostics once per place and bucket: the instances of
// one MRAP block share its region blocks, so the same mistake is reported
// once, as the loader does.
type mrapSeen map[mrapSeenKey]bool

type mrapSeenKey struct {
	rng    hcl.Range
	bucket *config.Instance
	extra  string
}

// first reports whether the key is new, and records it.
func (s mrapSeen) first(rng hcl.Range, bucket *config.Instance, extra string) bool {
	k := mrapSeenKey{rng, bucket, extra}
	if s[k] {
		return false
	}
	s[k] = true
	return true
}

// mrapReplicationEdge is one direction of replication between two buckets.
type mrapReplicationEdge struct{ from, to *config.Instance }

// mrapReplicationIndex answers which buckets the configuration replicates
// to which (through aws_s3_bucket_replication_configuration), built in one
// pass over the replication configurations. It proves a direction missing
// only when no configuration could supply it.
type mrapReplicationIndex struct {
	// enabled holds the directions of enabled rules; maybe those of rules
	// whose status is unknown.
	enabled, maybe map[mrapReplicationEdge]bool
	// loose is true when some replication configuration's source bucket is
	// unknown, or a replication configuration block has an unknown count or
	// for_each: then no direction can be proven missing.
	loose bool
	// uncertain sources have a rule whose destination is unknown, or rules
	// the model cannot read.
	uncertain map[*config.Instance]bool
	// outside holds the names of buckets that replication configurations
	// name but the model does not resolve: buckets outside the
	// configuration, or references it cannot tell apart.
	outside map[string]bool
}

func newMRAPReplicationIndex(in *Input) *mrapReplicationIndex {
	x := &mrapReplicationIndex{
		enabled:   map[mrapReplicationEdge]bool{},
		maybe:     map[mrapReplicationEdge]bool{},
		uncertain: map[*config.Instance]bool{},
		outside:   map[string]bool{},
	}
	x.loose = unexpanded(in.Model, schema.TypeS3BucketReplicationConfiguration)
	for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
		src := rc.Link("bucket")
		if src == nil {
			if name, ok := str(rc, "bucket"); ok {
				x.outside[name] = true
			} else {
				x.loose = true
			}
			continue
		}
		rules := rc.Attr("rule")
		if rules == cty.NilVal || !rules.IsKnown() || rules.IsNull() || !rules.CanIterateElements() {
			x.uncertain[src] = true
			continue
		}
		i := 0
		for it := rules.ElementIterator(); it.Next(); i++ {
			_, rv := it.Element()
			if !rv.IsKnown() || rv.IsNull() {
				x.uncertain[src] = true
				continue
			}
			r := replicationRule{rc: rc, index: i, value: rv}
			dst := rc.Link(r.path("destination[0].bucket"))
			if dst == nil {
				if arn := r.getString("destination", 0, "bucket"); arn != "" {
					x.outside[bucketNameFromARN(arn)] = true
				} else {
					x.uncertain[src] = true
				}
				continue
			}
			e := mrapReplicationEdge{src, dst}
			switch r.getString("status") {
			case "Enabled":
				x.enabled[e] = true
			case "":
				x.maybe[e] = true
			}
		}
	}
	return x
}

// bucketNameFromARN returns the bucket name of arn:<partition>:s3:::<name>,
// or the string itself when it is not such an ARN.
func bucketNameFromARN(s string) string {
	if strings.HasPrefix(s, "arn:") {
		if i := strings.Index(s, ":::"); i >= 0 {
			return s[i+3:]
		}
	}
	return s
}

// knownBucket reports whether the index can tell replication to or from
// the bucket apart from the configurations it cannot resolve: the bucket
// has a known name that no unresolved configuration names, or there is no
// unresolved configuration at all.
func (x *mrapReplicationIndex) knownBucket(b *config.Instance) bool {
	name, ok := apBucketName(b)
	if !ok {
		return len(x.outside) == 0
	}
	return !x.outside[name]
}

// knownSource reports whether every replication from the bucket is in the
// index: the bucket is declared (not a data source), has no inline
// replication_configuration, and no rule of its configurations has an
// unknown destination.
func (x *mrapReplicationIndex) knownSource(b *config.Instance) bool {
	if x.loose || b.Addr.Resource.Mode != schema.ManagedMode || x.uncertain[b] || !x.knownBucket(b) {
		return false
	}
	inline := b.Attr("replication_configuration")
	return inline == cty.NilVal || inline.IsKnown() && (inline.IsNull() || inline.LengthInt() == 0)
}

// missing reports whether the configuration provably does not replicate
// from one bucket to the other.
func (x *mrapReplicationIndex) missing(from, to *config.Instance) bool {
	e := mrapReplicationEdge{from, to}
	return x.knownSource(from) && x.knownBucket(to) && !x.enabled[e] && !x.maybe[e]
}

// forVPCOriginAccessPoints calls f for every VPC-origin access point whose
// VPC's S3 endpoints the model can tell (network.VPCOriginAccessPoints), with
// those endpoints, possibly none.
func forVPCOriginAccessPoints(in *Input, f func(ap, vpc *config.Instance, endpoints []*config.Instance)) {
	for _, r := range network.VPCOriginAccessPoints(in.Model, in.Services) {
		f(r.AccessPoint, r.VPC, r.Endpoints)
	}
}

// overQuota counts the instances by key, leaving out those whose key is
// unknown, and returns for each key that passes quota its first instance
// over it, in the order they pass, with the counts.
func overQuota[K comparable](insts []*config.Instance, quota int, key func(*config.Instance) (K, bool)) ([]*config.Instance, map[K]int) {
	count := map[K]int{}
	var over []*config.Instance
	for _, inst := range insts {
		k, ok := key(inst)
		if !ok {
			continue
		}
		count[k]++
		if count[k] == quota+1 {
			over = append(over, inst)
		}
	}
	return over, count
}
