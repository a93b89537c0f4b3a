package funcs

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// timestampFunc stands in for Terraform's timestamp(), which returns the
// current time. vpcplan functions are deterministic, so it always returns
// an unknown string: the value is known only after apply, just as Terraform
// plans it.
var timestampFunc = function.New(&function.Spec{
	Type: function.StaticReturnType(cty.String),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
		return cty.UnknownVal(cty.String).RefineNotNull(), nil
	},
})
