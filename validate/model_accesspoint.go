package validate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
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

// mrapBuckets returns the buckets of an MRAP the model resolves, with where
// each is written (network.MRAPBuckets).
func mrapBuckets(inst *config.Instance) []network.MRAPBucket { return network.MRAPBuckets(inst) }

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
