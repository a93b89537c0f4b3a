package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vpcplan/vpcplan/validate"
)

var updateDocs = flag.Bool("update", false, "rewrite the CLI output in rule docs from what vpcplan prints now")

var (
	docHCL    = regexp.MustCompile("(?s)## Example\n\n```hcl\n(.*?)```\n")
	docOutput = regexp.MustCompile("(?s)(```text\n\\$ vpcplan validate\n)(.*?)(```\n)")
)

// TestRuleDocs runs the example of every rule's doc page through the CLI:
// the example must trigger its rule, and the page shows the exact output
// (refreshed with -update, never by hand).
func TestRuleDocs(t *testing.T) {
	for _, r := range validate.DefaultRules() {
		if r.PlanTime {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			path := filepath.Join("validate", "docs", r.ID+".md")
			doc, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			m := docHCL.FindSubmatch(doc)
			if m == nil {
				t.Fatalf("%s has no ## Example with an hcl block", path)
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.hcl"), m[1], 0o644); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			wd, _ := os.Getwd()
			if err := os.Chdir(dir); err != nil {
				t.Fatal(err)
			}
			run(context.Background(), []string{"validate", "-no-color"}, &out, &out)
			if err := os.Chdir(wd); err != nil {
				t.Fatal(err)
			}
			got := out.String()
			if !strings.Contains(got, "["+r.ID+"]") {
				t.Errorf("the example of %s does not trigger the rule; vpcplan printed:\n%s", path, got)
			}
			if !docOutput.Match(doc) {
				t.Fatalf("%s has no ```text block starting with $ vpcplan validate", path)
			}
			want := docOutput.FindSubmatch(doc)[2]
			if *updateDocs {
				updated := docOutput.ReplaceAllFunc(doc, func(b []byte) []byte {
					parts := docOutput.FindSubmatch(b)
					return append(append(append([]byte{}, parts[1]...), out.Bytes()...), parts[3]...)
				})
				if err := os.WriteFile(path, updated, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if string(want) != got {
				t.Errorf("%s shows other output than vpcplan prints; run go test . -run TestRuleDocs -update\ngot:\n%s", path, got)
			}
		})
	}
}
