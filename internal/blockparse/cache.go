package blockparse

import (
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// cachedPart is a part's parse and where its text started then.
type cachedPart struct {
	start hcl.Pos
	body  *hclsyntax.Body
}

// Cache parses files with ParseFile and keeps, for each file name, the
// parts of its latest successful parse by their text, so that the next
// parse of the same file reuses every part whose text is unchanged: as it
// is when it starts where it did, moved (rebase) when an edit before it
// moved it. It holds at most one parse per file name. The bodies it
// returns are shared between parses and must not be changed. It is safe
// for concurrent use.
type Cache struct {
	mu    sync.Mutex
	files map[string]map[string]cachedPart
	// prepare, when not nil, is given every file body parsed, before any
	// of its parts is kept (and so before another parse can share them).
	prepare func(*hclsyntax.Body)
}

// NewCache returns an empty cache. prepare, when not nil, may change each
// body parsed once, before the cache shares it (exprbound.Prepare); it
// must leave a body it prepared before as it is, and a moved part keeps
// what it did (see rebase).
func NewCache(prepare func(*hclsyntax.Body)) *Cache {
	return &Cache{files: map[string]map[string]cachedPart{}, prepare: prepare}
}

// Parse parses src, the contents of the file filename, reusing the parts
// of the file's previous parse whose text did not change.
func (c *Cache) Parse(src []byte, filename string) (*hcl.File, hcl.Diagnostics) {
	c.mu.Lock()
	prev := c.files[filename]
	c.mu.Unlock()
	next := map[string]cachedPart{} // ParseFile calls keep in order, reuse concurrently
	reuse := func(p []byte, start hcl.Pos) *hclsyntax.Body {
		old, ok := prev[string(p)]
		if !ok {
			return nil
		}
		if old.start == start {
			return old.body
		}
		return rebase(old.body, start.Byte-old.start.Byte, start.Line-old.start.Line)
	}
	keep := func(p []byte, start hcl.Pos, body *hclsyntax.Body) {
		if _, dup := next[string(p)]; !dup {
			next[string(p)] = cachedPart{start: start, body: body}
		}
	}
	f, diags := ParseFile(src, filename, reuse, keep)
	if body, ok := bodyOf(f); ok && c.prepare != nil {
		c.prepare(body)
	}
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

func bodyOf(f *hcl.File) (*hclsyntax.Body, bool) {
	if f == nil {
		return nil, false
	}
	b, ok := f.Body.(*hclsyntax.Body)
	return b, ok
}
