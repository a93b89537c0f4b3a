package schema

import "github.com/zclconf/go-cty/cty"

// DataRegion is data.aws_region: by default the Region of its provider.
// Since version 6 of the provider its region argument, the one every
// regional type has, selects the Region; name, which did before, is
// deprecated and conflicts with region.
var DataRegion = dataSource(TypeRegion,
	"An AWS Region, by default the provider's.",
	map[string]*Attribute{
		"name": optionalComputed(cty.String, "Deprecated: the name of the Region; use region.").
			deprecated("name is deprecated. Use region instead."),
		"endpoint":    optionalComputed(cty.String, "The EC2 endpoint of the Region, such as ec2.eu-west-1.amazonaws.com."),
		"description": computed(cty.String, "The description of the Region, such as Europe (Ireland)."),
		"id":          computed(cty.String, "The name of the Region."),
	},
	nil)
