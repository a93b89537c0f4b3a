package network

import (
	"fmt"
	"strings"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
)

// BucketName returns the known name of a bucket instance.
func BucketName(b *config.Instance) (string, bool) {
	if s, ok := str(b, "bucket"); ok {
		return s, true
	}
	return str(b, "id")
}

// AccessPointBucket returns the aws_s3_bucket an access point names, or
// nil.
func AccessPointBucket(ap *config.Instance) *config.Instance {
	b := ap.Link("bucket")
	if b == nil || b.Addr.Resource.Type != schema.TypeS3Bucket {
		return nil
	}
	return b
}

// AccessPointVPC returns the VPC of a VPC-origin access point, or nil (an
// Internet-origin access point, or a VPC the model cannot resolve).
func AccessPointVPC(ap *config.Instance) *config.Instance {
	return ap.Link("vpc_configuration[0].vpc_id")
}

// S3BucketARN returns arn:PARTITION:s3:::NAME; ok is false when the
// partition is unknown.
func S3BucketARN(partition, name string) (string, bool) {
	if partition == "" {
		return "", false
	}
	return "arn:" + partition + ":s3:::" + name, true
}

// BucketARN returns the ARN of a bucket instance: its known arn, or one
// built from its name and partition.
func BucketARN(b *config.Instance) (string, bool) {
	if arn, ok := str(b, "arn"); ok {
		return arn, true
	}
	name, ok := BucketName(b)
	if !ok {
		return "", false
	}
	return S3BucketARN(PartitionOf(b), name)
}

// AccessPointARN returns the ARN of an S3 access point instance: its known
// arn, or one built from its partition, Region, account and name.
func AccessPointARN(ap *config.Instance) (string, bool) {
	if arn, ok := str(ap, "arn"); ok {
		return arn, true
	}
	name, ok := str(ap, "name")
	if !ok || PartitionOf(ap) == "" || ap.Region == "" || ap.Account == "" {
		return "", false
	}
	return "arn:" + PartitionOf(ap) + ":s3:" + ap.Region + ":" + ap.Account + ":accesspoint/" + name, true
}

// AccessPointBucketARN returns the ARN of an access point's bucket: the
// linked bucket's, or one built from a literal bucket name.
func AccessPointBucketARN(ap *config.Instance) (string, bool) {
	if b := AccessPointBucket(ap); b != nil {
		return BucketARN(b)
	}
	if ap.Link("bucket") != nil {
		return "", false
	}
	name, ok := str(ap, "bucket")
	if !ok || strings.HasPrefix(name, "arn:") {
		return "", false
	}
	return S3BucketARN(PartitionOf(ap), name)
}

// S3Scope is the scope of any S3 action on an ARN, for policydoc.
func S3Scope(arn string, principal *policydoc.RequestPrincipal) policydoc.Scope {
	return policydoc.Scope{ActionPrefix: "s3:", Resource: arn, Principal: principal}
}

// EndpointPolicyDocs returns the policies that govern a VPC endpoint: its
// policy argument and any aws_vpc_endpoint_policy naming it. restricted is
// false when none is written, so the endpoint has AWS's default policy,
// which allows everything; known is false when a written policy cannot be
// read, or an aws_vpc_endpoint_policy block has an unknown count or
// for_each. An aws_vpc_endpoint_policy without a policy sets the default
// policy, so it leaves the endpoint unrestricted.
func EndpointPolicyDocs(m *config.Model, e *config.Instance) (docs []*policydoc.Document, restricted, known bool) {
	known = !Unexpanded(m, schema.TypeVPCEndpointPolicy)
	for i, owner := range EndpointPolicyOwners(e) {
		if !owner.Ranges("policy").Found {
			if i > 0 {
				return nil, false, true
			}
			continue
		}
		restricted = true
		if d, ok := ParsedPolicy(owner, "policy"); ok {
			docs = append(docs, d)
		} else {
			known = false
		}
	}
	return docs, restricted, known
}

// EndpointShutsOut reports whether an endpoint's written policies allow no
// S3 action on the access point or none on the bucket, and says which.
// Conditions are taken to hold and Deny statements are ignored
// (policydoc.MayAllowAny), so it never reports a policy that might let
// some request through.
func EndpointShutsOut(m *config.Model, e *config.Instance, apARN, bucketARN string) (string, bool) {
	docs, restricted, known := EndpointPolicyDocs(m, e)
	if !restricted || !known {
		return "", false
	}
	apOK := policydoc.MayAllowAny(docs, S3Scope(apARN, nil))
	bucketOK := policydoc.MayAllowAny(docs, S3Scope(bucketARN, nil))
	switch {
	case !apOK && !bucketOK:
		return fmt.Sprintf("%s allows neither the access point nor the bucket", e.Addr), true
	case !apOK:
		return fmt.Sprintf("%s does not allow the access point", e.Addr), true
	case !bucketOK:
		return fmt.Sprintf("%s does not allow the bucket", e.Addr), true
	}
	return "", false
}

// IsS3Endpoint reports whether an endpoint is a Regional S3 endpoint
// (gateway or interface, com.amazonaws.<region>.s3); known is false when
// its service name is unknown.
func IsS3Endpoint(services *schema.ServiceCatalog, e *config.Instance) (s3, known bool) {
	if _, ok := str(e, "service_name"); !ok {
		if e.Ranges("service_name").Found {
			return false, false
		}
		return false, true // a Resource or ServiceNetwork endpoint
	}
	name, _, ok := EndpointService(services, e)
	if !ok {
		return false, true
	}
	return !name.IsEndpointService() && name.Region != "" && name.Service == "s3", true
}

// S3EndpointIndex answers, per VPC, which S3 endpoints the configuration
// declares in it.
type S3EndpointIndex struct {
	byVPC map[*config.Instance][]*config.Instance
	// loose is true when some endpoint that may be an S3 endpoint has a VPC
	// the model cannot resolve, or endpoint instances are missing from the
	// model (a block with an unknown count or for_each): then no VPC can
	// be proven to lack one. uncertain marks the VPCs holding an endpoint
	// whose service is unknown.
	loose     bool
	uncertain map[*config.Instance]bool
}

// NewS3EndpointIndex indexes the S3 endpoints of the model.
func NewS3EndpointIndex(m *config.Model, services *schema.ServiceCatalog) *S3EndpointIndex {
	x := &S3EndpointIndex{
		byVPC:     map[*config.Instance][]*config.Instance{},
		uncertain: map[*config.Instance]bool{},
		loose:     Unexpanded(m, schema.TypeVPCEndpoint),
	}
	for _, e := range m.OfType(schema.TypeVPCEndpoint) {
		s3, known := IsS3Endpoint(services, e)
		vpc := VPCOf(e)
		switch {
		case vpc == nil && (s3 || !known):
			x.loose = true
		case vpc == nil:
		case !known:
			x.uncertain[vpc] = true
		case s3:
			x.byVPC[vpc] = append(x.byVPC[vpc], e)
		}
	}
	return x
}

// Endpoints returns the S3 endpoints of a VPC, sorted by address; ok is
// false when the model cannot tell. A VPC that is a data source may have
// endpoints outside the configuration, so it is never known.
func (x *S3EndpointIndex) Endpoints(vpc *config.Instance) ([]*config.Instance, bool) {
	if x.loose || x.uncertain[vpc] || vpc.Addr.Resource.Mode != schema.ManagedMode {
		return nil, false
	}
	return x.byVPC[vpc], true
}

// Reach is the verdict on whether requests from a VPC reach an access
// point.
type Reach string

// The verdicts of AccessPointReach.
const (
	// Reachable: the VPC has an S3 endpoint whose policy may let requests
	// through (or Internet origin: any network).
	Reachable Reach = "reachable"
	// NoEndpoint: the access point's VPC has no S3 endpoint
	// (aws_s3_access_point_vpc_unreachable).
	NoEndpoint Reach = "unreachable: no S3 endpoint in its VPC"
	// PolicyDenies: every S3 endpoint of the VPC has a policy shutting out
	// the access point or its bucket
	// (aws_s3_access_point_endpoint_policy_denies).
	PolicyDenies Reach = "unreachable: endpoint policies deny it"
	// ReachUnknown: the model cannot tell.
	ReachUnknown Reach = "unknown"
)

// AccessPointReachability is the verdict on one VPC-origin access point:
// its VPC, the S3 endpoints there, the verdict and its reasons.
type AccessPointReachability struct {
	AccessPoint *config.Instance
	VPC         *config.Instance
	Endpoints   []*config.Instance
	Verdict     Reach
	// Reasons says, for PolicyDenies, what each endpoint's policy lacks.
	Reasons []string
}

// VPCOriginAccessPoints returns the verdicts on the VPC-origin access
// points whose VPC's S3 endpoints the model can tell, in address order.
// Both access point rules of package validate read these verdicts.
func VPCOriginAccessPoints(m *config.Model, services *schema.ServiceCatalog) []AccessPointReachability {
	var index *S3EndpointIndex
	var out []AccessPointReachability
	for _, ap := range m.OfType(schema.TypeS3AccessPoint) {
		vpc := AccessPointVPC(ap)
		if vpc == nil {
			continue
		}
		if index == nil {
			index = NewS3EndpointIndex(m, services)
		}
		eps, ok := index.Endpoints(vpc)
		if !ok {
			continue
		}
		r := AccessPointReachability{AccessPoint: ap, VPC: vpc, Endpoints: eps, Verdict: ReachUnknown}
		switch {
		case len(eps) == 0:
			r.Verdict = NoEndpoint
		default:
			r.Verdict = Reachable
			apARN, okAP := AccessPointARN(ap)
			bucket, okBucket := AccessPointBucketARN(ap)
			if okAP && okBucket {
				var reasons []string
				all := true
				for _, e := range eps {
					reason, blocks := EndpointShutsOut(m, e, apARN, bucket)
					if !blocks {
						all = false
						break
					}
					reasons = append(reasons, reason)
				}
				if all {
					r.Verdict, r.Reasons = PolicyDenies, reasons
				}
			}
		}
		out = append(out, r)
	}
	return out
}
