package format

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The wants below are the output of GNU diff 3.8,
// `diff --label=old/f.tf --label=new/f.tf -u a b`.
func TestUnifiedDiff(t *testing.T) {
	tests := map[string]struct {
		before, after string
		want          string
	}{
		"equal":      {before: "a\nb\n", after: "a\nb\n", want: ""},
		"both empty": {want: ""},
		"into empty file": {
			before: "", after: "x\n",
			want: "--- old/f.tf\n+++ new/f.tf\n@@ -0,0 +1 @@\n+x\n",
		},
		"everything deleted": {
			before: "x\n", after: "",
			want: "--- old/f.tf\n+++ new/f.tf\n@@ -1 +0,0 @@\n-x\n",
		},
		"newline added at end of file": {
			before: "a\nb", after: "a\nb\n",
			want: "--- old/f.tf\n+++ new/f.tf\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
		},
		"changes 6 lines apart share a hunk": {
			before: "1\n2\n3\n4\n5\n6\n7\n8\n9\n",
			after:  "1\nX\n3\n4\n5\n6\n7\n8\nY\n",
			want:   "--- old/f.tf\n+++ new/f.tf\n@@ -1,9 +1,9 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+Y\n",
		},
		"changes 7 lines apart get two hunks": {
			before: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
			after:  "1\nX\n3\n4\n5\n6\n7\n8\n9\nY\n",
			want: "--- old/f.tf\n+++ new/f.tf\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n" +
				"@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+Y\n",
		},
		"three lines of context": {
			before: "a\nb\nc\nd\ne\nf\ng\nh\n",
			after:  "a\nb\nc\nd\nE\nf\ng\nh\n",
			want:   "--- old/f.tf\n+++ new/f.tf\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := unifiedDiff("f.tf", []byte(tt.before), []byte(tt.after))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("unifiedDiff() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUnifiedDiffRandom checks random inputs two ways: applying the diff's
// hunks to before gives after, and the number of changed lines is the
// minimum (computed by dynamic programming over the longest common
// subsequence).
func TestUnifiedDiffRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	gen := func() string {
		var sb strings.Builder
		for range rng.IntN(30) {
			sb.WriteString(string(rune('a'+rng.IntN(4))) + "\n")
		}
		s := sb.String()
		if s != "" && rng.IntN(4) == 0 {
			s = s[:len(s)-1] // no newline at end of file
		}
		return s
	}
	for i := range 2000 {
		before, after := gen(), gen()
		d := unifiedDiff("f.tf", []byte(before), []byte(after))
		got, changes, err := applyUnified(before, d)
		if err != nil {
			t.Fatalf("case %d: %v\nbefore %q\nafter %q\ndiff:\n%s", i, err, before, after, d)
		}
		if got != after {
			t.Fatalf("case %d: patched before = %q, want %q\ndiff:\n%s", i, got, after, d)
		}
		a, b := splitLinesOrNil(before), splitLinesOrNil(after)
		if want := len(a) + len(b) - 2*lcs(a, b); changes != want {
			t.Fatalf("case %d: diff changes %d lines, want the minimum %d\ndiff:\n%s", i, changes, want, d)
		}
	}
}

// TestUnifiedDiffLarge makes sure a big file with a few changes is cheap
// and correct (linear space, O(ND) time).
func TestUnifiedDiffLarge(t *testing.T) {
	var before, after strings.Builder
	for i := range 200_000 {
		line := "line " + strconv.Itoa(i) + "\n"
		before.WriteString(line)
		if i%50_000 == 7 {
			after.WriteString("changed\n")
			continue
		}
		after.WriteString(line)
	}
	d := unifiedDiff("f.tf", []byte(before.String()), []byte(after.String()))
	got, changes, err := applyUnified(before.String(), d)
	if err != nil || got != after.String() || changes != 8 {
		t.Fatalf("applying the diff: err %v, result equal %v, changes %d (want 8)", err, got == after.String(), changes)
	}
}

func splitLinesOrNil(s string) []string {
	if s == "" {
		return nil
	}
	return splitLines(s)
}

func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// applyUnified applies a unified diff to before, checking context lines
// and hunk header counts, and returns the result and the number of +/-
// lines.
func applyUnified(before, diff string) (string, int, error) {
	if diff == "" {
		return before, 0, nil
	}
	src := splitLinesOrNil(before)
	lines := strings.SplitAfter(diff, "\n")
	if len(lines) < 2 || lines[0] != "--- old/f.tf\n" || lines[1] != "+++ new/f.tf\n" {
		return "", 0, fmt.Errorf("bad headers")
	}
	var out []string
	pos, changes := 0, 0
	for i := 2; i < len(lines) && lines[i] != ""; {
		var as, al, bs, bl int
		h := lines[i]
		if _, err := fmt.Sscanf(expandRange(h), "@@ -%d,%d +%d,%d @@\n", &as, &al, &bs, &bl); err != nil {
			return "", 0, fmt.Errorf("bad hunk header %q: %v", h, err)
		}
		if al > 0 {
			as--
		}
		if as < pos {
			return "", 0, fmt.Errorf("overlapping hunk %q", h)
		}
		out = append(out, src[pos:as]...)
		pos = as
		i++
		na, nb := 0, 0
		for i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			i++
			if i < len(lines) && lines[i] == "\\ No newline at end of file\n" {
				l = strings.TrimSuffix(l, "\n")
				i++
			}
			kind, text := l[0], l[1:]
			switch kind {
			case ' ', '-':
				if pos >= len(src) || src[pos] != text {
					return "", 0, fmt.Errorf("line %d: context or deletion %q does not match %q", pos+1, text, src[min(pos, len(src)-1)])
				}
				pos++
				na++
				if kind == ' ' {
					out = append(out, text)
					nb++
				} else {
					changes++
				}
			case '+':
				out = append(out, text)
				nb++
				changes++
			default:
				return "", 0, fmt.Errorf("bad line %q", l)
			}
		}
		if na != al || nb != bl {
			return "", 0, fmt.Errorf("hunk %q has %d/%d lines", h, na, nb)
		}
	}
	out = append(out, src[pos:]...)
	return strings.Join(out, ""), changes, nil
}

// expandRange rewrites the short forms "-l" and "+l" of a hunk header to
// "-l,1" and "+l,1".
func expandRange(h string) string {
	f := strings.Fields(h)
	for i := 1; i <= 2 && len(f) > 2; i++ {
		if !strings.Contains(f[i], ",") {
			f[i] += ",1"
		}
	}
	return strings.Join(f, " ") + "\n"
}
