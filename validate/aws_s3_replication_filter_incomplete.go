package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationFilterIncomplete: research S3REPL-010. A rule with a
// filter (the current schema) needs delete_marker_replication, and a filter
// names at most one of prefix, tag and and. It needs a priority too, but
// the provider always sends one (0 when the configuration sets none), so
// S3 never sees a rule without it and the rule does not ask for it.
var awsS3ReplicationFilterIncomplete = &Rule{
	ID:       "aws_s3_replication_filter_incomplete",
	Summary:  "A rule with a filter lacks delete_marker_replication, or its filter mixes prefix, tag and and",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			for _, r := range replicationRules(rc) {
				if !r.Has("filter") {
					continue
				}
				report := func(path, problem string, name bool) {
					rng := rc.Ranges(r.Path(path))
					subject := rng.Expr
					if name {
						subject = rng.Name
					}
					diags = append(diags, &hcl.Diagnostic{
						Summary: "Incomplete replication rule filter",
						Detail:  fmt.Sprintf("Rule %d of %s has a filter, so it uses the current replication schema, which %s; S3 rejects the rule otherwise.", r.Index+1, rc.Addr, problem),
						Subject: subject.Ptr(),
					})
				}
				if r.Lacks("delete_marker_replication") {
					report("filter[0]", "needs delete_marker_replication { status = \"Enabled\" or \"Disabled\" }", true)
				}
				n := 0
				if rc.Ranges(r.Path("filter[0].prefix")).Found {
					n++
				}
				for _, part := range []string{"filter[0].tag", "filter[0].and"} {
					if r.Has(part) {
						n++
					}
				}
				if n > 1 {
					report("filter[0]", "takes exactly one of prefix, tag and and in its filter: combine a prefix and tags inside and { }", true)
				}
			}
		}
		return diags
	},
}
