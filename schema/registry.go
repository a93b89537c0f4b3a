package schema

import "sort"

// Resources returns a fresh slice of every managed resource type of the
// catalog, sorted by type name.
func Resources() []*Resource {
	rs := []*Resource{
		VPC, VPCIPv4CIDRBlockAssociation, Subnet, RouteTable, Route,
		RouteTableAssociation, MainRouteTableAssociation, InternetGateway,
		NATGateway, SecurityGroup, SecurityGroupRule,
		VPCSecurityGroupIngressRule, VPCSecurityGroupEgressRule,
		VPCEndpoint, VPCEndpointRouteTableAssociation,
		VPCEndpointSubnetAssociation, VPCEndpointSecurityGroupAssociation,
		VPCEndpointPolicy, VPCEndpointPrivateDNS, VPCEndpointService, LB, Route53ResolverEndpoint,

		S3Bucket, S3BucketVersioning, S3BucketPolicy,
		S3BucketOwnershipControls, S3BucketPublicAccessBlock,
		S3BucketObjectLockConfiguration, S3BucketSSEConfiguration,
		S3BucketReplicationConfiguration, S3AccessPoint,
		S3ControlAccessPointPolicy, S3ControlMultiRegionAccessPoint,
		S3ControlMultiRegionAccessPointPolicy,
		S3ControlObjectLambdaAccessPoint,
		S3ControlObjectLambdaAccessPointPolicy,

		IAMRole, IAMRolePolicy, IAMPolicy, IAMRolePolicyAttachment,
		KMSKey, LambdaFunction, LambdaPermission,
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].Type < rs[j].Type })
	return rs
}

// DataSources returns a fresh slice of the data sources vpcplan evaluates,
// sorted by type name.
func DataSources() []*Resource {
	ds := []*Resource{DataIAMPolicyDocument, DataCallerIdentity, DataRegion, DataPartition}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Type < ds[j].Type })
	return ds
}

// Catalog looks schemas up by mode and type. It is immutable after
// NewCatalog and safe for concurrent use.
type Catalog struct {
	managed map[TypeName]*Resource
	data    map[TypeName]*Resource
	names   []string // managed type names, sorted, for suggestions
}

// NewCatalog indexes Resources() and DataSources().
func NewCatalog() *Catalog {
	c := &Catalog{managed: map[TypeName]*Resource{}, data: map[TypeName]*Resource{}}
	for _, r := range Resources() {
		c.managed[r.Type] = r
		c.names = append(c.names, string(r.Type))
	}
	for _, r := range DataSources() {
		c.data[r.Type] = r
	}
	return c
}

// Lookup returns the schema of the type in the given mode, or nil when the
// type is outside the catalog.
func (c *Catalog) Lookup(mode Mode, t TypeName) *Resource {
	if mode == DataMode {
		return c.data[t]
	}
	return c.managed[t]
}

// ManagedTypeNames returns the managed type names, sorted. The slice must
// not be modified.
func (c *Catalog) ManagedTypeNames() []string { return c.names }
