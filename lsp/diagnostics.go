package lsp

import (
	"runtime/debug"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/validate"
)

func stack() []byte { return debug.Stack() }

// diagnosticsByPath converts an analysis's diagnostics to LSP's, by the
// absolute path of their file. A diagnostic without a range (a problem of
// the directory as a whole) goes at the start of every open document of
// the directory, so that it is seen.
func (s *Server) diagnosticsByPath(a *analysis) map[string][]Diagnostic {
	out := map[string][]Diagnostic{}
	var open []string
	for _, d := range s.docs.inDir(a.dir) {
		open = append(open, d.path)
	}
	sort.Strings(open)
	for _, d := range a.diags {
		if d.Subject == nil {
			ld := s.convert(d, Range{})
			for _, p := range open {
				out[p] = append(out[p], ld)
			}
			continue
		}
		path := absName(a.dir, d.Subject.Filename)
		t := a.texts[path]
		if t == nil {
			t = newText(nil)
		}
		out[path] = append(out[path], s.convert(d, t.rangeOf(*d.Subject)))
	}
	return out
}

// convert makes an LSP diagnostic: the summary and detail as the message,
// the rule id as code with its documentation as codeDescription.
func (s *Server) convert(d *hcl.Diagnostic, rng Range) Diagnostic {
	ld := Diagnostic{Range: rng, Severity: SeverityError, Source: "vpcplan", Message: d.Summary}
	if d.Severity == hcl.DiagWarning {
		ld.Severity = SeverityWarning
	}
	if d.Detail != "" {
		ld.Message += "\n\n" + d.Detail
	}
	if id := validate.RuleID(d); id != "" {
		ld.Code = id
		if s.opts.RuleDocURL != nil {
			if href := s.opts.RuleDocURL(id); href != "" {
				ld.CodeDescription = &CodeDescription{Href: href}
			}
		}
	}
	return ld
}

// publish sends the analysis's diagnostics: one notification per file that
// has some, had some in the directory's previous publication, or is an
// open document of the directory (so that fixed problems are cleared). A
// file's notification holds the diagnostics every directory's latest
// analysis has for it, without repeats, in the order of the directories.
func (s *Server) publish(a *analysis, st *dirState) {
	byPath := s.diagnosticsByPath(a)
	paths := map[string]bool{}
	s.mu.Lock()
	for p := range st.byPath {
		paths[p] = true
	}
	st.byPath = map[string][]Diagnostic{}
	for p, ds := range byPath {
		if len(ds) > 0 {
			st.byPath[p] = ds
			paths[p] = true
		}
	}
	s.mu.Unlock()
	for _, d := range s.docs.inDir(a.dir) {
		paths[d.path] = true
	}
	sorted := make([]string, 0, len(paths))
	for p := range paths {
		sorted = append(sorted, p)
	}
	sort.Strings(sorted)
	for _, p := range sorted {
		params := PublishDiagnosticsParams{URI: pathToURI(p), Diagnostics: s.mergedDiagnostics(p)}
		if v, ok := a.versions[p]; ok {
			params.Version = &v
		}
		if d := s.docs.get(p); d != nil {
			params.URI = d.uri // as the client wrote it
		}
		s.notify("textDocument/publishDiagnostics", params)
	}
}

// mergedDiagnostics returns what every directory's latest publication has
// for the file path, by directory in order, each diagnostic once; an empty
// list when none has any.
func (s *Server) mergedDiagnostics(path string) []Diagnostic {
	s.mu.Lock()
	defer s.mu.Unlock()
	dirs := make([]string, 0, len(s.dirs))
	for d, st := range s.dirs {
		if len(st.byPath[path]) > 0 {
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	out := []Diagnostic{}
	type key struct {
		rng       Range
		severity  int
		code, msg string
	}
	seen := map[key]bool{}
	for _, d := range dirs {
		for _, ld := range s.dirs[d].byPath[path] {
			k := key{ld.Range, ld.Severity, ld.Code, ld.Message}
			if !seen[k] {
				seen[k] = true
				out = append(out, ld)
			}
		}
	}
	return out
}
