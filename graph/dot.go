package graph

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strings"
)

// DOT writes g in Graphviz DOT format, in the style of Terraform's resource
// graph (`terraform graph`, v1.7 and later):
//
//	digraph G {
//	  rankdir = "RL";
//	  node [shape = rect, fontname = "sans-serif"];
//	  "a" [label="a"];
//	  "b" [label="b"];
//	  "b" -> "a";
//	}
//
// label gives each vertex's text, used both as its DOT identifier and its
// label, so it must be injective. Nodes are written in vertex order, then
// edges sorted by dependent and then dependency. An edge points from the
// dependent to its dependency, as Connect does. Quotes, backslashes and
// newlines in labels are escaped. DOT returns the first write error.
func (g *Graph[K]) DOT(w io.Writer, label func(K) string) error {
	rank, byRank := g.ranks()
	quoted := make([]string, len(g.keys))
	for id, k := range g.keys {
		quoted[id] = dotQuote(label(k))
	}

	bw := bufio.NewWriter(w)
	bw.WriteString("digraph G {\n")
	bw.WriteString("  rankdir = \"RL\";\n")
	bw.WriteString("  node [shape = rect, fontname = \"sans-serif\"];\n")
	for _, id := range byRank {
		bw.WriteString("  " + quoted[id] + " [label=" + quoted[id] + "];\n")
	}
	var ds []int32
	for _, f := range byRank {
		ds = append(ds[:0], g.deps[f]...)
		slices.SortFunc(ds, func(a, b int32) int { return cmp.Compare(rank[a], rank[b]) })
		for _, t := range ds {
			bw.WriteString("  " + quoted[f] + " -> " + quoted[t] + ";\n")
		}
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`)

// dotQuote returns s as a DOT double-quoted string.
func dotQuote(s string) string {
	return `"` + dotEscaper.Replace(s) + `"`
}
