package funcs

import (
	"sync"
	"testing"
)

// TestTemplateCache: the same path and text give the same parsed template,
// other text or another path a new one, a template that does not parse is
// reported each time and not kept, and concurrent callers share one parse.
func TestTemplateCache(t *testing.T) {
	var c templateCache
	a, diags := c.parse([]byte("Hello, ${name}!"), "a.tmpl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if again, _ := c.parse([]byte("Hello, ${name}!"), "a.tmpl"); again != a {
		t.Error("the same template was parsed again")
	}
	if other, _ := c.parse([]byte("Hello, ${other}!"), "a.tmpl"); other == a {
		t.Error("changed text gave the kept template")
	}
	if other, _ := c.parse([]byte("Hello, ${name}!"), "b.tmpl"); other == a {
		t.Error("another path gave the kept template")
	}
	for range 2 {
		if _, diags := c.parse([]byte("${"), "bad.tmpl"); !diags.HasErrors() {
			t.Error("a template that does not parse gave no error")
		}
	}
	if len(c.parsed) != 3 {
		t.Errorf("kept %d templates, want 3", len(c.parsed))
	}
	var wg sync.WaitGroup
	got := make([]any, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = c.parse([]byte("%{for x in xs}${x}%{endfor}"), "c.tmpl")
		}()
	}
	wg.Wait()
	for _, g := range got[1:] {
		if g != got[0] {
			t.Error("concurrent callers got different parses")
		}
	}
}
