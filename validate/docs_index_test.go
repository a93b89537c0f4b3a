package validate

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

var updateIndex = flag.Bool("update", false, "rewrite docs/README.md from DefaultRules")

// TestDocsIndex keeps docs/README.md, the rule index, generated from
// DefaultRules.
func TestDocsIndex(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Rules\n\nGenerated from `DefaultRules()` by `go test ./validate -run TestDocsIndex -update`; do not edit.\n\n")
	b.WriteString("| rule | severity | summary |\n|---|---|---|\n")
	for _, r := range DefaultRules() {
		sev := "error"
		if r.Severity == hcl.DiagWarning {
			sev = "warning"
		}
		if r.PlanTime {
			sev += " (plan)"
		}
		fmt.Fprintf(&b, "| [`%s`](%s.md) | %s | %s |\n", r.ID, r.ID, sev, r.Summary)
	}
	path := filepath.Join("docs", "README.md")
	if *updateIndex {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != b.String() {
		t.Errorf("%s is not current; run go test ./validate -run TestDocsIndex -update", path)
	}
}
