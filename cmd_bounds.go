package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vpcplan/vpcplan/internal/bounds"
)

// extractBounds removes the global -max-* options (internal/bounds) from
// the options before the subcommand, sets the bounds they give, and
// returns a function that restores the previous ones (tests call run in
// process).
func extractBounds(args []string) ([]string, func(), error) {
	type saved struct {
		b *bounds.Bound
		v int64
	}
	var prev []saved
	restore := func() {
		for _, s := range prev {
			s.b.Set(s.v)
		}
	}
	out := make([]string, 0, len(args))
	for i, a := range args {
		if !strings.HasPrefix(a, "-") {
			out = append(out, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a, "-"), "=")
		var b *bounds.Bound
		for _, x := range bounds.All() {
			if "-"+name == x.Flag || name == x.Flag {
				b = x
			}
		}
		if b == nil {
			out = append(out, a)
			continue
		}
		n, err := strconv.ParseInt(value, 10, 64)
		if !hasValue || err != nil || n <= 0 {
			restore()
			return args, func() {}, fmt.Errorf("%s must be a positive whole number of %s, like %s=%d", b.Flag, b.Unit, b.Flag, b.Default)
		}
		prev = append(prev, saved{b, b.Value()})
		b.Set(n)
	}
	return out, restore, nil
}

// boundsUsage lists the bounds in the global options' help.
func boundsUsage() string {
	var sb strings.Builder
	for _, b := range bounds.All() {
		fmt.Fprintf(&sb, "  %s=N\n                Bound on %s (default %d %s); see docs/reliability.md.\n", b.Flag, b.Name, b.Default, b.Unit)
	}
	return sb.String()
}
