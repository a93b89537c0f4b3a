package validate

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// ruleCase is one case of a rule's table test: configuration files and the
// diagnostics the rule must return, each as "file:line:col-line:col
// Summary" of its Subject (file is omitted for main.hcl).
type ruleCase struct {
	files map[string]string
	src   string // shorthand for files["main.hcl"]
	want  []string
	// deleted is what the plan deletes, for plan-time rules.
	deleted []*DeletedInstance
}

// runRuleCases loads and evaluates each case and runs one rule on it,
// comparing the exact rule id, summaries and source ranges. A case whose
// configuration itself has errors fails: rule tests start from valid
// configurations.
func runRuleCases(t *testing.T, rule *Rule, tests map[string]ruleCase) {
	t.Helper()
	for name, tc := range tests {
		coverage.record(rule.ID, len(tc.want) > 0)
		t.Run(name, func(t *testing.T) {
			got := checkRule(t, rule, tc)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", rule.ID, diff)
			}
		})
	}
}

func checkRule(t *testing.T, rule *Rule, tc ruleCase) []string {
	t.Helper()
	dir := t.TempDir()
	files := tc.files
	if files == nil {
		files = map[string]string{}
	}
	if tc.src != "" {
		files["main.hcl"] = tc.src
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := config.NewLoader(schema.NewCatalog())
	cfg, diags := l.Load([]string{dir})
	if diags.HasErrors() {
		t.Fatalf("configuration does not load: %s", diags.Error())
	}
	m, diags := l.Evaluate(context.Background(), cfg, config.Options{Mode: config.ValidateMode})
	if diags.HasErrors() {
		t.Fatalf("configuration does not evaluate: %s", diags.Error())
	}
	in := &Input{Model: m, Services: schema.NewServiceCatalog(), Deleted: tc.deleted}
	var got []string
	for _, d := range Run(in, []*Rule{rule}, Options{PlanTime: rule.PlanTime}) {
		if id := RuleID(d); id != rule.ID {
			t.Errorf("diagnostic carries rule id %q, want %q", id, rule.ID)
		}
		if d.Severity != rule.Severity {
			t.Errorf("diagnostic severity %v, want %v", d.Severity, rule.Severity)
		}
		if d.Detail == "" || !strings.ContainsRune(".?", rune(d.Detail[len(d.Detail)-1])) {
			t.Errorf("detail %q does not end with a full stop (or the question of a suggestion)", d.Detail)
		}
		got = append(got, formatDiag(dir, d))
	}
	return got
}

func formatDiag(dir string, d *hcl.Diagnostic) string {
	if d.Subject == nil {
		return "(no range) " + d.Summary
	}
	file, _ := filepath.Rel(dir, d.Subject.Filename)
	prefix := ""
	if file != "main.hcl" {
		prefix = file + ":"
	}
	return fmt.Sprintf("%s%d:%d-%d:%d %s", prefix, d.Subject.Start.Line, d.Subject.Start.Column, d.Subject.End.Line, d.Subject.End.Column, d.Summary)
}
