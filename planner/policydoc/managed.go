package policydoc

import "strings"

// ManagedPolicy returns the document of a known AWS managed policy by ARN (any partition: arn:aws:, arn:aws-cn:,
// arn:aws-us-gov: iam::aws:policy/...), and false for others.
//
// The path is part of the ARN: AWSLambdaBasicExecutionRole and AmazonS3ObjectLambdaExecutionRolePolicy
// live under service-role/, the others at the root, and the ARN without the right path names no policy.
// The ARN is matched exactly (case-sensitively). Each call returns a fresh Document, so callers may keep
// or change it.
//
// Known policies and where their text comes from (the default version when recorded):
//
//	policy                                               | version | source
//	-----------------------------------------------------+---------+---------------------------------------------
//	service-role/AmazonS3ObjectLambdaExecutionRolePolicy | v1      | AWS Managed Policy Reference page
//	service-role/AWSLambdaBasicExecutionRole             | v1      | AWS Managed Policy Reference page
//	AmazonS3ReadOnlyAccess                               | v3      | AWS Managed Policy Reference page
//	AWSLambdaExecute                                     | v1      | AWS Managed Policy Reference page
//	AmazonS3FullAccess                                   | v2      | GetPolicyVersion output mirrored by zoph-io/MAMIP
//	AdministratorAccess                                  | v1      | GetPolicyVersion output mirrored by zoph-io/MAMIP
//
// The reference pages are docs.aws.amazon.com/aws-managed-policy/latest/reference/<name>.html. The AWS
// reference pages for AmazonS3FullAccess and AdministratorAccess were not found, so those two texts come
// from a mirror of the IAM API only.
//
// UNCONFIRMED: the texts are those of the aws partition. Policies whose resources are all "*" are the
// same everywhere; for AWSLambdaExecute, whose resources are ARNs, the aws-cn and aws-us-gov texts were
// not found, and the partition of those ARNs is assumed to be the ARN's own partition.
func ManagedPolicy(arn string) (*Document, bool) {
	partition, name, ok := parseManagedPolicyARN(arn)
	if !ok {
		return nil, false
	}
	switch name {
	case "service-role/AmazonS3ObjectLambdaExecutionRolePolicy":
		return allowAll(
			"logs:CreateLogGroup",
			"logs:CreateLogStream",
			"logs:PutLogEvents",
			"s3-object-lambda:WriteGetObjectResponse",
		), true
	case "service-role/AWSLambdaBasicExecutionRole":
		return allowAll(
			"logs:CreateLogGroup",
			"logs:CreateLogStream",
			"logs:PutLogEvents",
		), true
	case "AmazonS3FullAccess":
		return allowAll(
			"s3:*",
			"s3-object-lambda:*",
		), true
	case "AmazonS3ReadOnlyAccess":
		return allowAll(
			"s3:Get*",
			"s3:List*",
			"s3:Describe*",
			"s3-object-lambda:Get*",
			"s3-object-lambda:List*",
		), true
	case "AdministratorAccess":
		return &Document{Version: "2012-10-17", Statements: []Statement{{
			Effect:    "Allow",
			Actions:   []string{"*"},
			Resources: []string{"*"},
		}}}, true
	case "AWSLambdaExecute":
		return &Document{Version: "2012-10-17", Statements: []Statement{
			{
				Effect:    "Allow",
				Actions:   []string{"logs:*"},
				Resources: []string{"arn:" + partition + ":logs:*:*:*"},
			},
			{
				Effect:    "Allow",
				Actions:   []string{"s3:GetObject", "s3:PutObject"},
				Resources: []string{"arn:" + partition + ":s3:::*"},
			},
		}}, true
	}
	return nil, false
}

// allowAll returns a document of one statement allowing actions on every resource, the shape most AWS
// managed policies have.
func allowAll(actions ...string) *Document {
	return &Document{Version: "2012-10-17", Statements: []Statement{{
		Effect:    "Allow",
		Actions:   actions,
		Resources: []string{"*"},
	}}}
}

// parseManagedPolicyARN splits "arn:<partition>:iam::aws:policy/<path and name>". The partition must
// be "aws" or start with "aws-".
func parseManagedPolicyARN(arn string) (partition, name string, ok bool) {
	rest, ok := strings.CutPrefix(arn, "arn:")
	if !ok {
		return "", "", false
	}
	partition, rest, ok = strings.Cut(rest, ":")
	if !ok || (partition != "aws" && !strings.HasPrefix(partition, "aws-")) || len(partition) == len("aws-") {
		return "", "", false
	}
	name, ok = strings.CutPrefix(rest, "iam::aws:policy/")
	if !ok || name == "" {
		return "", "", false
	}
	return partition, name, true
}
