package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3AccessPointNameDuplicate: research S3AP-001. An access point name
// is unique within one account and Region. Access points whose account or
// Region is unknown are not compared.
var awsS3AccessPointNameDuplicate = &Rule{
	ID:       "aws_s3_access_point_name_duplicate",
	Summary:  "Two S3 access points share a name in one account and Region",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		type key struct {
			apAccountRegion
			name string
		}
		var diags hcl.Diagnostics
		first := map[key]*config.Instance{}
		for _, inst := range in.Model.OfType(schema.TypeS3AccessPoint) {
			name, ok := str(inst, "name")
			if !ok || inst.Account == "" || inst.Region == "" {
				continue
			}
			k := key{apAccountRegion{inst.Account, inst.Region}, name}
			prev, dup := first[k]
			if !dup {
				first[k] = inst
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Duplicate S3 access point name",
				Detail: fmt.Sprintf("%s and %s are both named %q in account %s and Region %s. An access point name must be unique within an account and Region, so the second one cannot be created; give one of them another name.",
					prev.Addr, inst.Addr, name, inst.Account, inst.Region),
				Subject: inst.Ranges("name").Expr.Ptr(),
			})
		}
		return diags
	},
}
