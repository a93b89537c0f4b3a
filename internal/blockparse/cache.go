package blockparse

import (
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// partKey identifies a part's parse: its text and where it starts (the
// ranges in its body depend on both).
type partKey struct {
	src   string
	start hcl.Pos
}

// Cache parses files with ParseFile and keeps, for each file name, the
// parts of its latest successful parse, so that the next parse of the same
// file reuses every part whose text and position are unchanged. It holds
// at most one parse per file name. The bodies it returns are shared
// between parses and must not be changed. It is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	files map[string]map[partKey]*hclsyntax.Body
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{files: map[string]map[partKey]*hclsyntax.Body{}}
}

// Parse parses src, the contents of the file filename, reusing the parts
// of the file's previous parse that did not change.
func (c *Cache) Parse(src []byte, filename string) (*hcl.File, hcl.Diagnostics) {
	c.mu.Lock()
	prev := c.files[filename]
	c.mu.Unlock()
	next := map[partKey]*hclsyntax.Body{}
	reuse := func(p []byte, start hcl.Pos) *hclsyntax.Body {
		return prev[partKey{string(p), start}]
	}
	keep := func(p []byte, start hcl.Pos, body *hclsyntax.Body) {
		next[partKey{string(p), start}] = body
	}
	f, diags := ParseFile(src, filename, reuse, keep)
	if len(next) > 0 {
		c.mu.Lock()
		c.files[filename] = next
		c.mu.Unlock()
	}
	return f, diags
}

// Forget drops what the cache holds for filename (a closed document).
func (c *Cache) Forget(filename string) {
	c.mu.Lock()
	delete(c.files, filename)
	c.mu.Unlock()
}
