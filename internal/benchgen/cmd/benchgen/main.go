// Command benchgen writes a benchmark configuration into a directory, to
// measure the vpcplan binary on it:
//
//	go run ./internal/benchgen/cmd/benchgen -shape=a -n=100000 DIR
//	go run ./internal/benchgen/cmd/benchgen -shape=b -n=10000 DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/vpcplan/vpcplan/internal/benchgen"
)

func main() {
	shape := flag.String("shape", "a", "a: instances expanded from count and for_each; b: one block per instance")
	n := flag.Int("n", 100_000, "about how many resource instances")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: benchgen [-shape=a|b] [-n=N] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	got := *n
	var err error
	switch *shape {
	case "a":
		got, err = benchgen.Expanded(dir, *n)
	case "b":
		err = benchgen.Blocks(dir, *n)
	default:
		err = fmt.Errorf("unknown shape %q", *shape)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d instances into %s\n", got, dir)
}
