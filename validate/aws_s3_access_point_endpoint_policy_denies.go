package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
)

// awsS3AccessPointEndpointPolicyDenies: research S3AP-005. Requests to a
// VPC-origin access point come through an S3 endpoint of its VPC, and the
// endpoint policy must allow both the access point and its bucket. The
// rule fires when every S3 endpoint of the VPC has a written policy that
// allows no S3 action on one of the two (policydoc.Scope: conditions taken
// to hold, Deny statements ignored), so it never fires on a policy that
// might let some request through.
var awsS3AccessPointEndpointPolicyDenies = &Rule{
	ID:       "aws_s3_access_point_endpoint_policy_denies",
	Summary:  "Every S3 endpoint of a VPC-origin access point's VPC has a policy that shuts out the access point or its bucket",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		forVPCOriginAccessPoints(in, func(inst, vpc *config.Instance, eps []*config.Instance) {
			apARN, okAP := accessPointARN(inst)
			bucket, okBucket := accessPointBucketARN(inst)
			if len(eps) == 0 || !okAP || !okBucket {
				return
			}
			var reasons []string
			for _, e := range eps {
				reason, blocks := endpointShutsOut(in.Model, e, apARN, bucket)
				if !blocks {
					return
				}
				reasons = append(reasons, reason)
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "VPC endpoint policies shut out the access point",
				Detail: fmt.Sprintf("%s accepts requests only from %s, and every S3 endpoint there has a policy that lets none of them through: %s. A request through a VPC endpoint to an access point must be allowed by the endpoint policy for both the access point ARN and the bucket ARN. Add a statement allowing the needed s3: actions on %s (and %s/object/*) and on %s (and %s/*) to one of the endpoints' policies.",
					inst.Addr, vpc.Addr, strings.Join(reasons, "; "), apARN, apARN, bucket, bucket),
				Subject: inst.Ranges("vpc_configuration[0].vpc_id").Expr.Ptr(),
			})
		})
		return diags
	},
}

// accessPointBucketARN returns the ARN of an access point's bucket: the
// linked bucket's, or one built from a literal bucket name.
func accessPointBucketARN(ap *config.Instance) (string, bool) {
	return network.AccessPointBucketARN(ap)
}

// endpointShutsOut reports whether an endpoint's written policies allow no
// S3 action on the access point or none on the bucket, and says which.
func endpointShutsOut(m *config.Model, e *config.Instance, apARN, bucketARN string) (string, bool) {
	return network.EndpointShutsOut(m, e, apARN, bucketARN)
}
