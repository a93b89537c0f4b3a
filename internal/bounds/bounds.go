// Package bounds describes the limits that keep vpcplan's work bounded on
// any input: each Bound names a limit, its default and the command-line
// option that raises it, and a Limits value holds the values in effect.
// main builds a Limits from the global options and passes it down; the
// code that enforces a bound reads it from the Limits it was given and,
// past the bound, reports an error naming the bound and its option.
package bounds

import "fmt"

// A Bound describes one limit. The bounds are the variables below; they
// are never modified.
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
}

// Exceeded returns the sentence that reports a value n past the bound
// whose value in effect is limit, without a final full stop: "it is 300
// levels deep, past the nesting depth bound of 256 (raise it with
// -max-nesting=N)".
func (b *Bound) Exceeded(what string, n, limit int64) string {
	return fmt.Sprintf("%s %d %s, past the %s bound of %d (raise it with %s=N)", what, n, b.Unit, b.Name, limit, b.Flag)
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

// Limits holds the value in effect of each bound, one field per Bound of
// the same name. A field of zero (or less) stands for its bound's
// default, so that the zero Limits is the defaults; code that enforces
// the bounds works on a value OrDefaults returned.
type Limits struct {
	FileSize      int64
	ConfigSize    int64
	ConfigTotal   int64
	Nesting       int64
	TemplateLines int64
	Instances     int64
	Elements      int64
	StringLength  int64
}

// Defaults returns the Limits with every bound at its default.
func Defaults() Limits { return Limits{}.OrDefaults() }

// OrDefaults returns l with each field of zero or less set to its bound's
// default.
func (l Limits) OrDefaults() Limits {
	for _, b := range All() {
		if p := l.field(b); *p <= 0 {
			*p = b.Default
		}
	}
	return l
}

// Get returns the value l gives bound b (b's default when l leaves it
// zero). b must be one of All.
func (l Limits) Get(b *Bound) int64 {
	if n := *l.field(b); n > 0 {
		return n
	}
	return b.Default
}

// Set sets the value of bound b in l; n <= 0 stands for the default. b
// must be one of All.
func (l *Limits) Set(b *Bound, n int64) { *l.field(b) = n }

// field returns the field of l that holds b's value.
func (l *Limits) field(b *Bound) *int64 {
	switch b {
	case FileSize:
		return &l.FileSize
	case ConfigSize:
		return &l.ConfigSize
	case ConfigTotal:
		return &l.ConfigTotal
	case Nesting:
		return &l.Nesting
	case TemplateLines:
		return &l.TemplateLines
	case Instances:
		return &l.Instances
	case Elements:
		return &l.Elements
	case StringLength:
		return &l.StringLength
	}
	panic(fmt.Sprintf("bounds: %q is not one of the bounds", b.Name))
}
