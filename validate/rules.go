package validate

// DefaultRules returns a fresh slice of every rule, in the order of the
// rule catalog (RULES.md). Callers filter the slice; they never modify the
// rules.
func DefaultRules() []*Rule {
	return []*Rule{
		// Network basics.
		awsVPCCIDRBlockInvalid,

		// S3 Object Lambda.
		awsS3ObjectLambdaClosedToNewCustomers,
		awsS3ObjectLambdaNameInvalid,
		awsS3ObjectLambdaSupportingAccessPointMismatch,
		awsS3ObjectLambdaFunctionLocation,
		awsS3ObjectLambdaActionInvalid,

		// Plan-time rules.
		awsVPCEndpointGatewayDeleteBlocked,
		awsS3MRAPBucketDeleteBlocked,
	}
}
