package funcs

import (
	"crypto/sha256"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/exprbound"
)

// templateCache keeps the templates templatefile parsed, by their path and
// text, for the life of one function table: hcl parses a template in time
// quadratic in its lines, and a call repeated by count or for_each (and
// the type check before each call) would parse the same text again. A kept
// template is prepared (exprbound) before it is shared; hcl evaluates one
// syntax tree concurrently in distinct contexts, and each call renders in
// its own. It is safe for concurrent use.
type templateCache struct {
	mu     sync.Mutex
	parsed map[[sha256.Size]byte]hclsyntax.Expression
}

// parse returns the template src of the file path, parsed and prepared; a
// template that does not parse is not kept.
func (c *templateCache) parse(src []byte, path string) (hclsyntax.Expression, hcl.Diagnostics) {
	h := sha256.New()
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write(src)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	c.mu.Lock()
	defer c.mu.Unlock()
	if expr, ok := c.parsed[key]; ok {
		return expr, nil
	}
	expr, diags := hclsyntax.ParseTemplate(src, path, hcl.Pos{Line: 1, Column: 1, Byte: 0})
	if diags.HasErrors() {
		return nil, diags
	}
	exprbound.PrepareExpr(expr)
	if c.parsed == nil {
		c.parsed = map[[sha256.Size]byte]hclsyntax.Expression{}
	}
	c.parsed[key] = expr
	return expr, diags
}
