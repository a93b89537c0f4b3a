package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationBidirectionalSyncMissing: research S3REPL-015. For
// two-way replication, replica modification sync must be enabled on the
// rules of both buckets for metadata changes on replicas to flow back.
var awsS3ReplicationBidirectionalSyncMissing = &Rule{
	ID:       "aws_s3_replication_bidirectional_sync_missing",
	Summary:  "Two buckets replicate to each other without replica modification sync on both",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		type edge struct{ from, to *config.Instance }
		type info struct {
			rule replicationRule
			sync bool
		}
		edges := map[edge]info{}
		var order []edge
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			src := rc.Link("bucket")
			if src == nil {
				continue
			}
			for _, r := range replicationRules(rc) {
				dst := rc.Link(r.Path("destination[0].bucket"))
				if dst == nil {
					continue
				}
				k := edge{src, dst}
				// A status the model cannot tell (unknown, or from dynamic
				// blocks with an unknown for_each) may be Enabled.
				status, ok := r.Get("source_selection_criteria", 0, "replica_modifications", 0, "status")
				sync := ok && status.AsString() == "Enabled"
				if present, known := r.Block("source_selection_criteria[0].replica_modifications[0]"); !known || present && !ok {
					sync = true
				}
				if old, ok := edges[k]; ok {
					sync = sync || old.sync
				} else {
					order = append(order, k)
				}
				edges[k] = info{rule: r, sync: sync}
			}
		}
		var diags hcl.Diagnostics
		for _, k := range order {
			// Each direction without sync is reported on its own rule.
			this := edges[k]
			if _, twoWay := edges[edge{k.to, k.from}]; !twoWay || this.sync {
				continue
			}
			r := this.rule
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Two-way replication without replica modification sync",
				Detail:  fmt.Sprintf("%s and %s replicate to each other, but rule %d of %s does not enable replica modification sync, so changes to tags, ACLs and Object Lock settings made on replicas do not flow back. Add source_selection_criteria { replica_modifications { status = \"Enabled\" } } to the rules of both buckets.", k.from.Addr, k.to.Addr, r.Index+1, r.Config.Addr),
				Subject: r.Config.Ranges(r.Path("destination[0].bucket")).Expr.Ptr(),
			})
		}
		return diags
	},
}
