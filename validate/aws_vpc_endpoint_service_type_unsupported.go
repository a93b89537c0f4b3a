package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointServiceTypeUnsupported: research VPCE-TYPE-003/004 and
// VPCE-SVC-001. "You must create the type of VPC endpoint that's required
// by the endpoint service": gateway endpoints exist only for S3, DynamoDB
// and S3 Express; gateway-only services have no interface endpoints; AWS
// services offer no Gateway Load Balancer endpoints. The offers come from
// the service catalog.
var awsVPCEndpointServiceTypeUnsupported = &Rule{
	ID:       "aws_vpc_endpoint_service_type_unsupported",
	Summary:  "The service does not offer endpoints of this type",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			t, ok := endpointType(e)
			if !ok || !t.Valid() {
				continue
			}
			name, svc, ok := endpointService(in, e)
			if !ok || svc == nil || svc.Offers(t) {
				continue
			}
			detail := fmt.Sprintf("%s asks for a %s endpoint to %s, but %s offers only %s endpoints.", e.Addr, t, name.Raw, svc.Title, strings.Join(svc.TypeNames(), " and "))
			subject := e.Resource.Ranges("vpc_endpoint_type")
			if !subject.Found {
				subject = e.Resource.Ranges("service_name")
				detail += " vpc_endpoint_type defaults to \"Gateway\" when it is not set."
			}
			if svc.Offers(schema.EndpointInterface) {
				detail += " Set vpc_endpoint_type = \"Interface\" (with subnet_ids and security_group_ids)."
			} else if svc.Offers(schema.EndpointGateway) {
				detail += " Set vpc_endpoint_type = \"Gateway\" (with route_table_ids), or remove it."
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Endpoint type not offered by the service",
				Detail:  detail,
				Subject: subject.Expr.Ptr(),
			})
		}
		return diags
	},
}
