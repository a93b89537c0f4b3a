package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// extractBounds removes the global -max-* options (internal/bounds) from
// the options before the subcommand and returns the limits they give, the
// others at their defaults. main passes the limits to the commands.
func extractBounds(args []string) ([]string, bounds.Limits, error) {
	lim := bounds.Defaults()
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
			return args, bounds.Defaults(), fmt.Errorf("%s must be a positive whole number of %s, like %s=%d", b.Flag, b.Unit, b.Flag, b.Default)
		}
		lim.Set(b, n)
	}
	return out, lim, nil
}

// boundsUsage lists the bounds in the global options' help.
func boundsUsage() string {
	var sb strings.Builder
	for _, b := range bounds.All() {
		fmt.Fprintf(&sb, "  %s=N\n                Bound on %s (default %d %s); see docs/reliability.md.\n", b.Flag, b.Name, b.Default, b.Unit)
	}
	return sb.String()
}

// newLoader returns a configuration loader for catalog that works within
// the bounds the global options set.
func newLoader(env *environment, catalog *schema.Catalog) *config.Loader {
	l := config.NewLoader(catalog)
	l.SetLimits(env.limits)
	return l
}
