package validate

// DefaultRules returns a fresh slice of every rule, in the order of the
// rule catalog (RULES.md). Callers filter the slice; they never modify the
// rules.
func DefaultRules() []*Rule {
	return []*Rule{
		// Network basics.
		awsVPCCIDRBlockInvalid,
		awsVPCCIDRBlockOverlap,
		awsSubnetCIDRBlockInvalid,
		awsSubnetCIDRBlockOverlap,

		// VPC endpoints: all types.
		awsVPCEndpointTypeInvalid,
		awsVPCEndpointServiceUnknown,
		awsVPCEndpointServiceTypeUnsupported,
		awsVPCEndpointServiceRegionMismatch,
		awsVPCEndpointForeignVPCReference,
		awsVPCEndpointPolicyTooLarge,
		awsVPCEndpointQuotaExceeded,

		// Gateway endpoints.
		awsVPCEndpointGatewayArgumentInvalid,
		awsVPCEndpointGatewayRouteTableConflict,
		awsVPCEndpointGatewayNoRouteTables,
		awsVPCEndpointGatewayQuotaRegion,

		// Interface endpoints.
		awsVPCEndpointInterfaceSubnetAZDuplicate,
		awsVPCEndpointInterfaceNoSubnets,
		awsVPCEndpointPrivateDNSVPCAttributes,
		awsVPCEndpointPrivateDNSConflict,
		awsVPCEndpointPrivateDNSUnsupported,
		awsVPCEndpointIPAddressTypeSubnetMismatch,
		awsVPCEndpointSecurityGroupNoHTTPS,
		awsVPCEndpointInterfaceCostGatewayAvailable,

		// S3 interface endpoints and private DNS.
		awsVPCEndpointS3InboundOnlyRequiresGateway,
		awsVPCEndpointInboundOnlyInvalid,
		awsVPCEndpointS3PrivateDNSAllTraffic,
		awsVPCEndpointS3OnpremResolverMissing,
		awsVPCEndpointMRAPUnreachable,

		// Gateway Load Balancer endpoints.
		awsVPCEndpointGWLBSubnetCount,
		awsVPCEndpointGWLBArgumentInvalid,
		awsVPCEndpointGWLBServiceInvalid,
		awsVPCEndpointGWLBAZDuplicate,
		awsVPCEndpointGWLBUnrouted,

		// S3 access points and Multi-Region Access Points.
		awsS3AccessPointEndpointPolicyDenies,
		awsS3AccessPointCrossAccountNoGrant,
		awsS3MRAPCrossAccountNoGrant,

		// Replication.
		awsS3ReplicationVersioningDisabled,
		awsS3ReplicationRoleTrustInvalid,
		awsS3ReplicationRolePermissionsMissing,
		awsS3ReplicationCrossAccountPolicyMissing,
		awsS3ReplicationOwnerOverrideAccountMissing,
		awsS3ReplicationOwnerOverrideSameAccount,
		awsS3ReplicationKMSKeyMissing,
		awsS3ReplicationKMSKeyRegionMismatch,
		awsS3ReplicationObjectLockMismatch,
		awsS3ReplicationRTCMetricsMissing,
		awsS3ReplicationFilterIncomplete,
		awsS3ReplicationDeleteMarkerTagFilter,
		awsS3ReplicationPriorityDuplicate,
		awsS3ReplicationDestinationIsSource,
		awsS3ReplicationDestinationAccessPoint,
		awsS3ReplicationBidirectionalSyncMissing,

		// S3 Object Lambda.
		awsS3ObjectLambdaClosedToNewCustomers,
		awsS3ObjectLambdaNameInvalid,
		awsS3ObjectLambdaSupportingAccessPointMismatch,
		awsS3ObjectLambdaFunctionLocation,
		awsS3ObjectLambdaActionInvalid,
		awsS3ObjectLambdaFunctionPermissionMissing,

		// Plan-time rules.
		awsVPCEndpointGatewayDeleteBlocked,
		awsS3MRAPBucketDeleteBlocked,
	}
}
