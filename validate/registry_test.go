package validate

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// ruleCoverage records, per rule id, whether its table test had a case that
// fires and one that stays silent.
type ruleCoverage struct {
	mu     sync.Mutex
	fires  map[string]bool
	silent map[string]bool
}

func (c *ruleCoverage) record(id string, fires bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if fires {
		c.fires[id] = true
	} else {
		c.silent[id] = true
	}
}

var coverage = &ruleCoverage{fires: map[string]bool{}, silent: map[string]bool{}}

// TestMain runs the tests, then, when the whole suite ran, checks that every
// rule was tested both ways.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" {
		var missing []string
		for _, r := range DefaultRules() {
			if !coverage.fires[r.ID] {
				missing = append(missing, r.ID+": no case that fires")
			}
			if !coverage.silent[r.ID] {
				missing = append(missing, r.ID+": no case that must not fire")
			}
		}
		if len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "rules not tested both ways:\n  %s\n", strings.Join(missing, "\n  "))
			code = 1
		}
	}
	os.Exit(code)
}

var ruleRow = regexp.MustCompile("^\\| `([a-z0-9_]+)` \\| (error|warning) \\|")

// catalogRules reads the rule ids and severities from RULES.md, the public
// contract (a copy of the shared catalog kept in testdata).
func catalogRules(t *testing.T) map[string]string {
	f, err := os.Open(filepath.Join("testdata", "RULES.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := ruleRow.FindStringSubmatch(sc.Text()); m != nil {
			out[m[1]] = m[2]
		}
	}
	return out
}

func TestRegistryMatchesCatalog(t *testing.T) {
	want := catalogRules(t)
	if len(want) < 60 {
		t.Fatalf("read %d rules from RULES.md, want the whole catalog", len(want))
	}
	got := map[string]string{}
	idPattern := regexp.MustCompile(`^[a-z0-9]+(_[a-z0-9]+)*$`)
	for _, r := range DefaultRules() {
		if _, dup := got[r.ID]; dup {
			t.Errorf("rule %s listed twice", r.ID)
		}
		if !idPattern.MatchString(r.ID) {
			t.Errorf("rule id %q is not snake_case", r.ID)
		}
		sev := "error"
		if r.Severity == hcl.DiagWarning {
			sev = "warning"
		}
		got[r.ID] = sev
		if r.Summary == "" || strings.HasSuffix(r.Summary, ".") {
			t.Errorf("rule %s: summary %q must be one line without a final full stop", r.ID, r.Summary)
		}
		if _, err := os.Stat(r.ID + ".go"); err != nil {
			t.Errorf("rule %s: no file %s.go", r.ID, r.ID)
		}
		if _, err := os.Stat(r.ID + "_test.go"); err != nil {
			t.Errorf("rule %s: no test file %s_test.go", r.ID, r.ID)
		}
		if _, err := os.Stat(filepath.Join("docs", r.ID+".md")); err != nil {
			t.Errorf("rule %s: no doc docs/%s.md", r.ID, r.ID)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rule ids and severities differ from RULES.md (-want +got):\n%s", diff)
	}
}

// TestCatalogCopyIsCurrent checks that testdata/RULES.md holds the shared
// catalog when the shared folder is beside the repository (it is on
// developers' machines and in CI; a plain clone has only the copy). The
// copy may add rows, the rules this repository defines beyond the shared
// catalog, but every line of the shared catalog must stand in it unchanged
// and in order: ids and severities are a public contract.
func TestCatalogCopyIsCurrent(t *testing.T) {
	shared, err := os.ReadFile(filepath.Join("..", "..", "shared", "RULES.md"))
	if err != nil {
		t.Skip("no shared/RULES.md beside the repository")
	}
	local, err := os.ReadFile(filepath.Join("testdata", "RULES.md"))
	if err != nil {
		t.Fatal(err)
	}
	localLines := strings.Split(string(local), "\n")
	i := 0
	for n, line := range strings.Split(string(shared), "\n") {
		for i < len(localLines) && localLines[i] != line {
			if m := ruleRow.FindStringSubmatch(localLines[i]); m == nil {
				t.Fatalf("validate/testdata/RULES.md line %d: %q is neither in shared/RULES.md nor a rule row added to it; copy the shared catalog and add only rows", i+1, localLines[i])
			}
			i++
		}
		if i == len(localLines) {
			t.Fatalf("shared/RULES.md line %d is missing from validate/testdata/RULES.md (or out of order): %q; copy the shared catalog and add its new rules", n+1, line)
		}
		i++
	}
}
