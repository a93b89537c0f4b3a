package lsp

import (
	"context"
	"path/filepath"

	"github.com/vpcplan/vpcplan/validate"
)

// The text synchronisation notifications: each updates the documents and
// schedules the analysis of the directory it touches.

func (s *Server) didOpen(_ context.Context, p *DidOpenTextDocumentParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.docs.open(p.TextDocument.URI, path, p.TextDocument.Version, p.TextDocument.Text)
	if s.folderOf(path) == "" {
		s.logf(MessageInfo, "%s is outside the workspace folders: it is checked on its own, without the other files of its directory.", path)
	}
	s.touched(path)
	return nil
}

func (s *Server) didChange(_ context.Context, p *DidChangeTextDocumentParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	if _, err := s.docs.change(path, p.TextDocument.Version, p.ContentChanges); err != nil {
		return err
	}
	s.touched(path)
	return nil
}

func (s *Server) didClose(_ context.Context, p *DidCloseTextDocumentParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.docs.close(path)
	s.touched(path)
	return nil
}

func (s *Server) didSave(_ context.Context, p *DidSaveTextDocumentParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.touched(path)
	return nil
}

// touched schedules the analysis of the directory of path, and of every
// known directory whose latest analysis read a file of that directory: the
// directories calling it as a module.
func (s *Server) touched(path string) {
	dir := filepath.Dir(path)
	s.schedule(dir)
	for _, d := range s.callersOf(dir) {
		s.schedule(d)
	}
}

// didChangeWatchedFiles analyses again the directories whose files
// changed on disk, and every known directory when a rule configuration
// changed.
func (s *Server) didChangeWatchedFiles(_ context.Context, p *DidChangeWatchedFilesParams) error {
	dirs := map[string]bool{}
	known := map[string]bool{}
	for _, d := range s.knownDirs() {
		known[d] = true
	}
	for _, c := range p.Changes {
		path, err := uriToPath(c.URI)
		if err != nil {
			continue
		}
		if filepath.Base(path) == validate.ConfigFileName {
			for d := range known {
				dirs[d] = true
			}
			continue
		}
		// A module's file changes what the directories calling it see:
		// analyse every known directory when the file's is not one.
		if dir := filepath.Dir(path); known[dir] {
			dirs[dir] = true
		} else {
			for d := range known {
				dirs[d] = true
			}
		}
	}
	for d := range dirs {
		s.schedule(d)
	}
	return nil
}
