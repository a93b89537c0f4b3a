package planner

import (
	"fmt"
	"strings"

	"github.com/vpcplan/vpcplan/schema"
)

// idPrefixes are the prefixes of the EC2-style ids AWS gives each type:
// the prefix and 17 hex digits.
var idPrefixes = map[schema.TypeName]string{
	schema.TypeVPC:                         "vpc-",
	schema.TypeSubnet:                      "subnet-",
	schema.TypeRouteTable:                  "rtb-",
	schema.TypeInternetGateway:             "igw-",
	schema.TypeNATGateway:                  "nat-",
	schema.TypeSecurityGroup:               "sg-",
	schema.TypeVPCSecurityGroupIngressRule: "sgr-",
	schema.TypeVPCSecurityGroupEgressRule:  "sgr-",
	schema.TypeVPCEndpoint:                 "vpce-",
	schema.TypeVPCEndpointService:          "vpce-svc-",
	schema.TypeVPCIPv4CIDRBlockAssociation: "vpc-cidr-assoc-",
	schema.TypeRouteTableAssociation:       "rtbassoc-",
	schema.TypeMainRouteTableAssociation:   "rtbassoc-",
}

// arn builds an ARN in the instance's partition.
func (f *filler) arn(service, region, account, resource string) string {
	return fmt.Sprintf("arn:%s:%s:%s:%s:%s", f.part(), service, region, account, resource)
}

// resourceID is the id the provider records for a new object of type t:
// AWS's id, or the provider's composite of the arguments.
func (o *object) resourceID(t schema.TypeName) string {
	f := o.f
	switch t {
	case schema.TypeS3Bucket:
		return o.str("bucket")
	case schema.TypeS3BucketPolicy, schema.TypeS3BucketOwnershipControls, schema.TypeS3BucketPublicAccessBlock,
		schema.TypeS3BucketReplicationConfiguration:
		return o.str("bucket")
	case schema.TypeS3BucketVersioning, schema.TypeS3BucketObjectLockConfiguration, schema.TypeS3BucketSSEConfiguration:
		// The provider's CreateResourceID: the bucket, and the expected
		// owner after a comma when the configuration gives one.
		if owner := o.str("expected_bucket_owner"); owner != "" {
			return o.str("bucket") + "," + owner
		}
		return o.str("bucket")
	case schema.TypeS3AccessPoint, schema.TypeS3ControlObjectLambdaAccessPoint, schema.TypeS3ControlObjectLambdaAccessPointPolicy:
		return f.or(o.str("account_id"), f.account) + ":" + o.str("name")
	case schema.TypeS3ControlMultiRegionAccessPoint, schema.TypeS3ControlMultiRegionAccessPointPolicy:
		return f.or(o.str("account_id"), f.account) + ":" + o.nestedStr("details", "name")
	case schema.TypeS3ControlAccessPointPolicy:
		// The account and name of the access point the ARN names.
		return accessPointIDFromARN(o.str("access_point_arn"), f.account)
	case schema.TypeIAMRole:
		return o.str("name")
	case schema.TypeLambdaFunction:
		return o.str("function_name")
	case schema.TypeIAMPolicy:
		return f.arn("iam", "", f.account, "policy"+f.or(o.str("path"), "/")+o.str("name"))
	case schema.TypeIAMRolePolicy:
		return o.str("role") + ":" + o.str("name")
	case schema.TypeIAMRolePolicyAttachment:
		return o.str("role") + "-" + f.digits("id", uniqueIDLength)
	case schema.TypeKMSKey:
		return uuid(f.hex("key", 32))
	case schema.TypeLambdaPermission:
		return o.str("statement_id")
	case schema.TypeRoute:
		dest := o.str("destination_cidr_block")
		if dest == "" {
			dest = o.str("destination_ipv6_cidr_block")
		}
		if dest == "" {
			dest = o.str("destination_prefix_list_id")
		}
		return "r-" + o.str("route_table_id") + stringHashcode(dest)
	case schema.TypeSecurityGroupRule:
		return "sgrule-" + stringHashcode(f.hex("id", 32))
	case schema.TypeRoute53ResolverEndpoint:
		if o.str("direction") == "INBOUND" {
			return f.awsID("rslvr-in-", "id")
		}
		return f.awsID("rslvr-out-", "id")
	case schema.TypeLB:
		return f.arn("elasticloadbalancing", f.reg(), f.account,
			"loadbalancer/"+lbKind(o.str("load_balancer_type"))+o.str("name")+"/"+f.hex("lb", 16))
	case schema.TypeVPCEndpointPolicy, schema.TypeVPCEndpointPrivateDNS:
		return o.str("vpc_endpoint_id")
	case schema.TypeVPCEndpointRouteTableAssoc:
		return "a-" + o.str("vpc_endpoint_id") + stringHashcode(o.str("route_table_id"))
	case schema.TypeVPCEndpointSubnetAssoc:
		return "a-" + o.str("vpc_endpoint_id") + stringHashcode(o.str("subnet_id"))
	case schema.TypeVPCEndpointSecurityGroupAssoc:
		return "a-" + o.str("vpc_endpoint_id") + stringHashcode(o.str("security_group_id"))
	}
	if prefix, ok := idPrefixes[t]; ok {
		return f.awsID(prefix, "id")
	}
	return f.hex("id", 20)
}

// accessPointIDFromARN returns "account:name" for an access point ARN
// (arn:aws:s3:region:account:accesspoint/name), or, for anything else,
// the ARN itself.
func accessPointIDFromARN(arn, account string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || !strings.HasPrefix(parts[5], "accesspoint/") {
		return arn
	}
	acct := parts[4]
	if acct == "" {
		acct = account
	}
	return acct + ":" + strings.TrimPrefix(parts[5], "accesspoint/")
}

// lbKind is the load balancer type's part of its ARN, with its slash.
func lbKind(t string) string {
	switch t {
	case "network":
		return "net/"
	case "gateway":
		return "gwy/"
	}
	return "app/"
}
