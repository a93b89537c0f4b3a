package config

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// ctyCmp compares cty values exactly (type, value, unknowns and marks).
var ctyCmp = cmp.Comparer(func(a, b cty.Value) bool { return a.RawEquals(b) })

// writeFiles writes files (name to content; names may contain slashes) into
// dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// result is what evaluate returns.
type result struct {
	dir   string
	cfg   *Config
	model *Model // nil when loading failed
	diags hcl.Diagnostics
}

// evaluate writes files into a fresh temporary directory, loads it and, as
// the CLI does, evaluates it when loading reported no errors.
func evaluate(t *testing.T, files map[string]string, opts Options) result {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	return evaluateDir(t, dir, opts)
}

// evaluateWithin is evaluate with the loader's bounds set to lim.
func evaluateWithin(t *testing.T, files map[string]string, opts Options, lim bounds.Limits) result {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	return evaluateDirWithin(t, dir, opts, lim)
}

// evaluateDir loads and evaluates a directory (see evaluate).
func evaluateDir(t *testing.T, dir string, opts Options) result {
	t.Helper()
	return evaluateDirWithin(t, dir, opts, bounds.Defaults())
}

// evaluateDirWithin is evaluateDir with the loader's bounds set to lim.
func evaluateDirWithin(t *testing.T, dir string, opts Options, lim bounds.Limits) result {
	t.Helper()
	l := NewLoader(schema.NewCatalog())
	l.SetLimits(lim)
	cfg, diags := l.Load([]string{dir})
	res := result{dir: dir, cfg: cfg, diags: diags}
	if diags.HasErrors() {
		return res
	}
	m, moreDiags := l.Evaluate(context.Background(), cfg, opts)
	res.model = m
	res.diags = append(res.diags, moreDiags...)
	return res
}

// mustEvaluate is evaluate for inputs that must give no diagnostics at all.
func mustEvaluate(t *testing.T, files map[string]string, opts Options) *Model {
	t.Helper()
	res := evaluate(t, files, opts)
	if len(res.diags) > 0 {
		t.Fatalf("got diagnostics %q, want none", res.diagStrings())
	}
	return res.model
}

// hcl1 is a one-file configuration named main.hcl.
func hcl1(src string) map[string]string { return map[string]string{"main.hcl": src} }

// diagStrings renders the diagnostics compactly, file names relative to the
// configuration directory (see diagString).
func (r result) diagStrings() []string {
	out := make([]string, 0, len(r.diags))
	for _, d := range r.diags {
		out = append(out, diagString(r.dir, d))
	}
	return out
}

// diagString renders a diagnostic as
// "[warning: ]FILE:LINE,COL-COL: Summary; Detail" (the range as
// hcl.Range.String writes it, "-" for none). File names in the detail are
// made relative to dir too.
func diagString(dir string, d *hcl.Diagnostic) string {
	rng := "-"
	if d.Subject != nil {
		s := *d.Subject
		name := s.Filename
		if rel, err := filepath.Rel(dir, name); err == nil && !strings.HasPrefix(rel, "..") {
			name = filepath.ToSlash(rel)
		}
		if s.Start.Line == s.End.Line {
			rng = fmt.Sprintf("%s:%d,%d-%d", name, s.Start.Line, s.Start.Column, s.End.Column)
		} else {
			rng = fmt.Sprintf("%s:%d,%d-%d,%d", name, s.Start.Line, s.Start.Column, s.End.Line, s.End.Column)
		}
	}
	prefix := ""
	if d.Severity == hcl.DiagWarning {
		prefix = "warning: "
	}
	detail := strings.ReplaceAll(d.Detail, dir+string(filepath.Separator), "")
	return fmt.Sprintf("%s%s: %s; %s", prefix, rng, d.Summary, detail)
}

// inst returns the instance with the address (as Terraform writes it), or
// fails the test.
func inst(t *testing.T, m *Model, addr string) *Instance {
	t.Helper()
	a, diags := schema.ParseInstanceAddr(addr)
	if diags.HasErrors() {
		t.Fatalf("bad address %q: %s", addr, diags.Error())
	}
	i := m.Instance(a)
	if i == nil {
		t.Fatalf("got no instance %s, want one; instances: %v", addr, instanceAddrs(m.Instances))
	}
	return i
}

// instanceAddrs returns the addresses of the instances as strings.
func instanceAddrs(insts []*Instance) []string {
	out := []string{}
	for _, i := range insts {
		out = append(out, i.Addr.String())
	}
	return out
}

// linkStrings renders links as "FROM.PATH -> TO".
func linkStrings(ls []Link) []string {
	out := []string{}
	for _, l := range ls {
		out = append(out, fmt.Sprintf("%s.%s -> %s", l.From.Addr, l.Path, l.To.Addr))
	}
	return out
}

// allLinks renders every link of the model, sorted.
func allLinks(m *Model) []string {
	out := []string{}
	for _, i := range m.Instances {
		out = append(out, linkStrings(i.AllLinks())...)
	}
	sort.Strings(out)
	return out
}

// knownValues returns an Options.Known that gives, for each instance
// address, an object with the given attributes (other attributes are
// unknown and filled from the configuration).
func knownValues(t *testing.T, vals map[string]map[string]cty.Value) func(schema.InstanceAddr) (cty.Value, bool) {
	t.Helper()
	byAddr := map[schema.InstanceAddr]cty.Value{}
	for s, attrs := range vals {
		a, diags := schema.ParseInstanceAddr(s)
		if diags.HasErrors() {
			t.Fatalf("bad address %q: %s", s, diags.Error())
		}
		byAddr[a] = cty.ObjectVal(attrs)
	}
	return func(a schema.InstanceAddr) (cty.Value, bool) {
		v, ok := byAddr[a]
		return v, ok
	}
}

// strAttr returns a top-level attribute of an instance rendered for
// comparison: its string value, "(unknown)", "(null)" or its GoString.
func strAttr(i *Instance, name string) string {
	v := i.Attr(name)
	switch {
	case v == cty.NilVal:
		return "(no such attribute)"
	case !v.IsKnown():
		return "(unknown)"
	case v.IsNull():
		return "(null)"
	case v.Type() == cty.String:
		return v.AsString()
	}
	return v.GoString()
}
