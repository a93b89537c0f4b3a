package lsp

import (
	"fmt"
	"github.com/creachadair/jrpc2"
	"net/url"
	"path/filepath"
	"sort"
	"sync"
)

// document is an open document: its latest text and version.
type document struct {
	uri     string
	path    string // absolute, cleaned
	version int
	text    *text
}

// documents holds the open documents by path. It is safe for concurrent
// use; the *document values it returns are immutable (an edit replaces
// the document).
type documents struct {
	mu     sync.Mutex
	byPath map[string]*document
}

func newDocuments() *documents { return &documents{byPath: map[string]*document{}} }

func (ds *documents) get(path string) *document {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	return ds.byPath[path]
}

func (ds *documents) open(uri, path string, version int, src string) *document {
	d := &document{uri: uri, path: path, version: version, text: newText([]byte(src))}
	ds.mu.Lock()
	ds.byPath[path] = d
	ds.mu.Unlock()
	return d
}

func (ds *documents) close(path string) {
	ds.mu.Lock()
	delete(ds.byPath, path)
	ds.mu.Unlock()
}

// change applies the changes in order, each to the result of the one
// before, as LSP specifies: a change without a range replaces the text.
func (ds *documents) change(path string, version int, changes []TextDocumentContentChangeEvent) (*document, error) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	d := ds.byPath[path]
	if d == nil {
		return nil, fmt.Errorf("document %s is not open", path)
	}
	src := d.text.src
	for _, c := range changes {
		if c.Range == nil {
			src = []byte(c.Text)
			continue
		}
		t := newText(src)
		start, end := t.offset(c.Range.Start), t.offset(c.Range.End)
		if end < start {
			start, end = end, start
		}
		next := make([]byte, 0, len(src)-(end-start)+len(c.Text))
		next = append(next, src[:start]...)
		next = append(next, c.Text...)
		next = append(next, src[end:]...)
		src = next
	}
	nd := &document{uri: d.uri, path: d.path, version: version, text: newText(src)}
	ds.byPath[path] = nd
	return nd, nil
}

// inDir returns the open documents whose file is directly in dir.
func (ds *documents) inDir(dir string) []*document {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	var out []*document
	for p, d := range ds.byPath {
		if filepath.Dir(p) == dir {
			out = append(out, d)
		}
	}
	return out
}

// dirs returns the directories holding open documents, sorted.
func (ds *documents) dirs() []string {
	ds.mu.Lock()
	seen := map[string]bool{}
	for p := range ds.byPath {
		seen[filepath.Dir(p)] = true
	}
	ds.mu.Unlock()
	out := make([]string, 0, len(seen))
	for d := range seen {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// uriToPath returns the cleaned absolute path of a file URI.
func uriToPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("invalid document URI %q: %w", uri, err)
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("unsupported document URI %q: only file URIs are served", uri)
	}
	p := u.Path
	if p == "" || !filepath.IsAbs(filepath.FromSlash(p)) {
		return "", fmt.Errorf("document URI %q has no absolute path", uri)
	}
	return filepath.Clean(filepath.FromSlash(p)), nil
}

// pathToURI returns the file URI of an absolute path.
func pathToURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// docAtNoAnalysis returns an open document; the requests that read only
// its text do not wait for an analysis.
func (s *Server) docAtNoAnalysis(uri string) (*document, string, error) {
	path, err := uriToPath(uri)
	if err != nil {
		return nil, "", &jrpc2.Error{Code: jrpc2.InvalidParams, Message: err.Error()}
	}
	d := s.docs.get(path)
	if d == nil {
		return nil, "", &jrpc2.Error{Code: jrpc2.InvalidParams, Message: fmt.Sprintf("document %s is not open", uri)}
	}
	return d, path, nil
}

// requestFailed is LSP's RequestFailed error.
func requestFailed(msg string) error {
	return &jrpc2.Error{Code: -32803, Message: msg}
}
