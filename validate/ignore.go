package validate

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/suggest"
)

// ignorePattern matches an inline ignore comment: `# vpcplan-ignore: a, b`
// (or `//`).
var ignorePattern = regexp.MustCompile(`^(?:#|//)\s*vpcplan-ignore:\s*(.*?)\s*$`)

// ignoreMarker is in every file that has an ignore comment.
var ignoreMarker = []byte("vpcplan-ignore")

// Ignore is one inline ignore comment and the block or attribute it
// applies to: the one starting on the line below the comment (or below a
// run of comment lines it belongs to), or the one on the same line when the
// comment ends it.
type Ignore struct {
	IDs []string
	// Comment is the comment's range; Target the range of the block or
	// attribute it suppresses diagnostics in.
	Comment hcl.Range
	Target  hcl.Range
}

// FindIgnores returns the ignore comments of the files, sorted by
// position. Comments that apply to nothing (no block or attribute follows)
// are returned with an empty Target; ApplyIgnores reports them.
func FindIgnores(files map[string]*hcl.File) []*Ignore {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []*Ignore
	for _, name := range names {
		f := files[name]
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok || !bytes.Contains(f.Bytes, ignoreMarker) {
			// Lexing is most of the cost, and most files have no ignore.
			continue
		}
		tokens, _ := hclsyntax.LexConfig(f.Bytes, name, hcl.InitialPos)
		// The first line of each line that has a token other than a
		// comment or newline: trailing comments belong to that line.
		codeLines := map[int]bool{}
		for _, t := range tokens {
			if t.Type != hclsyntax.TokenComment && t.Type != hclsyntax.TokenNewline && t.Type != hclsyntax.TokenEOF {
				codeLines[t.Range.Start.Line] = true
			}
		}
		starts := targetsByLine(body)
		for _, t := range tokens {
			if t.Type != hclsyntax.TokenComment {
				continue
			}
			text := strings.TrimSpace(string(t.Bytes))
			m := ignorePattern.FindStringSubmatch(text)
			if m == nil {
				continue
			}
			ig := &Ignore{Comment: commentRange(t)}
			for _, id := range strings.Split(m[1], ",") {
				if id = strings.TrimSpace(id); id != "" {
					ig.IDs = append(ig.IDs, id)
				}
			}
			line := t.Range.Start.Line
			if !codeLines[line] {
				// Skip the rest of the comment run to the first code line.
				line++
				for line <= t.Range.Start.Line+64 && !codeLines[line] && !hasTarget(starts, line) {
					line++
				}
			}
			if rng, ok := starts[line]; ok {
				ig.Target = rng
			}
			out = append(out, ig)
		}
	}
	return out
}

// commentRange is a comment's range without its final newline.
func commentRange(t hclsyntax.Token) hcl.Range {
	rng := t.Range
	text := strings.TrimRight(string(t.Bytes), "\r\n")
	if len(text) == len(t.Bytes) {
		return rng
	}
	rng.End = hcl.Pos{Line: rng.Start.Line, Column: rng.Start.Column + utf8.RuneCountInString(text), Byte: rng.Start.Byte + len(text)}
	return rng
}

func hasTarget(starts map[int]hcl.Range, line int) bool {
	_, ok := starts[line]
	return ok
}

// targetsByLine maps each line to the widest block or attribute that
// starts on it, at any depth.
func targetsByLine(body *hclsyntax.Body) map[int]hcl.Range {
	out := map[int]hcl.Range{}
	var walk func(b *hclsyntax.Body)
	put := func(rng hcl.Range) {
		if cur, ok := out[rng.Start.Line]; !ok || rng.End.Byte-rng.Start.Byte > cur.End.Byte-cur.Start.Byte {
			out[rng.Start.Line] = rng
		}
	}
	walk = func(b *hclsyntax.Body) {
		for _, a := range b.Attributes {
			put(a.SrcRange)
		}
		for _, blk := range b.Blocks {
			put(blk.Range())
			walk(blk.Body)
		}
	}
	walk(body)
	return out
}

// ApplyIgnores drops the rule diagnostics an ignore comment suppresses: the
// comment lists the rule's id and the diagnostic's subject lies in the
// comment's target. It adds a warning for each comment that suppresses
// nothing, and for each id no rule has (with a suggestion).
func ApplyIgnores(diags hcl.Diagnostics, ignores []*Ignore, known []string) hcl.Diagnostics {
	used := make([]bool, len(ignores))
	var out hcl.Diagnostics
	for _, d := range diags {
		id := RuleID(d)
		suppressed := false
		if id != "" && d.Subject != nil {
			for i, ig := range ignores {
				if ig.Target.Filename == "" || !contains(ig.IDs, id) || !within(*d.Subject, ig.Target) {
					continue
				}
				used[i], suppressed = true, true
			}
		}
		if !suppressed {
			out = append(out, d)
		}
	}
	knownSet := map[string]bool{}
	for _, k := range known {
		knownSet[k] = true
	}
	for i, ig := range ignores {
		var unknown []string
		for _, id := range ig.IDs {
			if !knownSet[id] {
				unknown = append(unknown, id)
			}
		}
		switch {
		case len(unknown) > 0:
			detail := fmt.Sprintf("No rule has the id %q, so the comment suppresses nothing.", unknown[0])
			if s := suggest.Closest(unknown[0], known); s != "" {
				detail += fmt.Sprintf(" Did you mean %q?", s)
			}
			out = append(out, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Unknown rule in ignore comment", Detail: detail, Subject: ig.Comment.Ptr()})
		case ig.Target.Filename == "":
			out = append(out, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Ignore comment applies to nothing", Detail: "An ignore comment applies to the block or attribute on the line below it, or on its own line; none is there. Move the comment directly above the block or attribute whose diagnostics it should suppress.", Subject: ig.Comment.Ptr()})
		case !used[i]:
			out = append(out, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Unused ignore comment", Detail: fmt.Sprintf("The comment ignores %s, but no such diagnostic is reported for the block or attribute below it. Remove the comment, or the ids that no longer apply.", strings.Join(ig.IDs, ", ")), Subject: ig.Comment.Ptr()})
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func within(inner, outer hcl.Range) bool {
	return inner.Filename == outer.Filename && inner.Start.Byte >= outer.Start.Byte && inner.Start.Byte <= outer.End.Byte
}
