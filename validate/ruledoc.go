package validate

import (
	"embed"
	"strings"
)

//go:embed docs/*.md
var docFiles embed.FS

// HowToFix returns the "How to fix" section of a rule's documentation
// page (docs/<id>.md), without its heading and trimmed, or "" when the
// rule has no page or the page no such section.
func HowToFix(id string) string {
	src, err := docFiles.ReadFile("docs/" + id + ".md")
	if err != nil {
		return ""
	}
	_, rest, ok := strings.Cut(string(src), "\n## How to fix\n")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "\n## "); i >= 0 {
		rest = rest[:i]
	}
	return strings.TrimSpace(rest)
}
