// Package bounds holds the limits that keep vpcplan's work bounded on any
// input, their defaults, and the command-line options that raise them.
// main sets them once, from the global options, before any command runs;
// everything else only reads them. Past a bound, the code that enforces
// it reports an error naming the bound and its option.
package bounds

import (
	"fmt"
	"sync/atomic"
)

// A Bound is one limit.
type Bound struct {
	// Name is what error messages call the bound.
	Name string
	// Flag is the global option that sets it, as written on the command
	// line ("-max-file-size").
	Flag string
	// Default is its value when the option is not given.
	Default int64
	// Unit describes the value ("bytes").
	Unit string

	v atomic.Int64
}

// Value returns the bound in effect.
func (b *Bound) Value() int64 {
	if n := b.v.Load(); n > 0 {
		return n
	}
	return b.Default
}

// Set sets the bound; n <= 0 restores the default.
func (b *Bound) Set(n int64) { b.v.Store(n) }

// Exceeded returns the sentence that reports a value past the bound,
// without a final full stop: "it is 300 levels deep, past the nesting
// depth bound of 256 (raise it with -max-nesting=N)".
func (b *Bound) Exceeded(what string, n int64) string {
	return fmt.Sprintf("%s %d %s, past the %s bound of %d (raise it with %s=N)", what, n, b.Unit, b.Name, b.Value(), b.Flag)
}

// The bounds. Each default is far above what real configurations use and
// low enough that reaching it costs seconds and at most a few GiB.
var (
	// FileSize bounds every file vpcplan reads: configuration, variable
	// files, state, saved plans, and the files file() and the like read.
	FileSize = &Bound{Name: "file size", Flag: "-max-file-size", Default: 256 << 20, Unit: "bytes"}
	// ConfigSize bounds each configuration and variables file vpcplan
	// parses: hcl takes about 100 bytes of memory per byte of source.
	ConfigSize = &Bound{Name: "configuration file size", Flag: "-max-config-size", Default: 8 << 20, Unit: "bytes"}
	// ConfigTotal bounds the configuration files one load parses together
	// (the root module's and those of the modules it calls), so that a
	// configuration split over many files stays bounded too.
	ConfigTotal = &Bound{Name: "total configuration size", Flag: "-max-config-total", Default: 16 << 20, Unit: "bytes"}
	// Nesting bounds the nesting of brackets, braces, parentheses,
	// templates and unary operators in a configuration or variables file,
	// checked before the parser, which recurses once per level, sees it.
	Nesting = &Bound{Name: "nesting depth", Flag: "-max-nesting", Default: 256, Unit: "levels"}
	// TemplateLines bounds the lines of heredocs and multi-line strings in
	// one configuration file, and of one template templatefile or
	// templatestring parses: hcl melds the lines of a template in time
	// quadratic in their number (20,000 lines took 7.4 s, 80,000 lines
	// 107 s).
	TemplateLines = &Bound{Name: "template lines", Flag: "-max-template-lines", Default: 10000, Unit: "lines"}
	// Instances bounds the instances one resource, data or module block
	// expands to with count or for_each, and the blocks one dynamic block
	// expands to.
	Instances = &Bound{Name: "instances per block", Flag: "-max-instances", Default: 100000, Unit: "instances"}
	// Elements bounds the elements (or, for strings, bytes) one function
	// call produces: range, setproduct, format's width and the like.
	Elements = &Bound{Name: "elements per expression", Flag: "-max-elements", Default: 1000000, Unit: "elements"}
	// StringLength bounds the length of a string a function builds (join,
	// format, replace, indent, jsonencode, templatefile and the like,
	// checked before building where the length follows from the
	// arguments) and of every string in the value of a local or output.
	StringLength = &Bound{Name: "string length", Flag: "-max-string-length", Default: 16 << 20, Unit: "bytes"}
)

// All lists the bounds in the order help and docs show them.
func All() []*Bound {
	return []*Bound{FileSize, ConfigSize, ConfigTotal, Nesting, TemplateLines, Instances, Elements, StringLength}
}
