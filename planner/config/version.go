package config

import (
	"fmt"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// TerraformVersion is the version of Terraform whose language vpcplan
// implements: terraform { required_version } constraints are checked
// against it, and Terraform's messages are those of this version.
const TerraformVersion = "1.11.4"

var terraformVersion = version.Must(version.NewVersion(TerraformVersion))

// decodeVersionConstraint decodes a version constraint string, as
// Terraform's configs.decodeVersionConstraint does: null is no
// constraint, and a syntax error gets Terraform's generic message.
func decodeVersionConstraint(attr *hcl.Attribute) (VersionConstraint, hcl.Diagnostics) {
	vc := VersionConstraint{DeclRange: attr.Range}
	val, diags := attr.Expr.Value(nil)
	if diags.HasErrors() {
		return vc, diags
	}
	val, err := convert.Convert(val, cty.String)
	if err != nil {
		return vc, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid version constraint",
			Detail:   fmt.Sprintf("A string value is required for %s.", attr.Name),
			Subject:  attr.Expr.Range().Ptr(),
		})
	}
	if val.IsNull() || !val.IsWhollyKnown() {
		return vc, diags
	}
	constraints, err := version.NewConstraint(val.AsString())
	if err != nil {
		return vc, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid version constraint",
			Detail:   "This string does not use correct version constraint syntax.",
			Subject:  attr.Expr.Range().Ptr(),
		})
	}
	vc.Required = constraints
	return vc, diags
}

// CheckCoreVersion checks the configuration's required_version
// constraints against TerraformVersion, with Terraform's errors. Evaluate
// checks them first and evaluates nothing when one fails, as Terraform
// does.
func CheckCoreVersion(cfg *Config) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, vc := range cfg.CoreVersionConstraints {
		var prerelease hcl.Diagnostics
		for _, c := range vc.Required {
			if c.Prerelease() {
				prerelease = append(prerelease, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid required_version constraint",
					Detail:   fmt.Sprintf("Prerelease version constraints are not supported: %s. Remove the prerelease information from the constraint. Prerelease versions of terraform will match constraints using their version core only.", c),
					Subject:  vc.DeclRange.Ptr(),
				})
			}
		}
		if len(prerelease) > 0 {
			diags = append(diags, prerelease...)
			continue
		}
		if !vc.Required.Check(terraformVersion) {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Unsupported Terraform Core version",
				Detail:   fmt.Sprintf("This configuration does not support Terraform version %s. To proceed, either choose another supported Terraform version or update this version constraint. Version constraints are normally set for good reason, so updating the constraint may lead to other errors or unexpected behavior.", TerraformVersion),
				Subject:  vc.DeclRange.Ptr(),
			})
		}
	}
	return diags
}
