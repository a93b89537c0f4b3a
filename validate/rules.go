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
		awsResourcePolicyNotJSONObject,
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
		awsVPCEndpointPrivateDNSSetTwice,
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

		// S3 access points.
		awsS3AccessPointNameInvalid,
		awsS3AccessPointNameDuplicate,
		awsS3AccessPointRegionMismatch,
		awsS3AccessPointVPCUnreachable,
		awsS3AccessPointEndpointPolicyDenies,
		awsS3AccessPointBucketAccountIDMissing,
		awsS3AccessPointCrossAccountNoGrant,
		awsS3AccessPointQuotaExceeded,

		// Multi-Region Access Points.
		awsS3MRAPNameInvalid,
		awsS3MRAPRegionDuplicate,
		awsS3MRAPRegionCount,
		awsS3MRAPRegionUnsupported,
		awsS3MRAPBucketAccountIDMissing,
		awsS3MRAPCrossAccountNoGrant,
		awsS3MRAPReplicationMissing,
		awsS3MRAPQuotaExceeded,

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
