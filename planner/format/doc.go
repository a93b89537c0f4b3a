// Package format rewrites configuration files in the canonical style, as
// terraform fmt does: hclwrite's formatting (two-space indentation, aligned
// equals signs) plus Terraform's token rewrites (an interpolation-only
// string "${x}" becomes x). It reports and diffs what it changes through
// the writers it is given; it never prints on its own.
package format
