package policydoc

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestManagedPolicy(t *testing.T) {
	objectLambda := &Document{Version: "2012-10-17", Statements: []Statement{{
		Effect: "Allow",
		Actions: []string{
			"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
			"s3-object-lambda:WriteGetObjectResponse",
		},
		Resources: []string{"*"},
	}}}
	lambdaExecute := func(partition string) *Document {
		return &Document{Version: "2012-10-17", Statements: []Statement{
			{Effect: "Allow", Actions: []string{"logs:*"}, Resources: []string{"arn:" + partition + ":logs:*:*:*"}},
			{Effect: "Allow", Actions: []string{"s3:GetObject", "s3:PutObject"}, Resources: []string{"arn:" + partition + ":s3:::*"}},
		}}
	}
	tests := map[string]struct {
		arn  string
		want *Document // nil: not known
	}{
		"AmazonS3ObjectLambdaExecutionRolePolicy": {
			arn:  "arn:aws:iam::aws:policy/service-role/AmazonS3ObjectLambdaExecutionRolePolicy",
			want: objectLambda,
		},
		"AmazonS3ObjectLambdaExecutionRolePolicy in aws-cn": {
			arn:  "arn:aws-cn:iam::aws:policy/service-role/AmazonS3ObjectLambdaExecutionRolePolicy",
			want: objectLambda,
		},
		"AmazonS3ObjectLambdaExecutionRolePolicy in aws-us-gov": {
			arn:  "arn:aws-us-gov:iam::aws:policy/service-role/AmazonS3ObjectLambdaExecutionRolePolicy",
			want: objectLambda,
		},
		"AWSLambdaBasicExecutionRole": {
			arn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
			want: &Document{Version: "2012-10-17", Statements: []Statement{{
				Effect:    "Allow",
				Actions:   []string{"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"},
				Resources: []string{"*"},
			}}},
		},
		"AmazonS3FullAccess": {
			arn: "arn:aws:iam::aws:policy/AmazonS3FullAccess",
			want: &Document{Version: "2012-10-17", Statements: []Statement{{
				Effect: "Allow", Actions: []string{"s3:*", "s3-object-lambda:*"}, Resources: []string{"*"},
			}}},
		},
		"AmazonS3ReadOnlyAccess": {
			arn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
			want: &Document{Version: "2012-10-17", Statements: []Statement{{
				Effect:    "Allow",
				Actions:   []string{"s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"},
				Resources: []string{"*"},
			}}},
		},
		"AdministratorAccess": {
			arn: "arn:aws:iam::aws:policy/AdministratorAccess",
			want: &Document{Version: "2012-10-17", Statements: []Statement{{
				Effect: "Allow", Actions: []string{"*"}, Resources: []string{"*"},
			}}},
		},
		"AWSLambdaExecute": {
			arn:  "arn:aws:iam::aws:policy/AWSLambdaExecute",
			want: lambdaExecute("aws"),
		},
		"AWSLambdaExecute in aws-cn": {
			arn:  "arn:aws-cn:iam::aws:policy/AWSLambdaExecute",
			want: lambdaExecute("aws-cn"),
		},
		"AWSLambdaExecute in aws-us-gov": {
			arn:  "arn:aws-us-gov:iam::aws:policy/AWSLambdaExecute",
			want: lambdaExecute("aws-us-gov"),
		},
		"service-role policy without its path":     {arn: "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"},
		"root policy under service-role":           {arn: "arn:aws:iam::aws:policy/service-role/AmazonS3FullAccess"},
		"unknown managed policy":                   {arn: "arn:aws:iam::aws:policy/ReadOnlyAccess"},
		"name in another case":                     {arn: "arn:aws:iam::aws:policy/amazons3fullaccess"},
		"customer managed policy of the same name": {arn: "arn:aws:iam::111111111111:policy/AmazonS3FullAccess"},
		"no name":                {arn: "arn:aws:iam::aws:policy/"},
		"not an ARN":             {arn: "AmazonS3FullAccess"},
		"unknown partition":      {arn: "arn:azure:iam::aws:policy/AmazonS3FullAccess"},
		"empty partition suffix": {arn: "arn:aws-:iam::aws:policy/AmazonS3FullAccess"},
		"empty":                  {arn: ""},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, ok := ManagedPolicy(tt.arn)
			if ok != (tt.want != nil) {
				t.Fatalf("ManagedPolicy(%q) ok = %v, want %v", tt.arn, ok, tt.want != nil)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ManagedPolicy(%q) mismatch (-want +got):\n%s", tt.arn, diff)
			}
		})
	}
}

func TestManagedPolicyGrants(t *testing.T) {
	const (
		objectLambda = "arn:aws:iam::aws:policy/service-role/AmazonS3ObjectLambdaExecutionRolePolicy"
		basic        = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
		full         = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
		readOnly     = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
		admin        = "arn:aws:iam::aws:policy/AdministratorAccess"
		execute      = "arn:aws:iam::aws:policy/AWSLambdaExecute"
		executeCN    = "arn:aws-cn:iam::aws:policy/AWSLambdaExecute"
	)
	wgor := Request{Action: "s3-object-lambda:WriteGetObjectResponse", Resource: "arn:aws:s3-object-lambda:us-east-1:111111111111:accesspoint/olap"}
	tests := map[string]struct {
		arn  string
		req  Request
		want bool
	}{
		"object lambda policy grants WriteGetObjectResponse":    {objectLambda, wgor, true},
		"object lambda policy without a resource":               {objectLambda, Request{Action: "s3-object-lambda:WriteGetObjectResponse"}, true},
		"object lambda policy grants logs":                      {objectLambda, Request{Action: "logs:PutLogEvents", Resource: "arn:aws:logs:us-east-1:111111111111:log-group:g"}, true},
		"object lambda policy does not grant GetObject":         {objectLambda, Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"}, false},
		"basic execution does not grant WriteGetObjectResponse": {basic, wgor, false},
		"basic execution grants logs":                           {basic, Request{Action: "logs:CreateLogStream"}, true},
		"full access grants WriteGetObjectResponse":             {full, wgor, true},
		"full access grants ReplicateObject":                    {full, Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k"}, true},
		"full access does not grant kms":                        {full, Request{Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:111111111111:key/k"}, false},
		"read only grants GetObjectVersionForReplication":       {readOnly, Request{Action: "s3:GetObjectVersionForReplication", Resource: "arn:aws:s3:::source/k"}, true},
		"read only grants ListBucket":                           {readOnly, Request{Action: "s3:ListBucket", Resource: "arn:aws:s3:::source"}, true},
		"read only does not grant ReplicateObject":              {readOnly, Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k"}, false},
		"read only does not grant WriteGetObjectResponse":       {readOnly, wgor, false},
		"admin grants anything":                                 {admin, Request{Action: "kms:Encrypt", Resource: "arn:aws:kms:us-east-1:111111111111:key/k"}, true},
		"admin grants WriteGetObjectResponse":                   {admin, wgor, true},
		"lambda execute grants GetObject":                       {execute, Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"}, true},
		"lambda execute does not grant ListBucket":              {execute, Request{Action: "s3:ListBucket", Resource: "arn:aws:s3:::b"}, false},
		"lambda execute grants logs on log ARNs":                {execute, Request{Action: "logs:DeleteLogGroup", Resource: "arn:aws:logs:us-east-1:111111111111:log-group:g"}, true},
		"lambda execute in aws-cn grants aws-cn objects":        {executeCN, Request{Action: "s3:PutObject", Resource: "arn:aws-cn:s3:::b/k"}, true},
		"lambda execute in aws-cn does not grant aws objects":   {executeCN, Request{Action: "s3:PutObject", Resource: "arn:aws:s3:::b/k"}, false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			d, ok := ManagedPolicy(tt.arn)
			if !ok {
				t.Fatalf("ManagedPolicy(%q) is not known", tt.arn)
			}
			if got := d.Grants(tt.req); got != tt.want {
				t.Errorf("%s Grants(%+v) = %v, want %v", tt.arn, tt.req, got, tt.want)
			}
		})
	}
}

func TestManagedPolicyFresh(t *testing.T) {
	const arn = "arn:aws:iam::aws:policy/service-role/AmazonS3ObjectLambdaExecutionRolePolicy"
	first, _ := ManagedPolicy(arn)
	first.Statements[0].Actions[3] = "s3:Nothing"
	first.Statements = append(first.Statements, Statement{Effect: "Deny", Actions: []string{"*"}})
	second, _ := ManagedPolicy(arn)
	req := Request{Action: "s3-object-lambda:WriteGetObjectResponse"}
	if got := second.Evaluate(req); got != Allowed {
		t.Errorf("after changing an earlier result: Evaluate(%+v) = %v, want %v", req, got, Allowed)
	}
}
