package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationPriorityDuplicate: research S3REPL-013. The rules of one
// replication configuration need distinct priorities.
var awsS3ReplicationPriorityDuplicate = &Rule{
	ID:       "aws_s3_replication_priority_duplicate",
	Summary:  "Two rules of one replication configuration share a priority",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			seen := map[string]int{}
			for _, r := range replicationRules(rc) {
				v, ok := r.Get("priority")
				if !ok {
					continue
				}
				p := v.AsBigFloat().String()
				if first, dup := seen[p]; dup {
					diags = append(diags, &hcl.Diagnostic{
						Summary: "Duplicate replication rule priority",
						Detail:  fmt.Sprintf("Rules %d and %d of %s both have priority %s; S3 needs distinct priorities to decide which rule applies to an object matched by several. Give each rule its own priority.", first+1, r.Index+1, rc.Addr, p),
						Subject: rc.Ranges(r.Path("priority")).Expr.Ptr(),
					})
					continue
				}
				seen[p] = r.Index
			}
		}
		return diags
	},
}
