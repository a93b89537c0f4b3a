package validate

import (
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
)

// The helpers in this file answer "may this policy let that request
// through at all?" for the access point and MRAP grant rules. They build
// on policydoc.Scope: a rule proves a policy shuts out a whole family of
// requests, never a single probe.

// s3Scope is every S3 action on an ARN and what lies beneath it, asked by
// principal (nil: not checked).
func s3Scope(arn string, principal *policydoc.RequestPrincipal) policydoc.Scope {
	return policydoc.Scope{ActionPrefix: "s3:", Resource: arn, Principal: principal}
}

// accountPrincipal is every principal of an account, as a bucket policy
// that grants an account or delegates to its access points names it.
func accountPrincipal(partition, account string) *policydoc.RequestPrincipal {
	return &policydoc.RequestPrincipal{Type: "AWS", ID: "arn:" + partition + ":iam::" + account + ":root", Account: account}
}

// bucketARN returns the ARN of a bucket instance: its known arn, or one
// built from its name and partition.
func bucketARN(b *config.Instance) (string, bool) {
	if arn, ok := str(b, "arn"); ok {
		return arn, true
	}
	name, ok := apBucketName(b)
	if !ok {
		return "", false
	}
	return s3BucketARN(partitionOf(b), name)
}

// s3BucketARN returns arn:PARTITION:s3:::NAME; ok is false when the
// partition is unknown.
func s3BucketARN(partition, name string) (string, bool) {
	if partition == "" {
		return "", false
	}
	return "arn:" + partition + ":s3:::" + name, true
}

// accessPointARN returns the ARN of an S3 access point instance: its known
// arn, or one built from its partition, Region, account and name.
func accessPointARN(ap *config.Instance) (string, bool) {
	if arn, ok := str(ap, "arn"); ok {
		return arn, true
	}
	name, ok := str(ap, "name")
	if !ok || partitionOf(ap) == "" || ap.Region == "" || ap.Account == "" {
		return "", false
	}
	return "arn:" + partitionOf(ap) + ":s3:" + ap.Region + ":" + ap.Account + ":accesspoint/" + name, true
}

// endpointPolicyDocs returns the policies that govern a VPC endpoint: its
// policy argument and any aws_vpc_endpoint_policy naming it. restricted is
// false when none is written, so the endpoint has AWS's default policy,
// which allows everything; known is false when a written policy cannot be
// read, or an aws_vpc_endpoint_policy block has an unknown count or
// for_each. An aws_vpc_endpoint_policy without a policy sets the default
// policy, so it leaves the endpoint unrestricted.
func endpointPolicyDocs(m *config.Model, e *config.Instance) (docs []*policydoc.Document, restricted, known bool) {
	known = !unexpanded(m, schema.TypeVPCEndpointPolicy)
	for i, owner := range endpointPolicyOwners(e) {
		if !configured(owner, "policy") {
			if i > 0 {
				return nil, false, true
			}
			continue
		}
		restricted = true
		if d, ok := parsedPolicy(owner, "policy"); ok {
			docs = append(docs, d)
		} else {
			known = false
		}
	}
	return docs, restricted, known
}
