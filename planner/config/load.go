package config

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/internal/inputfile"
	"github.com/vpcplan/vpcplan/schema"
)

// Loader parses and decodes configurations. One Loader owns one
// hclparse.Parser, so the files it has read stay available for diagnostic
// snippets (Files).
type Loader struct {
	parser  *hclparse.Parser
	catalog *schema.Catalog
	// snapshot holds, while LoadSources loads modules, the module files it
	// was given, by cleaned directory.
	snapshot map[string]map[string][]byte
	// native parses files in the native syntax; nil means
	// hclsyntax.ParseConfig through the parser.
	native NativeParser
	// limits are the bounds in effect (SetLimits), every field set.
	limits bounds.Limits
	// parsed is the size of the configuration files parsed so far, held
	// to the total configuration size bound.
	parsed int64
	// refused holds the text of the files refused before parsing.
	refused map[string]*hcl.File
}

// A NativeParser parses one file in HCL's native syntax, giving what
// hclsyntax.ParseConfig gives for it, prepared by exprbound.Prepare. The
// language server passes a cache (internal/blockparse) so that an edit
// parses again only what changed.
type NativeParser func(src []byte, filename string) (*hcl.File, hcl.Diagnostics)

// SetNativeParser makes the loader parse native-syntax files with p.
func (l *Loader) SetNativeParser(p NativeParser) { l.native = p }

// NewLoader returns a Loader that decodes against catalog, with the
// bounds at their defaults (see SetLimits).
func NewLoader(catalog *schema.Catalog) *Loader {
	return &Loader{parser: hclparse.NewParser(), catalog: catalog, limits: bounds.Defaults()}
}

// SetLimits sets the bounds the loader works within: the sizes of the
// files it reads and parses, their nesting and template lines
// (ParseSource), and what evaluation builds (Evaluate: the instances of a
// block, the elements and strings expressions and functions produce). A
// zero field means its bound's default. Set them before loading.
func (l *Loader) SetLimits(lim bounds.Limits) { l.limits = lim.OrDefaults() }

// Files returns every file the loader has parsed.
func (l *Loader) Files() map[string]*hcl.File { return l.parser.Files() }

// Snippets returns the files diagnostics quote: every file the loader has
// parsed, and the text of those it refused before parsing (too large, too
// deeply nested), with an empty body, so that their errors show the source
// they point at.
func (l *Loader) Snippets() map[string]*hcl.File {
	files := l.parser.Files()
	if len(l.refused) == 0 {
		return files
	}
	out := make(map[string]*hcl.File, len(files)+len(l.refused))
	for name, f := range l.refused {
		out[name] = f
	}
	for name, f := range files {
		out[name] = f
	}
	return out
}

// refuse keeps the text of a file refused before parsing, for Snippets.
func (l *Loader) refuse(name string, src []byte) {
	if l.refused == nil {
		l.refused = map[string]*hcl.File{}
	}
	l.refused[name] = &hcl.File{Body: hcl.EmptyBody(), Bytes: src}
}

// Parser gives access to the underlying parser, so that variable files and
// other inputs share one snippet source.
func (l *Loader) Parser() *hclparse.Parser { return l.parser }

// ConfigFiles expands the paths (files or directories; none means ".") into
// the configuration files they name, sorted. A directory contributes its
// configuration files (see files.go), not those of subdirectories. Problems
// are error diagnostics without a range.
func ConfigFiles(paths []string) ([]string, string, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	if len(paths) == 0 {
		paths = []string{"."}
	}
	seen := map[string]bool{}
	var files []string
	dir := ""
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Failed to read configuration",
				Detail:   fmt.Sprintf("Cannot read %q: %s. Pass a directory or a *.tf, *.tf.json, *.hcl or *.hcl.json file.", p, errText(err)),
			})
			continue
		}
		if info.IsDir() {
			if dir == "" {
				dir = p
			}
			entries, err := os.ReadDir(p)
			if err != nil {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Failed to read configuration directory",
					Detail:   fmt.Sprintf("Cannot list %q: %s.", p, errText(err)),
				})
				continue
			}
			for _, e := range entries {
				if e.IsDir() || !isConfigFile(e.Name()) {
					continue
				}
				f := filepath.Join(p, e.Name())
				if p == "." {
					f = e.Name()
				}
				if !seen[f] {
					seen[f] = true
					files = append(files, f)
				}
			}
			continue
		}
		if dir == "" {
			dir = filepath.Dir(p)
		}
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	sort.Strings(files)
	if dir == "" {
		dir = "."
	}
	return files, dir, diags
}

func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// Load reads and decodes the files (see ConfigFiles). The returned Config is
// usable even when diagnostics contain errors: it holds what could be
// decoded.
func (l *Loader) Load(paths []string) (*Config, hcl.Diagnostics) {
	files, dir, diags := ConfigFiles(paths)
	if diags.HasErrors() && len(files) == 0 {
		return newConfig(dir), diags
	}
	cfg, moreDiags := l.LoadFiles(files, dir)
	return cfg, append(diags, moreDiags...)
}

// LoadFiles decodes the given files; dir is the base directory of file
// functions and of the module's local module sources. Override files among
// them (see isOverrideFile) are merged into the others, as Terraform
// merges them. The modules it calls are loaded too (see loadModules).
func (l *Loader) LoadFiles(files []string, dir string) (*Config, hcl.Diagnostics) {
	cfg, diags := l.loadFiles(files, dir)
	if diags.HasErrors() {
		// As Terraform: a module whose own files are invalid is not
		// looked into.
		return cfg, diags
	}
	return cfg, append(diags, l.loadModules(cfg)...)
}

// loadFiles is LoadFiles without the modules.
func (l *Loader) loadFiles(files []string, dir string) (*Config, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	if len(files) == 0 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "No configuration files",
			Detail:   fmt.Sprintf("The directory %q holds no *.tf, *.tf.json, *.hcl or *.hcl.json files. Run vpcplan in a directory with configuration, or name the files.", dir),
		})
	}
	sources := make(map[string][]byte, len(files))
	for _, name := range files {
		src, err := inputfile.ReadFile(name, l.limits.FileSize)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Failed to read file",
				Detail:   fmt.Sprintf("Cannot read %q: %s.", name, errText(err)),
			})
			continue
		}
		sources[name] = src
	}
	cfg, moreDiags := l.loadSources(sources, dir)
	return cfg, append(diags, moreDiags...)
}

// LoadSources decodes configuration files given as their contents (a
// saved plan's snapshot, or the files LoadFiles read): the files in the
// native syntax or, for names ending in .json, Terraform's JSON syntax,
// with the override files merged into the others. The modules it calls are
// read from disk (see loadModules).
//
// Sources in other directories are the files of the modules it calls (a
// saved plan holds them, Config.AllFiles): a module whose directory has
// files among them is read from them instead of from disk.
func (l *Loader) LoadSources(sources map[string][]byte, dir string) (*Config, hcl.Diagnostics) {
	root := make(map[string][]byte, len(sources))
	var modules map[string]map[string][]byte
	for name, src := range sources {
		d := filepath.Clean(filepath.Dir(name))
		if d == filepath.Clean(dir) {
			root[name] = src
			continue
		}
		if modules == nil {
			modules = map[string]map[string][]byte{}
		}
		if modules[d] == nil {
			modules[d] = map[string][]byte{}
		}
		modules[d][name] = src
	}
	cfg, diags := l.loadSources(root, dir)
	if diags.HasErrors() {
		return cfg, diags
	}
	l.snapshot = modules
	defer func() { l.snapshot = nil }()
	return cfg, append(diags, l.loadModules(cfg)...)
}

// loadSources is LoadSources without the modules.
func (l *Loader) loadSources(sources map[string][]byte, dir string) (*Config, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	cfg := newConfig(dir)
	names := make([]string, 0, len(sources))
	for n := range sources {
		names = append(names, n)
	}
	sort.Strings(names)
	var primaries, overrides []*sourceFile
	for _, name := range names {
		f, moreDiags := l.ParseSource(sources[name], name)
		diags = append(diags, moreDiags...)
		if f == nil {
			continue
		}
		cfg.Files[name] = f
		cfg.FileNames = append(cfg.FileNames, name)
		body, moreDiags := l.syntaxBody(f, name)
		diags = append(diags, moreDiags...)
		if body == nil {
			continue
		}
		sf := &sourceFile{name: name, body: body}
		if isOverrideFile(filepath.Base(name)) {
			overrides = append(overrides, sf)
		} else {
			primaries = append(primaries, sf)
		}
	}
	files, moreDiags := mergeOverrides(primaries, overrides)
	diags = append(diags, moreDiags...)
	for _, sf := range files {
		diags = append(diags, l.decodeFile(cfg, sf.name, &hcl.File{Body: sf.body, Bytes: sources[sf.name]})...)
	}
	cfg.RequiredProviders, moreDiags = requiredProviders(primaries, overrides)
	diags = append(diags, moreDiags...)
	diags = append(diags, checkProviderFunctions(cfg, files)...)
	cfg.finish()
	return cfg, diags
}

// syntaxBody returns the top-level body of a parsed configuration file in
// the native syntax, converting a JSON file's (see json.go).
func (l *Loader) syntaxBody(f *hcl.File, name string) (*hclsyntax.Body, hcl.Diagnostics) {
	if f.Body == nil {
		return nil, nil
	}
	if b, ok := f.Body.(*hclsyntax.Body); ok {
		return b, nil
	}
	if isJSONFile(name) {
		return l.jsonToSyntax(f)
	}
	return nil, nil
}

func newConfig(dir string) *Config {
	return &Config{
		Files:      map[string]*hcl.File{},
		Dir:        dir,
		RootDir:    dir,
		byAddr:     map[schema.Addr]*Resource{},
		byVariable: map[string]*Variable{},
		byLocal:    map[string]*Local{},
		byProvider: map[string]*Provider{},

		providerDecls: map[providerKey]hcl.Range{},
		byModule:      map[string]*Module{},
		byCheck:       map[string]*Check{},
	}
}

// ParseSource parses one file's bytes, in Terraform's JSON syntax when the
// name ends in .json and in the native syntax otherwise, refusing text that
// is not UTF-8 with a diagnostic that points at the first bad byte.
func (l *Loader) ParseSource(src []byte, name string) (*hcl.File, hcl.Diagnostics) {
	if !utf8.Valid(src) {
		pos := firstInvalidUTF8(src)
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid character encoding",
			Detail:   "The file is not valid UTF-8. Configuration files must be UTF-8 encoded; convert it, for example with iconv.",
			Subject:  &hcl.Range{Filename: name, Start: pos, End: hcl.Pos{Line: pos.Line, Column: pos.Column + 1, Byte: pos.Byte + 1}},
		}}
	}
	if diags := checkNesting(src, name, isJSONFile(name), l.limits); diags.HasErrors() {
		l.refuse(name, src)
		return nil, diags
	}
	if l.parsed > l.limits.ConfigTotal {
		return nil, nil // past the bound already, and reported
	}
	if l.parsed += int64(len(src)); l.parsed > l.limits.ConfigTotal {
		l.refuse(name, src)
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Configuration too large",
			Detail:   fmt.Sprintf("The configuration's files together are larger than vpcplan parses: %s. Parsing takes about 100 bytes of memory for each byte of configuration; if the machine has the memory, raise the bound. This file and the ones after it were not parsed.", bounds.ConfigTotal.Exceeded("with this file they have", l.parsed, l.limits.ConfigTotal)),
			Subject:  &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}},
		}}
	}
	if isJSONFile(name) {
		return l.parser.ParseJSON(src, name)
	}
	if l.native == nil {
		f, diags := l.parser.ParseHCL(src, name)
		if f != nil {
			if body, ok := f.Body.(*hclsyntax.Body); ok {
				exprbound.Prepare(body)
			}
		}
		return f, diags
	}
	if f := l.parser.Files()[name]; f != nil {
		return f, nil // as ParseHCL: a file is parsed once
	}
	f, diags := l.native(src, name)
	if f != nil {
		l.parser.AddFile(name, f)
	}
	return f, diags
}

func firstInvalidUTF8(src []byte) hcl.Pos {
	pos := hcl.Pos{Line: 1, Column: 1}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			pos.Byte = i
			return pos
		}
		if r == '\n' {
			pos.Line++
			pos.Column = 1
		} else {
			pos.Column++
		}
		i += size
	}
	pos.Byte = len(src)
	return pos
}

// finish sorts every list and fills the indexes.
func (cfg *Config) finish() {
	sort.Strings(cfg.FileNames)
	sort.SliceStable(cfg.Resources, func(i, j int) bool { return cfg.Resources[i].Addr.Less(cfg.Resources[j].Addr) })
	sort.SliceStable(cfg.Variables, func(i, j int) bool { return cfg.Variables[i].Name < cfg.Variables[j].Name })
	sort.SliceStable(cfg.Locals, func(i, j int) bool { return cfg.Locals[i].Name < cfg.Locals[j].Name })
	sort.SliceStable(cfg.Outputs, func(i, j int) bool { return cfg.Outputs[i].Name < cfg.Outputs[j].Name })
	sort.SliceStable(cfg.Providers, func(i, j int) bool { return cfg.Providers[i].Alias < cfg.Providers[j].Alias })
	sort.SliceStable(cfg.Modules, func(i, j int) bool { return cfg.Modules[i].Name < cfg.Modules[j].Name })
	sort.SliceStable(cfg.Checks, func(i, j int) bool { return cfg.Checks[i].Name < cfg.Checks[j].Name })
}
