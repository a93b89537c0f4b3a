package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointServiceUnknown: research VPCE-SVC-002. An AWS service name
// (com.amazonaws.<region>.<service>) whose service is not in the catalog is
// most likely a typo.
var awsVPCEndpointServiceUnknown = &Rule{
	ID:       "aws_vpc_endpoint_service_unknown",
	Summary:  "An AWS service name is not in the service catalog",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			name, svc, ok := endpointService(in, e)
			if !ok || svc != nil || name.EndpointServiceID != "" || in.Services.Lookup(name.Service) != nil {
				continue
			}
			detail := fmt.Sprintf("%s names the service %q, which vpcplan's catalog of AWS services does not know, so its endpoint types and private DNS are not checked.", e.Addr, name.Service)
			if s := suggest(name.Service, in.Services.Names()); s != "" {
				detail += fmt.Sprintf(" Did you mean %q?", s)
			} else {
				detail += " Check the name with aws ec2 describe-vpc-endpoint-services; if it is right, ignore this warning."
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Unknown AWS service",
				Detail:  detail,
				Subject: e.Resource.Ranges("service_name").Expr.Ptr(),
			})
		}
		return diags
	},
}
