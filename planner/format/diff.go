package format

import (
	"fmt"
	"path/filepath"
	"strings"
)

// diffContext is the number of unchanged lines around each hunk, as in
// `diff -u`.
const diffContext = 3

// unifiedDiff returns the differences between before and after in the
// format of `diff -u --label=old/PATH --label=new/PATH`, which is what
// terraform fmt -diff prints: "--- old/PATH" and "+++ new/PATH" headers,
// "@@ -l,s +l,s @@" hunks with three lines of context, and
// "\ No newline at end of file" after a last line without one. It returns
// "" when before and after are equal. The edit script is minimal (Myers'
// algorithm in linear space).
func unifiedDiff(path string, before, after []byte) string {
	a, b := splitLines(string(before)), splitLines(string(after))
	ops := editScript(a, b)
	hunks := groupHunks(ops)
	if len(hunks) == 0 {
		return ""
	}
	name := filepath.ToSlash(path)
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- old/%s\n+++ new/%s\n", name, name)
	for _, h := range hunks {
		var aStart, bStart, aLen, bLen int
		aStart, bStart = h[0].ai, h[0].bi
		for _, o := range h {
			switch o.kind {
			case ' ':
				aLen++
				bLen++
			case '-':
				aLen++
			case '+':
				bLen++
			}
		}
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
		for _, o := range h {
			line := o.line
			sb.WriteByte(o.kind)
			sb.WriteString(line)
			if !strings.HasSuffix(line, "\n") {
				sb.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	return sb.String()
}

// hunkRange formats one side of a hunk header as GNU diff does: "l" for a
// single line, "l,n" otherwise, where an empty range names the line before
// it ("0,0" at the top of the file).
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits s after each newline; a last line without a newline is
// kept as is, so "x" and "x\n" are different lines.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// op is one line of an edit script: kind is ' ' (in both), '-' (only in
// a) or '+' (only in b). ai and bi count the lines of a and b before it.
type op struct {
	kind   byte
	line   string
	ai, bi int
}

// editScript returns a minimal edit script turning a into b, with each
// change's deletions before its insertions, as diff prints them.
func editScript(a, b []string) []op {
	// Compare small integers rather than strings.
	ids := make(map[string]int)
	intern := func(lines []string) []int {
		out := make([]int, len(lines))
		for i, l := range lines {
			id, ok := ids[l]
			if !ok {
				id = len(ids)
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	m := &myers{a: intern(a), b: intern(b)}
	m.deleted = make([]bool, len(a))
	m.inserted = make([]bool, len(b))
	m.compare(0, len(a), 0, len(b))

	var ops []op
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && m.deleted[i]:
			ops = append(ops, op{'-', a[i], i, j})
			i++
		case j < len(b) && m.inserted[j]:
			ops = append(ops, op{'+', b[j], i, j})
			j++
		default:
			ops = append(ops, op{' ', a[i], i, j})
			i++
			j++
		}
	}
	return ops
}

// groupHunks cuts an edit script into hunks: each change with up to
// diffContext unchanged lines either side, merging changes whose gap is at
// most twice that (so contexts would touch or overlap), as diff does.
func groupHunks(ops []op) [][]op {
	var hunks [][]op
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(0, i-diffContext)
		last := i // last change in this hunk
		for j := i + 1; j < len(ops) && j-last-1 <= 2*diffContext; j++ {
			if ops[j].kind != ' ' {
				last = j
			}
		}
		end := min(len(ops), last+1+diffContext)
		hunks = append(hunks, ops[start:end])
		i = last + 1
	}
	return hunks
}

// myers marks the lines of a to delete and of b to insert, using the
// linear-space variant of Myers' O(ND) algorithm: find a point on an
// optimal path near the middle, then solve both halves. Memory is O(N+M)
// and time O((N+M)·D), so a large file with few changes is cheap.
type myers struct {
	a, b              []int
	deleted, inserted []bool
}

func (m *myers) compare(aLo, aHi, bLo, bHi int) {
	for aLo < aHi && bLo < bHi && m.a[aLo] == m.b[bLo] {
		aLo++
		bLo++
	}
	for aLo < aHi && bLo < bHi && m.a[aHi-1] == m.b[bHi-1] {
		aHi--
		bHi--
	}
	switch {
	case aLo == aHi:
		for j := bLo; j < bHi; j++ {
			m.inserted[j] = true
		}
	case bLo == bHi:
		for i := aLo; i < aHi; i++ {
			m.deleted[i] = true
		}
	default:
		x, y := m.split(aLo, aHi, bLo, bHi)
		if (x == aLo && y == bLo) || (x == aHi && y == bHi) {
			// Cannot happen (see split); recursing would never end, so
			// settle for replacing the whole range.
			m.compare(aLo, aHi, bHi, bHi)
			m.compare(aHi, aHi, bLo, bHi)
			return
		}
		m.compare(aLo, x, bLo, y)
		m.compare(x, aHi, y, bHi)
	}
}

// onGrid reports whether x, stored for diagonal k, is a point reached
// inside the n×mm edit grid (not unset, and not run off an edge).
func onGrid(x, k, n, mm int) bool {
	return x >= 0 && x <= n && x-k >= 0 && x-k <= mm
}

// split returns a point (x, y) on an optimal edit path from (aLo, bLo) to
// (aHi, bHi), found by searching forward from the start and backward from
// the end until the two searches overlap. The inputs are non-empty and
// differ in their first and last lines, so the point is strictly inside
// the problem on at least one axis and both halves are smaller.
func (m *myers) split(aLo, aHi, bLo, bHi int) (int, int) {
	n, mm := aHi-aLo, bHi-bLo
	maxD := (n + mm + 1) / 2
	off := maxD + 1
	vf := make([]int, 2*off+1) // furthest x reached forward on diagonal k = x-y
	vb := make([]int, 2*off+1) // furthest x reached backward, from the end
	for i := range vf {
		vf[i], vb[i] = -1, -1
	}
	vf[off+1], vb[off+1] = 0, 0
	delta := n - mm
	odd := delta%2 != 0
	// k bounds trimmed once a path runs off the edit grid.
	kfStart, kfEnd, kbStart, kbEnd := 0, 0, 0, 0
	for d := 0; d <= maxD; d++ {
		for k := -d + kfStart; k <= d-kfEnd; k += 2 {
			var x int
			if k == -d || (k != d && vf[off+k-1] < vf[off+k+1]) {
				x = vf[off+k+1]
			} else {
				x = vf[off+k-1] + 1
			}
			y := x - k
			for x < n && y < mm && m.a[aLo+x] == m.b[bLo+y] {
				x++
				y++
			}
			vf[off+k] = x
			switch {
			case x > n:
				kfEnd += 2
			case y > mm:
				kfStart += 2
			case odd:
				kb := delta - k
				if kb >= -d+1 && kb <= d-1 && onGrid(vb[off+kb], kb, n, mm) && x >= n-vb[off+kb] {
					return aLo + x, bLo + y
				}
			}
		}
		for k := -d + kbStart; k <= d-kbEnd; k += 2 {
			var x int
			if k == -d || (k != d && vb[off+k-1] < vb[off+k+1]) {
				x = vb[off+k+1]
			} else {
				x = vb[off+k-1] + 1
			}
			y := x - k
			for x < n && y < mm && m.a[aHi-1-x] == m.b[bHi-1-y] {
				x++
				y++
			}
			vb[off+k] = x
			switch {
			case x > n:
				kbEnd += 2
			case y > mm:
				kbStart += 2
			case !odd:
				kf := delta - k
				if kf >= -d && kf <= d && onGrid(vf[off+kf], kf, n, mm) && vf[off+kf] >= n-x {
					xf := vf[off+kf]
					return aLo + xf, bLo + xf - kf
				}
			}
		}
	}
	// Unreachable: the searches always meet by d = maxD. Fall back to a
	// correct, if not minimal, split.
	return aLo + n, bLo
}
