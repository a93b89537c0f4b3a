package render

import (
	"fmt"
	"strings"
)

// Printable returns s with the characters a terminal would act on instead
// of showing escaped as Go escapes them ("\x1b", "\r", "\u202e"): control
// characters other than newline and tab, DEL, the C1 controls and the
// bidirectional overrides. Human output passes file names, values and
// messages through it, so that a file name or a tag cannot move the
// cursor, clear the screen or reorder what is shown; JSON output needs
// nothing, as JSON escapes control characters itself.
func Printable(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case isBidi(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(s string) bool {
	for _, r := range s {
		if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || isBidi(r)) {
			return true
		}
	}
	return false
}

// isBidi reports the bidirectional embedding, override and isolate
// controls, which reorder the text around them.
func isBidi(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}
