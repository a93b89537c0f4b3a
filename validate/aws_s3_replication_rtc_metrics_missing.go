package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// awsS3ReplicationRTCMetricsMissing: research S3REPL-009. S3 Replication
// Time Control needs replication metrics, and both times are 15 minutes.
var awsS3ReplicationRTCMetricsMissing = &Rule{
	ID:       "aws_s3_replication_rtc_metrics_missing",
	Summary:  "Replication Time Control without metrics, or with times other than 15 minutes",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			for _, r := range replicationRules(rc) {
				if !r.Has("destination[0].replication_time") {
					continue
				}
				report := func(path, problem string) {
					diags = append(diags, &hcl.Diagnostic{
						Summary: "Replication Time Control misconfigured",
						Detail:  fmt.Sprintf("Rule %d of %s uses Replication Time Control, but %s. S3 requires metrics { status = \"Enabled\", event_threshold { minutes = 15 } } with replication_time { status = \"Enabled\", time { minutes = 15 } }.", r.Index+1, rc.Addr, problem),
						Subject: rc.Ranges(r.Path(path)).Expr.Ptr(),
					})
				}
				if r.Lacks("destination[0].metrics") {
					report("destination[0].replication_time[0]", "the destination has no metrics block")
				} else if m := r.GetString("destination", 0, "metrics", 0, "status"); m == "Disabled" {
					report("destination[0].metrics[0].status", "its metrics are Disabled")
				}
				for _, p := range []struct {
					steps []any
					path  string
				}{
					{[]any{"destination", 0, "replication_time", 0, "time", 0, "minutes"}, "destination[0].replication_time[0].time[0].minutes"},
					{[]any{"destination", 0, "metrics", 0, "event_threshold", 0, "minutes"}, "destination[0].metrics[0].event_threshold[0].minutes"},
				} {
					if v, ok := r.Get(p.steps...); ok && v.Type() == cty.Number && !v.Equals(cty.NumberIntVal(15)).True() {
						report(p.path, fmt.Sprintf("a time is %s minutes", v.AsBigFloat().String()))
					}
				}
			}
		}
		return diags
	},
}
