package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/suggest"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointServiceUnknown: research VPCE-SVC-002. An AWS service name
// (com.amazonaws.<region>.<service>, com.amazonaws.<service> for global
// services) that the service catalog does not resolve is most likely a
// typo, or a known service written in the wrong form (a Region on a global
// service, none on a regional one, upper case). Endpoint service names
// (com.amazonaws.vpce.<region>.vpce-svc-…) are not AWS services and are
// left alone; so are names that are not AWS service names at all.
var awsVPCEndpointServiceUnknown = &Rule{
	ID:       "aws_vpc_endpoint_service_unknown",
	Summary:  "An AWS service name is not in the service catalog",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			raw, ok := str(e, "service_name")
			if !ok {
				continue
			}
			name, ok := schema.ParseServiceName(raw)
			if !ok {
				// Upper case is the one malformation the parser can see
				// through: the lower-case name must parse.
				if name, ok = schema.ParseServiceName(strings.ToLower(raw)); !ok {
					continue
				}
			}
			if name.IsEndpointService() || (name.Raw == raw && in.Services.Resolve(name) != nil) {
				continue
			}
			var detail string
			svc := in.Services.Resolve(name)
			switch {
			case attrSensitive(e, "service_name"):
				// Neither the name nor a suggestion: both would tell it.
				detail = fmt.Sprintf("%s names a service (the value is sensitive) that is not an AWS service name of vpcplan's catalog, or not written as AWS writes it, so its endpoint types and private DNS are not checked.", e.Addr)
				svc = nil
			case svc != nil:
				detail = fmt.Sprintf("%s names the service %q, but AWS service names are lower case.", e.Addr, raw)
			case in.Services.Lookup(name.Service) != nil:
				svc = in.Services.Lookup(name.Service)
				switch {
				case svc.Global && name.Region != "":
					detail = fmt.Sprintf("%s names the service %q, but %s is a global service, named without a Region.", e.Addr, raw, svc.Title)
				case !svc.Global && name.Region == "":
					detail = fmt.Sprintf("%s names the service %q, but %s is a regional service, named with its Region.", e.Addr, raw, svc.Title)
				default:
					detail = fmt.Sprintf("%s names the service %q, but the service name of %s has another prefix.", e.Addr, raw, svc.Title)
				}
			default:
				detail = fmt.Sprintf("%s names the service %q, which vpcplan's catalog of AWS services does not know, so its endpoint types and private DNS are not checked.", e.Addr, name.Service)
				if s := suggest.Closest(name.Service, in.Services.Names()); s != "" {
					svc = in.Services.Lookup(s)
				}
			}
			if svc == nil {
				detail += " Check the name with the command below; if it is right, ignore this warning.\n\n    aws ec2 describe-vpc-endpoint-services --query ServiceNames\n\nThe catalog follows AWS's list of PrivateLink services as of " + schema.ServiceCatalogDate + " and may lag behind AWS."
			} else if full, ok := serviceNameFor(svc, name, e); ok {
				detail += fmt.Sprintf(" Did you mean %q?", full)
			} else {
				detail += fmt.Sprintf(" Did you mean the service %q?", svc.Name)
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Unknown AWS service",
				Detail:  detail,
				Subject: e.Ranges("service_name").Expr.Ptr(),
			})
		}
		return diags
	},
}
