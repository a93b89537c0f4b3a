package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/validate"
)

const rulesHelp = `Usage: vpcplan rules [options]

  List the rules: id, default severity, whether the rule configuration
  enables it, its summary and its documentation.

Options:

  -config=FILE   Rule configuration (default .vpcplan.hcl when present).
  -json          Print the list as JSON.
  -no-color      Do not use colour in the output.
`

type ruleListing struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	Enabled  bool   `json:"enabled"`
	PlanTime bool   `json:"plan_time,omitempty"`
	Summary  string `json:"summary"`
	Link     string `json:"link"`
}

func runRules(_ context.Context, env *environment, args []string) int {
	fs := newFlags("rules")
	jsonOut := fs.Bool("json", false, "")
	configFile := fs.String("config", "", "")
	if code, ok := parseFlags(env, fs, args, rulesHelp); !ok {
		return code
	}
	files := map[string]*hcl.File{}
	opts, diags := ruleOptions(*configFile, files, env.limits.FileSize)
	if diags.HasErrors() {
		printDiagnostics(env, files, diags, true)
		return exitError
	}
	var list []ruleListing
	for _, r := range validate.DefaultRules() {
		sev := r.Severity
		if s, ok := opts.Severity[r.ID]; ok {
			sev = s
		}
		list = append(list, ruleListing{
			ID: r.ID, Severity: severityName(sev), Enabled: !opts.Disabled[r.ID], PlanTime: r.PlanTime,
			Summary: r.Summary, Link: docsBase + r.ID + ".md",
		})
	}
	if *jsonOut {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"rules": list}); err != nil {
			return exitError
		}
		return exitOK
	}
	width := 0
	for _, r := range list {
		if len(r.ID) > width {
			width = len(r.ID)
		}
	}
	for _, r := range list {
		state := ""
		if !r.Enabled {
			state = " (disabled)"
		}
		fmt.Fprintf(env.stdout, "%-*s  %-7s  %s%s\n", width, r.ID, r.Severity, r.Summary, state)
	}
	fmt.Fprintf(env.stdout, "\n%d rules. Each rule's documentation: %s<id>.md\n", len(list), docsBase)
	return exitOK
}

func severityName(s hcl.DiagnosticSeverity) string {
	if s == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}
