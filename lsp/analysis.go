package lsp

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/inputfile"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/validate"
)

// analysis is one run of the CLI's validate pipeline over a directory's
// configuration: load (open documents overriding files), evaluate, rules
// with ignores. It is immutable once built.
type analysis struct {
	dir    string
	folder string // the workspace folder holding dir, "" when outside all
	// texts are the sources analysed by file name (absolute paths): the
	// directory's files and the files of the modules it calls.
	texts map[string]*text
	// versions are the versions of the open documents analysed.
	versions map[string]int
	// cfg is what could be decoded, even when diags has errors; model is
	// nil when loading or evaluation failed.
	cfg   *config.Config
	model *config.Model
	diags hcl.Diagnostics
	took  time.Duration
	// good is the latest earlier analysis of the directory that produced
	// a model (nil when none did), for completion while the text does not
	// parse: its Regions and declarations stand in.
	good *analysis
}

// modelOrGood returns the analysis's model, else the last good one's; nil
// when there is neither.
func (a *analysis) modelOrGood() *config.Model {
	if a.model != nil {
		return a.model
	}
	if a.good != nil {
		return a.good.model
	}
	return nil
}

// configs returns the analysis's configuration and the last good one's,
// to complete declarations that a syntax error hides.
func (a *analysis) configs() []*config.Config {
	var out []*config.Config
	if a.cfg != nil {
		out = append(out, a.cfg)
	}
	if a.good != nil && a.good.cfg != nil {
		out = append(out, a.good.cfg)
	}
	return out
}

// dirState is the server's state for one directory: the latest analysis,
// the pending debounced run, and what was last published for it.
type dirState struct {
	run   sync.Mutex // held while analysing, so runs of a directory never overlap
	timer *time.Timer
	gen   int // bumped by every schedule; a run publishes only if still current
	// cancel interrupts the running scheduled analysis, which a later
	// edit has made stale; nil when none runs.
	cancel context.CancelFunc
	last   *analysis
	good   *analysis // the latest analysis with a model
	// byPath are the diagnostics of the latest published analysis, by
	// file, for the files that have some. A file's publication merges
	// those of every directory whose analysis reads it (a module's file
	// is read by its own directory and by its callers).
	byPath map[string][]Diagnostic
}

// state returns the directory's state, creating it; s.mu must be held.
func (s *Server) stateLocked(dir string) *dirState {
	st := s.dirs[dir]
	if st == nil {
		st = &dirState{}
		s.dirs[dir] = st
	}
	return st
}

// schedule analyses dir once edits pause for Options.Debounce, then
// publishes its diagnostics.
func (s *Server) schedule(dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return
	}
	st := s.stateLocked(dir)
	st.gen++
	gen := st.gen
	if st.timer != nil {
		st.timer.Stop()
	}
	if st.cancel != nil {
		st.cancel()
	}
	st.timer = time.AfterFunc(s.opts.Debounce, func() { s.runScheduled(dir, gen) })
}

func (s *Server) stopTimers() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, st := range s.dirs {
		if st.timer != nil {
			st.timer.Stop()
		}
	}
}

func (s *Server) runScheduled(dir string, gen int) {
	defer func() {
		if r := recover(); r != nil {
			s.crashed("analysing "+dir, r, stack())
		}
	}()
	s.mu.Lock()
	st := s.stateLocked(dir)
	s.mu.Unlock()
	st.run.Lock()
	defer st.run.Unlock()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.mu.Lock()
	if st.gen != gen {
		s.mu.Unlock()
		return // a later edit scheduled another run
	}
	st.cancel = cancel
	s.mu.Unlock()
	a := s.analyze(ctx, dir)
	s.mu.Lock()
	st.cancel = nil
	if ctx.Err() != nil {
		// A later edit interrupted the run: what it found is incomplete
		// and stale, and the run that edit scheduled replaces it.
		s.mu.Unlock()
		return
	}
	s.keepLocked(st, a)
	current := st.gen == gen
	s.mu.Unlock()
	if current {
		s.publish(a, st)
	}
}

// current returns the directory's latest analysis, analysing it now when
// there is none yet.
func (s *Server) current(dir string) *analysis {
	s.mu.Lock()
	st := s.stateLocked(dir)
	a := st.last
	s.mu.Unlock()
	if a != nil {
		return a
	}
	st.run.Lock()
	defer st.run.Unlock()
	s.mu.Lock()
	a = st.last
	s.mu.Unlock()
	if a != nil {
		return a
	}
	a = s.analyze(context.Background(), dir)
	s.mu.Lock()
	if st.last == nil {
		s.keepLocked(st, a)
	}
	s.mu.Unlock()
	return a
}

// keepLocked records a as the directory's latest analysis; s.mu must be
// held.
func (s *Server) keepLocked(st *dirState, a *analysis) {
	if a.model != nil {
		st.good = a
	} else {
		a.good = st.good
	}
	st.last = a
}

// analyze runs the pipeline over dir. Inside a workspace folder the
// configuration is every configuration file of dir, with open documents
// overriding their files; outside every folder it is only the open
// documents of dir (the server does not read directories it was not given).
func (s *Server) analyze(ctx context.Context, dir string) *analysis {
	start := time.Now()
	a := &analysis{dir: dir, folder: s.folderOf(dir), texts: map[string]*text{}, versions: map[string]int{}}
	sources := map[string][]byte{}
	diags := s.readDir(a, dir, sources)
	// The open documents of other directories stand for their files when
	// dir calls those directories as modules: the loader reads a module
	// from the sources it is given for the module's directory. (A
	// directory outside the workspace folders is read from disk.)
	for _, other := range s.docs.dirs() {
		if other != dir && s.folderOf(other) != "" {
			s.readDir(a, other, sources)
		}
	}
	loader := config.NewLoader(s.catalog)
	loader.SetLimits(s.opts.Limits)
	loader.SetNativeParser(s.parses.Parse)
	cfg, moreDiags := loader.LoadSources(sources, dir)
	diags = append(diags, moreDiags...)
	a.cfg = cfg
	if !diags.HasErrors() && cfg != nil {
		m, moreDiags := loader.Evaluate(ctx, cfg, config.Options{Mode: config.ValidateMode, Env: s.opts.Environ, Cwd: dir})
		diags = append(diags, moreDiags...)
		a.model = m
	}
	ropts, moreDiags := s.ruleOptions(a, loader.Files())
	diags = append(diags, moreDiags...)
	if !diags.HasErrors() && a.model != nil {
		diags = append(diags, validate.Check(a.model, s.services, s.rules, ropts)...)
	}
	for name, f := range loader.Files() {
		a.texts[absName(dir, name)] = newText(f.Bytes)
	}
	for name, src := range sources {
		// The files the loader parsed have their text already; these are
		// the ones it did not (a file refused before parsing).
		if _, done := a.texts[name]; !done && filepath.Dir(name) == dir {
			a.texts[name] = newText(src)
		}
	}
	a.diags = diags
	a.took = time.Since(start)
	return a
}

// readDir adds the configuration files of dir to sources, the open
// documents overriding their files, and records the documents' versions
// in a. Inside a workspace folder those are every configuration file of
// dir; outside, only the open documents (the server does not read
// directories it was not given).
func (s *Server) readDir(a *analysis, dir string, sources map[string][]byte) hcl.Diagnostics {
	var diags hcl.Diagnostics
	if s.folderOf(dir) != "" {
		names, _, moreDiags := config.ConfigFiles([]string{dir})
		diags = moreDiags
		for _, name := range names {
			if src, err := inputfile.ReadFile(name, s.opts.Limits.FileSize); err == nil {
				sources[name] = src
			}
		}
	}
	for _, d := range s.docs.inDir(dir) {
		if isConfigName(filepath.Base(d.path)) {
			sources[d.path] = d.text.src
			a.versions[d.path] = d.version
		}
	}
	return diags
}

// ruleOptions reads the rule configuration (.vpcplan.hcl) of the
// directory, else of its workspace folder, as the CLI reads the working
// directory's.
func (s *Server) ruleOptions(a *analysis, files map[string]*hcl.File) (validate.Options, hcl.Diagnostics) {
	for _, dir := range []string{a.dir, a.folder} {
		if dir == "" {
			continue
		}
		path := filepath.Join(dir, validate.ConfigFileName)
		var src []byte
		if d := s.docs.get(path); d != nil {
			src = d.text.src
		} else if b, err := inputfile.ReadFile(path, s.opts.Limits.FileSize); err == nil {
			src = b
		} else {
			continue
		}
		opts, f, diags := validate.ParseConfig(src, path, s.rules)
		if f != nil {
			files[path] = f
		}
		return opts, diags
	}
	return validate.Options{}, nil
}

// isConfigName reports whether an open document's base name is a
// configuration file's, as the loader finds them in a directory.
func isConfigName(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
		return false
	}
	for _, s := range []string{".tftest.hcl", ".tftest.json", ".tfmock.hcl", ".tfmock.json", ".tfquery.hcl", ".tfquery.json", ".tfmigrate.hcl"} {
		if strings.HasSuffix(name, s) {
			return false
		}
	}
	for _, ext := range []string{".tf", ".hcl", ".tf.json", ".hcl.json"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// absName makes a diagnostic's or file's name absolute against dir.
func absName(dir, name string) string {
	if filepath.IsAbs(name) {
		return filepath.Clean(name)
	}
	return filepath.Join(dir, name)
}

// callersOf returns the other directories whose latest analysis read a
// file of dir, sorted.
func (s *Server) callersOf(dir string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for d, st := range s.dirs {
		if d == dir || st.last == nil {
			continue
		}
		for name := range st.last.texts {
			if filepath.Dir(name) == dir {
				out = append(out, d)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// knownDirs returns the directories the server has state for, sorted.
func (s *Server) knownDirs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	dirs := make([]string, 0, len(s.dirs))
	for d := range s.dirs {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	return dirs
}
