package config

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// terraformProviderFunctions are the functions of Terraform's built-in
// provider that planner/funcs implements.
var terraformProviderFunctions = map[string]bool{"encode_tfvars": true, "decode_tfvars": true, "encode_expr": true}

// checkProviderFunctions finds the provider functions the files call
// (provider::NAME::FUNCTION) and checks them as Terraform does: NAME must
// be a provider of required_providers that offers FUNCTION. vpcplan runs
// no provider, so the functions of providers other than Terraform's
// built-in one return unknown values marked external; their names go to
// cfg.externalFuncs.
func checkProviderFunctions(cfg *Config, files []*sourceFile) hcl.Diagnostics {
	var diags hcl.Diagnostics
	seen := map[string]bool{}
	for _, f := range files {
		hclsyntax.VisitAll(f.body, func(n hclsyntax.Node) hcl.Diagnostics {
			call, ok := n.(*hclsyntax.FunctionCallExpr)
			if !ok || !strings.HasPrefix(call.Name, "provider::") || seen[call.Name] {
				return nil
			}
			seen[call.Name] = true
			provider, fn, ok := strings.Cut(strings.TrimPrefix(call.Name, "provider::"), "::")
			if !ok {
				return nil // HCL reports the malformed name
			}
			rp := cfg.RequiredProviders[provider]
			switch {
			case rp != nil && rp.IsBuiltinTerraform() && terraformProviderFunctions[fn]:
			case rp != nil && !rp.IsBuiltinTerraform():
				cfg.externalFuncs = append(cfg.externalFuncs, call.Name)
			default:
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Unknown provider function",
					Detail:   fmt.Sprintf("There is no function named %q. Ensure that provider name %q is declared in this module's required_providers block, and that this provider offers a function named %q.", call.Name, provider, fn),
					Subject:  call.NameRange.Ptr(),
				})
			}
			return nil
		})
	}
	sort.Strings(cfg.externalFuncs)
	return diags
}

// externalFunction stands in for a function of a provider vpcplan does not
// run: it takes any arguments and returns an unknown value marked
// external, with the arguments' marks (a sensitive argument makes a
// sensitive result).
var externalFunction = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name:             "args",
		Type:             cty.DynamicPseudoType,
		AllowNull:        true,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowMarked:      true,
	},
	Type: function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var marks []cty.ValueMarks
		for _, a := range args {
			_, pvm := a.UnmarkDeepWithPaths()
			for _, pm := range pvm {
				marks = append(marks, pm.Marks)
			}
		}
		return external(cty.DynamicVal).WithMarks(marks...), nil
	},
})
