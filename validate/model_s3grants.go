package validate

import (
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/policydoc"
)

// The helpers in this file answer "may this policy let that request
// through at all?" for the access point and MRAP grant rules. They build
// on policydoc.Scope: a rule proves a policy shuts out a whole family of
// requests, never a single probe.

// s3Scope is every S3 action on an ARN and what lies beneath it, asked by
// principal (nil: not checked).
func s3Scope(arn string, principal *policydoc.RequestPrincipal) policydoc.Scope {
	return network.S3Scope(arn, principal)
}

// accountPrincipal is every principal of an account, as a bucket policy
// that grants an account or delegates to its access points names it.
func accountPrincipal(partition, account string) *policydoc.RequestPrincipal {
	return &policydoc.RequestPrincipal{Type: "AWS", ID: "arn:" + partition + ":iam::" + account + ":root", Account: account}
}

// bucketARN returns the ARN of a bucket instance: its known arn, or one
// built from its name and partition.
func bucketARN(b *config.Instance) (string, bool) { return network.BucketARN(b) }

// s3BucketARN returns arn:PARTITION:s3:::NAME; ok is false when the
// partition is unknown.
func s3BucketARN(partition, name string) (string, bool) { return network.S3BucketARN(partition, name) }

// accessPointARN returns the ARN of an S3 access point instance: its known
// arn, or one built from its partition, Region, account and name.
func accessPointARN(ap *config.Instance) (string, bool) { return network.AccessPointARN(ap) }

// endpointPolicyDocs returns the policies that govern a VPC endpoint: its
// policy argument and any aws_vpc_endpoint_policy naming it. restricted is
// false when none is written, so the endpoint has AWS's default policy,
// which allows everything; known is false when a written policy cannot be
// read, or an aws_vpc_endpoint_policy block has an unknown count or
// for_each. An aws_vpc_endpoint_policy without a policy sets the default
// policy, so it leaves the endpoint unrestricted.
func endpointPolicyDocs(m *config.Model, e *config.Instance) (docs []*policydoc.Document, restricted, known bool) {
	return network.EndpointPolicyDocs(m, e)
}
