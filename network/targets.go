package network

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
)

// The kinds of TargetVerdict.
const (
	KindMRAP         = "multi-region access point"
	KindObjectLambda = "object lambda access point"
)

// Denied is the verdict on a target whose only endpoints on the path have
// policies that shut it out.
const Denied Verdict = "endpoint-policy-denies"

// TargetVerdict is whether and how requests from the subnets of a VPC, or
// from on-premises clients through a VPC's INBOUND Resolver endpoints,
// reach a Multi-Region Access Point or an Object Lambda access point.
type TargetVerdict struct {
	Target string `json:"target"`
	Kind   string `json:"kind"`
	// From is the VPC's address, or "on-premises (VPC)".
	From    string  `json:"from"`
	Verdict Verdict `json:"verdict"`
	Public  bool    `json:"public"`
	// Via lists where the requests leave the subnets: the interface
	// endpoints, or the NAT and internet gateways, sorted.
	Via   []string `json:"via,omitempty"`
	Notes []string `json:"notes,omitempty"`
}

// ObjectLambdaSupportingAccessPoint returns the supporting access point of
// an Object Lambda access point, or nil.
func ObjectLambdaSupportingAccessPoint(olap *config.Instance) *config.Instance {
	return olap.Link("configuration[0].supporting_access_point")
}

// objectLambdaService stands for S3 Object Lambda in path walks: the
// catalog has no endpoint service for it, so no endpoint matches it and
// requests follow the route tables.
var objectLambdaService = &schema.Service{Name: "s3-object-lambda", Title: "Amazon S3 Object Lambda"}

// targets returns the verdicts on every MRAP and Object Lambda access
// point, for every VPC with subnets and for on premises where a VPC has an
// INBOUND Resolver endpoint; sorted by target, then origin. It records
// the misdirected MRAP grants (MisdirectedMRAPGrants, the facts the rule
// aws_vpc_endpoint_mrap_unreachable reports) and the MRAP buckets that do
// not replicate to each other (ReplicationIndex, the rule
// aws_s3_mrap_replication_missing's facts) as problems.
func (e *explainer) targets() []TargetVerdict {
	var out []TargetVerdict
	grants := map[*config.Instance][]MRAPGrant{}
	for _, g := range MisdirectedMRAPGrants(e.m, e.services) {
		detail := fmt.Sprintf("the policy allows the Multi-Region Access Point %s, but %s (%s) cannot reach Multi-Region Access Points; only an interface endpoint to com.amazonaws.s3-global.accesspoint does", strings.Join(g.MRAPs, ", "), g.Endpoint.Addr, g.What)
		e.problem(g.Owner, detail)
		if vpc := VPCOf(g.Endpoint); vpc != nil {
			grants[vpc] = append(grants[vpc], g)
		}
	}
	mraps := UniqueInstances(e.m.OfType(schema.TypeS3ControlMultiRegionAccessPoint))
	var index *ReplicationIndex
	mrapSvc := e.services.Lookup("s3-global.accesspoint")
	for _, mrap := range mraps {
		buckets := MRAPBuckets(mrap)
		if len(buckets) >= 2 {
			if index == nil {
				index = NewReplicationIndex(e.m)
			}
			e.replicationProblems(mrap, buckets, index)
		}
		if mrapSvc == nil {
			continue
		}
		check := func(v *TargetVerdict) { e.mrapPolicies(v, mrap, buckets) }
		for _, vpc := range e.vpcs() {
			v, ok := e.fromVPC(mrap, KindMRAP, vpc, mrapSvc, check)
			if !ok {
				continue
			}
			for _, g := range grants[vpc] {
				v.Notes = append(v.Notes, fmt.Sprintf("%s allows Multi-Region Access Points in its policy, but %s cannot reach them", g.Endpoint.Addr, g.What))
			}
			out = append(out, v)
			if resolvers := e.resolvers.Endpoints(vpc); len(resolvers) > 0 {
				out = append(out, e.fromOnPrem(mrap, KindMRAP, vpc, resolvers, mrapSvc, check))
			}
		}
	}
	for _, olap := range UniqueInstances(e.m.OfType(schema.TypeS3ControlObjectLambdaAccessPoint)) {
		note := e.supportingNote(olap)
		check := func(v *TargetVerdict) {
			v.Notes = append(v.Notes, "vpcplan's endpoint catalog has no PrivateLink service for S3 Object Lambda, so requests follow the route table's default route")
			if note != "" {
				v.Notes = append(v.Notes, note)
			}
		}
		for _, vpc := range e.vpcs() {
			v, ok := e.fromVPC(olap, KindObjectLambda, vpc, objectLambdaService, check)
			if !ok {
				continue
			}
			out = append(out, v)
			if resolvers := e.resolvers.Endpoints(vpc); len(resolvers) > 0 {
				out = append(out, e.fromOnPrem(olap, KindObjectLambda, vpc, resolvers, objectLambdaService, check))
			}
		}
	}
	return out
}

// fromVPC walks the paths of the VPC's subnets to the target's service and
// sums them up: one verdict when they agree, Mixed when they differ. ok is
// false when the VPC has no subnets.
func (e *explainer) fromVPC(target *config.Instance, kind string, vpc *config.Instance, svc *schema.Service, check func(*TargetVerdict)) (TargetVerdict, bool) {
	subnets := Referrers(vpc, schema.TypeSubnet, "vpc_id")
	if len(subnets) == 0 {
		return TargetVerdict{}, false
	}
	v := TargetVerdict{Target: target.Addr.String(), Kind: kind, From: vpc.Addr.String()}
	count := map[Verdict]int{}
	via := map[string]bool{}
	noted := map[string]bool{}
	for _, s := range subnets {
		p := e.subnetPath(vpc, s, svc)
		count[p.Verdict]++
		if n := len(p.Hops); n > 0 && p.Verdict != NoPath && p.Verdict != Unknown {
			via[p.Hops[n-1].Addr] = true
		}
		for _, n := range p.Notes {
			if !noted[n] {
				noted[n] = true
				v.Notes = append(v.Notes, n)
			}
		}
	}
	if len(count) == 1 {
		for verdict := range count {
			v.Verdict = verdict
		}
	} else {
		v.Verdict = Mixed
		var parts []string
		for verdict, n := range count {
			parts = append(parts, fmt.Sprintf("%d %s", n, verdict))
		}
		sort.Strings(parts)
		v.Notes = append([]string{"the subnets take different paths: " + strings.Join(parts, ", ")}, v.Notes...)
	}
	for a := range via {
		v.Via = append(v.Via, a)
	}
	sort.Strings(v.Via)
	v.Public = v.Verdict.Public()
	check(&v)
	return v, true
}

// fromOnPrem is the verdict for on-premises clients whose DNS queries
// arrive through the VPC's INBOUND Resolver endpoints.
func (e *explainer) fromOnPrem(target *config.Instance, kind string, vpc *config.Instance, resolvers []*config.Instance, svc *schema.Service, check func(*TargetVerdict)) TargetVerdict {
	p := e.onPremPath(vpc, resolvers, svc)
	v := TargetVerdict{Target: target.Addr.String(), Kind: kind, From: "on-premises (" + vpc.Addr.String() + ")", Verdict: p.Verdict, Notes: p.Notes}
	if n := len(p.Hops); n > 0 {
		v.Via = []string{p.Hops[n-1].Addr}
	}
	check(&v)
	return v
}

// mrapPolicies checks the policies of the interface endpoints a verdict
// goes through (MRAP-011: an endpoint's policy must allow the MRAP and
// every one of its buckets) and turns the verdict into Denied when every
// one of them shuts the MRAP out. Conditions are taken to hold and Deny
// statements are ignored (policydoc.MayAllowAny), as for access points.
func (e *explainer) mrapPolicies(v *TargetVerdict, mrap *config.Instance, buckets []MRAPBucket) {
	if v.Verdict != ViaInterface && v.Verdict != ViaInterfaceNames {
		return
	}
	arn, arnKnown := str(mrap, "arn")
	var reasons []string
	for _, addr := range v.Via {
		ep := e.instanceAt(addr)
		if ep == nil {
			return
		}
		docs, restricted, known := EndpointPolicyDocs(e.m, ep)
		if !restricted || !known {
			return
		}
		var lacks []string
		if arnKnown && !policydoc.MayAllowAny(docs, S3Scope(arn, nil)) {
			lacks = append(lacks, "the Multi-Region Access Point")
		}
		for _, b := range buckets {
			if barn, ok := BucketARN(b.Bucket); ok && !policydoc.MayAllowAny(docs, S3Scope(barn, nil)) {
				lacks = append(lacks, b.Bucket.Addr.String())
			}
		}
		if len(lacks) == 0 {
			if !arnKnown {
				v.Notes = append(v.Notes, fmt.Sprintf("the policy of %s allows the buckets; whether it allows the Multi-Region Access Point is not known until apply gives its ARN", ep.Addr))
			}
			return
		}
		reasons = append(reasons, fmt.Sprintf("the policy of %s does not allow %s (MRAP-011: it must allow the Multi-Region Access Point and every bucket)", ep.Addr, strings.Join(lacks, ", ")))
	}
	if len(reasons) > 0 {
		v.Verdict = Denied
		v.Notes = append(v.Notes, reasons...)
	}
}

// instanceAt returns the VPC endpoint at the address of a path hop. The
// index is built once, in one pass over the endpoints.
func (e *explainer) instanceAt(addr string) *config.Instance {
	if e.endpointAt == nil {
		e.endpointAt = map[string]*config.Instance{}
		for _, ep := range e.m.OfType(schema.TypeVPCEndpoint) {
			e.endpointAt[ep.Addr.String()] = ep
		}
	}
	return e.endpointAt[addr]
}

// replicationProblems records, once per MRAP, the pairs of its buckets
// that the configuration provably does not replicate between.
func (e *explainer) replicationProblems(mrap *config.Instance, buckets []MRAPBucket, index *ReplicationIndex) {
	if index.Loose() {
		return
	}
	var pairs []string
	for i, a := range buckets {
		for j, b := range buckets {
			if i != j && index.Missing(a.Bucket, b.Bucket) {
				pairs = append(pairs, fmt.Sprintf("%s to %s", a.Bucket.Addr, b.Bucket.Addr))
			}
		}
	}
	if len(pairs) > 0 {
		e.problem(mrap, "no replication from "+strings.Join(pairs, ", ")+": a request routed to one bucket may not find an object written through another (MRAP-012)")
	}
}

// supportingNote describes the supporting access point of an Object
// Lambda access point when it is VPC-origin, with the verdict the access
// point rules read.
func (e *explainer) supportingNote(olap *config.Instance) string {
	ap := ObjectLambdaSupportingAccessPoint(olap)
	if ap == nil || AccessPointVPC(ap) == nil {
		return ""
	}
	for _, r := range e.accessPoints() {
		if r.AccessPoint == ap {
			return fmt.Sprintf("its supporting access point %s is VPC-origin (%s): %s", ap.Addr, r.VPC.Addr, r.Verdict)
		}
	}
	return fmt.Sprintf("its supporting access point %s is VPC-origin (%s)", ap.Addr, AccessPointVPC(ap).Addr)
}

// accessPoints returns the access point verdicts, computed once.
func (e *explainer) accessPoints() []AccessPointReachability {
	if e.apVerdicts == nil {
		e.apVerdicts = VPCOriginAccessPoints(e.m, e.services)
		if e.apVerdicts == nil {
			e.apVerdicts = []AccessPointReachability{}
		}
	}
	return e.apVerdicts
}
