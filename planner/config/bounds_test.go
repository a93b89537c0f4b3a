package config

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/schema"
)

// TestNestingBound: input nested deeper than the bound is an error located
// at the first byte past it, before hcl's recursive parser sees it (at
// 100,000 levels the parser overflows the stack); nesting inside strings
// and comments does not count, and ordinary nesting passes.
func TestNestingBound(t *testing.T) {
	deep := func(open, close string, n int) string {
		return strings.Repeat(open, n) + strings.Repeat(close, n)
	}
	tests := map[string]struct {
		name, src string
		want      []string
	}{
		"brackets":            {"main.tf", "locals { x = " + deep("[", "]", 100000) + " }\n", []string{"main.tf:1,269-270 Configuration nested too deeply"}},
		"objects":             {"main.tf", "locals { x = " + deep("{a=", "}", 100000) + " }\n", []string{"main.tf:1,779-780 Configuration nested too deeply"}},
		"parentheses":         {"main.tf", "locals { x = " + deep("(", ")", 100000) + "1 }\n", []string{"main.tf:1,269-270 Configuration nested too deeply"}},
		"unary":               {"main.tf", "locals { x = " + strings.Repeat("!", 100000) + "true }\n", []string{"main.tf:1,269-270 Configuration nested too deeply"}},
		"templates":           {"main.tf", "locals { x = " + deep(`"${`, `}"`, 100000) + " }\n", []string{"main.tf:1,397-398 Configuration nested too deeply"}},
		"json":                {"main.tf.json", `{"locals": {"x": ` + deep("[", "]", 100000) + `}}`, []string{"main.tf.json:1,272-273 Configuration nested too deeply"}},
		"256 levels":          {"main.tf", "locals { x = " + deep("[", "]", 254) + " }\n", nil},
		"brackets in string":  {"main.tf", "locals { x = \"" + strings.Repeat("[{(", 1000) + "\" }\n", nil},
		"brackets in comment": {"main.tf", "# " + strings.Repeat("[", 1000) + "\nlocals { x = 1 }\n", nil},
		"heredoc":             {"main.tf", "locals {\n  x = <<-EOT\n" + strings.Repeat("[", 1000) + "\n  EOT\n  y = [1]\n}\n", nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, diags := NewLoader(nil).ParseSource([]byte(tc.src), tc.name)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			var got []string
			for _, d := range diags {
				if d.Summary == "Configuration nested too deeply" {
					got = append(got, d.Subject.Filename+":"+rangeText(d.Subject)+" "+d.Summary)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func rangeText(r *hcl.Range) string {
	return strings.Join([]string{itoa(r.Start.Line), ",", itoa(r.Start.Column), "-", itoa(r.End.Column)}, "")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestInstanceAndElementBounds: count, for_each and the functions that
// build large values stop at their bound with an error at the expression,
// at once.
func TestInstanceAndElementBounds(t *testing.T) {
	tests := map[string]struct {
		src  string
		want string
	}{
		"count":            {"resource \"aws_vpc\" \"a\" {\n  count      = 1e9\n  cidr_block = \"10.0.0.0/16\"\n}\n", "main.tf:2,16-19 Too many instances: The \"count\" argument asks for more instances than vpcplan makes of one block: it gives 1000000000 instances, past the instances per block bound of 100000 (raise it with -max-instances=N)."},
		"module count":     {"module \"m\" {\n  source = \"./m\"\n  count  = 200000\n}\n", "main.tf:3,12-18 Too many instances: The \"count\" argument asks for more instances than vpcplan makes of one block: it gives 200000 instances, past the instances per block bound of 100000 (raise it with -max-instances=N)."},
		"range":            {"locals {\n  x = range(1e9)\n}\n", "main.tf:2,13-16 Invalid function argument"},
		"for over a range": {"locals {\n  x = [for i in range(10000000) : i]\n}\n", "main.tf:2,23-31 Invalid function argument"},
		"setproduct":       {"locals {\n  x = setproduct(range(1000), range(1000), range(1000))\n}\n", "main.tf:2,18-24 Invalid function argument"},
		// A set of 40,000 elements counts 64 times each (go-cty sorts a
		// set each time it reads it): 2,560,000.
		"setproduct of sets": {"locals {\n  x = setproduct(toset(range(200)), toset(range(200)))\n}\n", "main.tf:2,18-24 Invalid function argument: Invalid value for \"sets\" parameter: the call gives a set of 40000 elements, which go-cty sorts each time it reads the set, so that each element counts 64 times: as if it had 2560000 elements, past the elements per expression bound of 1000000 (raise it with -max-elements=N)."},
		"format width":       {"locals {\n  x = format(\"%1000000000s\", \"x\")\n}\n", "main.tf:2,15-27 Invalid function argument"},
		"dynamic blocks":     {"resource \"aws_security_group\" \"a\" {\n  name = \"a\"\n  dynamic \"ingress\" {\n    for_each = setproduct(range(1000), range(200))\n    content {\n      from_port = 443\n      to_port   = 443\n      protocol  = \"tcp\"\n    }\n  }\n}\n", "main.tf:4,16-51 Too many dynamic blocks: The \"for_each\" argument of this dynamic block asks for more blocks than vpcplan makes of one block: it gives 200000 blocks, past the instances per block bound of 100000 (raise it with -max-instances=N)."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			res := evaluate(t, map[string]string{"main.tf": tc.src, "m/main.tf": "variable \"x\" {\n  default = 1\n}\n"}, Options{Mode: ValidateMode})
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			if len(res.diags) == 0 {
				t.Fatal("got no diagnostics")
			}
			d := res.diags[0]
			got := "main.tf:" + rangeText(d.Subject) + " " + d.Summary
			if strings.Contains(tc.want, ": ") {
				got += ": " + d.Detail
			}
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if d.Summary == "Invalid function argument" && !strings.Contains(d.Detail, "past the elements per expression bound of 1000000 (raise it with -max-elements=N)") {
				t.Errorf("detail %q does not name the bound and its option", d.Detail)
			}
		})
	}
}

// TestStringLengthBound: strings built past the string length bound stop
// with an error at the expression that built them, in bounded time:
// doubling locals at the first past the bound, and the functions that
// grow strings before they build them.
func TestStringLengthBound(t *testing.T) {
	var doubling strings.Builder
	doubling.WriteString("locals {\n  l0 = \"ab\"\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&doubling, "  l%d = \"${local.l%d}${local.l%d}\"\n", i, i-1, i-1)
	}
	doubling.WriteString("}\n")
	const mib = "local.s"
	tests := map[string]struct {
		src  string
		want string
	}{
		"doubling locals":  {doubling.String(), "main.tf:26,9-35 String too long: The value of local.l23 holds a string longer than vpcplan builds: it has 16777216 bytes, past the string length bound of 16777215 (raise it with -max-string-length=N)."},
		"join":             {"locals {\n  x = join(\"\", [for i in range(20) : " + mib + "])\n}\n", "main.tf:3,16-17 Invalid function argument: Invalid value for \"lists\" parameter: the call gives a string of 20971520 bytes, past the string length bound of 16777215 (raise it with -max-string-length=N)."},
		"format":           {"locals {\n  x = format(\"%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s\", " + mib + ")\n}\n", "main.tf:3,15-95 Invalid function argument"},
		"replace":          {"locals {\n  x = replace(\"aaaaaaaaaaaaaaaaa\", \"a\", " + mib + ")\n}\n", "main.tf:3,41-48 Invalid function argument"},
		"indent":           {"locals {\n  x = indent(1000000, join(\"\\n\", range(20)))\n}\n", "main.tf:3,14-21 Invalid function argument"},
		"jsonencode":       {"locals {\n  x = jsonencode([for i in range(20) : " + mib + "])\n}\n", "main.tf:3,7-18 Error in function call: Call to function \"jsonencode\" failed: the call gives a string of 20971581 bytes, past the string length bound of 16777215 (raise it with -max-string-length=N)."},
		"within the bound": {"locals {\n  x = join(\"\", [for i in range(15) : " + mib + "])\n}\n", ""},
	}
	lim := bounds.Limits{StringLength: 16<<20 - 1}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			// Line 2 of every case: local.s, a string of 1 MiB.
			src := strings.Replace(tc.src, "locals {\n", "locals {\n  s = join(\"\", [for i in range(1024) : \""+strings.Repeat("x", 1024)+"\"])\n", 1)
			res := evaluateWithin(t, map[string]string{"main.tf": src}, Options{Mode: ValidateMode}, lim)
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
			var got string
			for _, d := range res.diags {
				if d.Severity == hcl.DiagError {
					got = "main.tf:" + rangeText(d.Subject) + " " + d.Summary
					if strings.Contains(tc.want, ": ") {
						got += ": " + d.Detail
					}
					if !strings.Contains(d.Detail, "past the string length bound of 16777215 (raise it with -max-string-length=N)") {
						t.Errorf("detail %q does not name the bound and its option", d.Detail)
					}
					break
				}
			}
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestExpressionBudget: what for expressions and templates build inside
// one expression, where no function or local sees it, stops at the
// elements per expression and string length bounds (here 100,000 elements
// and 1 MiB), with one error at the for expression or template that passed
// them, in bounded time; work within the bounds is not stopped.
func TestExpressionBudget(t *testing.T) {
	lim := bounds.Limits{Elements: 100000, StringLength: 1 << 20}
	// 40 nested for expressions, each doubling a string in its collection.
	body := `"${v40}${v40}"`
	for i := 40; i >= 1; i-- {
		coll := "local.x"
		if i > 1 {
			coll = fmt.Sprintf(`"${v%d}${v%d}"`, i-1, i-1)
		}
		body = fmt.Sprintf("[for v%d in [%s] : %s]", i, coll, body)
	}
	nested := fmt.Sprintf("locals {\n  x = \"ab\"\n  d = %s\n}\n", body)
	elements := "they pass the elements per expression bound of 100000 (raise it with -max-elements=N)"
	text := "past the string length bound of 1048576 (raise it with -max-string-length=N)"
	kib := strings.Repeat("x", 1024)
	tests := map[string]struct {
		src string
		// want is the error's range, detail a part of its detail; ""
		// for no error.
		want, detail string
	}{
		// The template of level 19 builds 2 x 2^19 bytes.
		"nested doubling": {nested, "3,575-589", text},
		// 100 x 100 x 100 numbers.
		"nested product": {"locals {\n  x = [for a in range(100) : [for b in range(100) : [for c in range(100) : c]]]\n}\n", "2,53-78", elements},
		// range results built in the value: each counts 101.
		"built values": {"locals {\n  x = [for i in range(99) : [for j in range(99) : range(100)]]\n}\n", "2,29-62", elements},
		// The same 1 KiB string 2,048 times in one template.
		"template for": {"locals {\n  k = \"" + kib + "\"\n  x = \"%{for i in range(1024)}%{for j in range(2)}${local.k}%{endfor}%{endfor}\"\n}\n", "3,31-70", text},
		// 17 parts of 64 KiB in one template.
		"template parts": {"locals {\n  m = join(\"\", [for i in range(64) : \"" + kib + "\"])\n  x = \"" + strings.Repeat("${local.m}", 17) + "\"\n}\n", "3,7-179", text},
		// Sharing one value: [a, a] doubles what the next level holds.
		"shared values":     {"locals {\n  x = " + strings.Repeat("[for a in [", 25) + "1" + strings.Repeat("] : [a, a]]", 25) + "\n}\n", "2,", elements},
		"within the bounds": {"locals {\n  a = [for i in range(90) : \"a${i}\"]\n  b = [for i in range(1000) : \"b${i}\"]\n  x = [for a in local.a : [for b in local.b : \"${a}-${b}\"]]\n  y = \"%{for i in local.b}${i},%{endfor}\"\n  z = {for k, v in {a = 1, b = 2} : k => [for i in range(v) : \"${k}${i}\"]}\n}\n", "", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			res := evaluateWithin(t, map[string]string{"main.tf": tc.src}, Options{Mode: ValidateMode}, lim)
			var errs hcl.Diagnostics
			for _, d := range res.diags {
				if d.Severity == hcl.DiagError {
					errs = append(errs, d)
				}
			}
			if tc.want == "" {
				if len(errs) > 0 {
					t.Fatalf("got %v", errs)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
			}
			d := errs[0]
			if got := rangeText(d.Subject); !strings.HasPrefix(got, tc.want) {
				t.Errorf("range %s, want %s", got, tc.want)
			}
			if !strings.Contains(d.Detail, tc.detail) {
				t.Errorf("detail %q does not say %q", d.Detail, tc.detail)
			}
		})
	}
}

// TestConfigSizeBound: a file larger than the configuration file size
// bound is refused before it is parsed, with an error at its first byte
// past the bound; a file at the bound is parsed.
func TestConfigSizeBound(t *testing.T) {
	lim := bounds.Limits{ConfigSize: 64}
	line := "locals { x = 1 }\n" // 17 bytes
	tests := map[string]struct {
		src  string
		want []string
	}{
		"past the bound": {strings.Repeat(line, 4) + "# é\n", []string{"main.tf:4,14-15 Configuration file too large: This file is larger than vpcplan parses: it has 73 bytes, past the configuration file size bound of 64 (raise it with -max-config-size=N). Parsing takes about 100 bytes of memory for each byte of the file; if the machine has the memory, raise the bound. The file was not parsed."}},
		"at the bound":   {strings.Repeat(line, 3) + strings.Repeat("#", 12) + "\n", nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			l := NewLoader(nil)
			l.SetLimits(lim)
			_, diags := l.ParseSource([]byte(tc.src), "main.tf")
			var got []string
			for _, d := range diags {
				if d.Severity == hcl.DiagError {
					got = append(got, d.Subject.Filename+":"+rangeText(d.Subject)+" "+d.Summary+": "+d.Detail)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTemplateLinesBound: heredocs and multi-line strings of a file, and a
// template given to templatestring, with more lines than the template
// lines bound are refused before hcl, which melds their lines in time
// quadratic in their number, parses them; the error is at the first line
// past the bound.
func TestTemplateLinesBound(t *testing.T) {
	lim := bounds.Limits{TemplateLines: 100}
	heredoc := func(n int) string {
		return "locals {\n  x = <<EOT\n" + strings.Repeat("line\n", n) + "EOT\n}\n"
	}
	tests := map[string]struct {
		name, src string
		want      []string
	}{
		"heredoc":               {"main.tf", heredoc(101), []string{"main.tf:103,1-2 Templates too long: The heredocs and multi-line strings of this file have more lines than vpcplan parses: they reach 101 lines, past the template lines bound of 100 (raise it with -max-template-lines=N). hcl parses a template in time quadratic in its lines. Move long text into a file and read it with file(), or raise the bound. The file was not parsed."}},
		"two heredocs":          {"main.tf", heredoc(60) + heredoc(60), []string{"main.tf:106,1-2 Templates too long"}},
		"heredoc at the bound":  {"main.tf", heredoc(99), nil},
		"JSON string":           {"main.tf.json", `{"locals": {"x": "` + strings.Repeat(`line\n`, 101) + `"}}`, []string{"main.tf.json:1,623-625 Templates too long"}},
		"lines outside strings": {"main.tf", "locals {\n" + strings.Repeat("\n", 200) + "  x = 1\n}\n", nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			l := NewLoader(nil)
			l.SetLimits(lim)
			_, diags := l.ParseSource([]byte(tc.src), tc.name)
			var got []string
			for _, d := range diags {
				if d.Severity == hcl.DiagError {
					s := d.Subject.Filename + ":" + rangeText(d.Subject) + " " + d.Summary
					if len(tc.want) > 0 && strings.Contains(tc.want[0], ": The") {
						s += ": " + d.Detail
					}
					got = append(got, s)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("templatestring", func(t *testing.T) {
		src := "locals {\n  t = join(\"\\n\", range(102))\n  x = templatestring(local.t, {})\n}\n"
		res := evaluateWithin(t, map[string]string{"main.tf": src}, Options{Mode: ValidateMode}, lim)
		want := "main.tf:3,22-29 Invalid function argument: Invalid value for \"template\" parameter: the template has 101 lines, past the template lines bound of 100 (raise it with -max-template-lines=N); hcl parses a template in time quadratic in its lines."
		var got string
		for _, d := range res.diags {
			if d.Severity == hcl.DiagError {
				got = "main.tf:" + rangeText(d.Subject) + " " + d.Summary + ": " + d.Detail
				break
			}
		}
		if got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}

// TestConfigTotalBound: files that each pass the file size bound but
// together pass the total configuration size bound stop at the first file
// that crosses it, once, in the order the loader reads them.
func TestConfigTotalBound(t *testing.T) {
	dir := t.TempDir()
	sources := map[string][]byte{}
	size := 0
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		src := fmt.Sprintf("locals {\n  x_%s = 1\n}\n", n)
		size = len(src)
		sources[filepath.Join(dir, n+".tf")] = []byte(src)
	}
	l := NewLoader(schema.NewCatalog())
	l.SetLimits(bounds.Limits{ConfigTotal: int64(3*size + 1)})
	_, diags := l.LoadSources(sources, dir)
	var got []string
	for _, d := range diags {
		got = append(got, filepath.Base(d.Subject.Filename)+":"+rangeText(d.Subject)+" "+d.Summary+": "+d.Detail)
	}
	want := []string{fmt.Sprintf("d.tf:1,1-2 Configuration too large: The configuration's files together are larger than vpcplan parses: with this file they have %d bytes, past the total configuration size bound of %d (raise it with -max-config-total=N). Parsing takes about 100 bytes of memory for each byte of configuration; if the machine has the memory, raise the bound. This file and the ones after it were not parsed.", 4*size, 3*size+1)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	// At the bound: no error.
	l = NewLoader(schema.NewCatalog())
	l.SetLimits(bounds.Limits{ConfigTotal: int64(5 * size)})
	if _, diags := l.LoadSources(sources, dir); diags.HasErrors() {
		t.Errorf("at the bound: %v", diags)
	}
}
