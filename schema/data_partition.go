package schema

import "github.com/zclconf/go-cty/cty"

// DataPartition is data.aws_partition: the partition of its provider's
// Region.
var DataPartition = dataSource(TypePartition,
	"The AWS partition of the provider's Region.",
	map[string]*Attribute{
		"partition":          computed(cty.String, "The partition: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b and so on."),
		"dns_suffix":         computed(cty.String, "The DNS suffix of the partition, such as amazonaws.com."),
		"reverse_dns_prefix": computed(cty.String, "The reverse DNS prefix of the partition, such as com.amazonaws."),
		"id":                 computed(cty.String, "The partition."),
	},
	nil).global()
