package schema

import "github.com/zclconf/go-cty/cty"

// DataRegion is data.aws_region: by default the Region of its provider.
var DataRegion = dataSource(TypeRegion,
	"An AWS Region, by default the provider's.",
	map[string]*Attribute{
		"region":      optionalComputed(cty.String, "The name of the Region, such as eu-west-1."),
		"name":        optionalComputed(cty.String, "Deprecated: the name of the Region; use region."),
		"endpoint":    optionalComputed(cty.String, "The EC2 endpoint of the Region, such as ec2.eu-west-1.amazonaws.com."),
		"description": computed(cty.String, "The description of the Region, such as Europe (Ireland)."),
		"id":          computed(cty.String, "The name of the Region."),
	},
	nil)
