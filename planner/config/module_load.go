package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	tfaddr "github.com/hashicorp/terraform-registry-address"
	"github.com/vpcplan/vpcplan/internal/inputfile"
)

// maxModuleDepth bounds nested module calls, so that a module calling
// itself through a path that is not recognised as the same directory
// still ends.
const maxModuleDepth = 64

// moduleManifest is .terraform/modules/modules.json, where terraform init
// records the directory of every installed module by its key: "vpc" for
// module "vpc" of the root module, "vpc.endpoints" for module "endpoints"
// inside it.
type moduleManifest struct {
	path  string
	byKey map[string]manifestEntry
	// failed is set when the manifest could not be read: what it would
	// have said is unknown, and the error says so once.
	failed bool
}

type manifestEntry struct {
	Key     string `json:"Key"`
	Source  string `json:"Source"`
	Version string `json:"Version"`
	Dir     string `json:"Dir"`
}

// readManifest reads the module manifest of the root module in rootDir. A
// missing manifest is no error (nothing is installed); an unreadable one
// is, located at the file.
func (l *Loader) readManifest(rootDir string) (*moduleManifest, hcl.Diagnostics) {
	path := filepath.Join(rootDir, ".terraform", "modules", "modules.json")
	man := &moduleManifest{path: path, byKey: map[string]manifestEntry{}}
	src, err := inputfile.ReadFile(path, l.limits.FileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return man, nil
	}
	fileRange := &hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos}
	if err != nil {
		return man, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Failed to read module manifest",
			Detail:   fmt.Sprintf("Cannot read %s: %s. Run \"terraform init\" to install the modules again.", path, errText(err)),
			Subject:  fileRange,
		}}
	}
	var doc struct {
		Modules []manifestEntry `json:"Modules"`
	}
	if err := json.Unmarshal(src, &doc); err != nil {
		d := &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Failed to read module manifest",
			Detail:   fmt.Sprintf("The module manifest %s is not valid: %s. Run \"terraform init\" to install the modules again.", path, err),
			Subject:  fileRange,
		}
		man.failed = true
		var se *json.SyntaxError
		if errors.As(err, &se) {
			// hcl's JSON parser locates syntax errors and keeps the file
			// for the snippet.
			if _, diags := l.parser.ParseJSON(src, path); diags.HasErrors() {
				for _, pd := range diags {
					pd.Summary = "Failed to read module manifest"
					pd.Detail = fmt.Sprintf("The module manifest %s is not valid JSON: %s. Run \"terraform init\" to install the modules again.", path, strings.TrimSuffix(pd.Detail, "."))
				}
				return man, diags[:1]
			}
		}
		return man, hcl.Diagnostics{d}
	}
	for _, e := range doc.Modules {
		man.byKey[e.Key] = e
	}
	return man, nil
}

// isLocalSource reports whether a module source is a local path, which
// Terraform reads in place: "./x", "../x".
func isLocalSource(s string) bool {
	for _, p := range []string{"./", "../", ".\\", "..\\"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// loadModules loads the child modules of root, to any depth: local sources
// from disk, others from where terraform init installed them. A module
// vpcplan cannot load keeps a nil Child: a remote one not installed gets a
// warning (its outputs are external values), a local one that is missing
// an error.
func (l *Loader) loadModules(root *Config) hcl.Diagnostics {
	if len(root.Modules) == 0 {
		return nil
	}
	man, diags := l.readManifest(root.Dir)
	abs, _ := filepath.Abs(root.Dir)
	return append(diags, l.loadChildren(root, root.Dir, "", man, []string{abs})...)
}

func (l *Loader) loadChildren(cfg *Config, rootDir, keyPrefix string, man *moduleManifest, stack []string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, m := range cfg.Modules {
		if m.Source == "" {
			continue // decodeModule reported it
		}
		key := m.Name
		if keyPrefix != "" {
			key = keyPrefix + "." + m.Name
		}
		dir, moreDiags := moduleDir(cfg, m, key, rootDir, man)
		diags = append(diags, moreDiags...)
		if dir == "" {
			continue
		}
		abs, _ := filepath.Abs(dir)
		for _, s := range stack {
			if s == abs {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Module cycle",
					Detail:   fmt.Sprintf("Module %q calls the module in %s, which is one of the modules calling it. A module cannot call itself, directly or through others.", m.Name, dir),
					Subject:  m.SourceRange.Ptr(),
				})
				abs = ""
				break
			}
		}
		if abs == "" {
			continue
		}
		if len(stack) >= maxModuleDepth {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Modules nested too deeply",
				Detail:   fmt.Sprintf("Module %q is nested %d calls deep; vpcplan reads modules to a depth of %d.", m.Name, len(stack), maxModuleDepth),
				Subject:  m.SourceRange.Ptr(),
			})
			continue
		}
		child, moreDiags := l.readModule(m, dir)
		diags = append(diags, moreDiags...)
		child.RootDir = rootDir
		child.Path = append(cfg.Path[:len(cfg.Path):len(cfg.Path)], m.Name)
		m.Child, m.Dir = child, dir
		if !moreDiags.HasErrors() {
			diags = append(diags, l.loadChildren(child, rootDir, key, man, append(stack[:len(stack):len(stack)], abs))...)
		}
	}
	return diags
}

// readModule reads the module of call m from dir: from the saved plan's
// snapshot when LoadSources was given its files, else from disk.
func (l *Loader) readModule(m *Module, dir string) (*Config, hcl.Diagnostics) {
	if snap, ok := l.snapshot[filepath.Clean(dir)]; ok {
		return l.loadSources(snap, dir)
	}
	files, _, diags := ConfigFiles([]string{dir})
	if len(files) == 0 {
		// Terraform accepts a module without configuration files: it has
		// nothing to create. Say so, since it is rarely meant.
		return newConfig(dir), append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Module has no configuration files",
			Detail:   fmt.Sprintf("The directory %s of module %q holds no *.tf, *.tf.json, *.hcl or *.hcl.json files, so the module creates nothing. Check the source path.", dir, m.Name),
			Subject:  m.SourceRange.Ptr(),
		})
	}
	child, moreDiags := l.loadFiles(files, dir)
	return child, append(diags, moreDiags...)
}

// moduleDir returns the directory of the module that call m of cfg
// names, or "" with the reason when it cannot be read.
func moduleDir(cfg *Config, m *Module, key, rootDir string, man *moduleManifest) (string, hcl.Diagnostics) {
	if isLocalSource(m.Source) {
		dir := filepath.Join(cfg.Dir, filepath.FromSlash(m.Source))
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			why := "it is not a directory"
			if err != nil {
				why = errText(err)
			}
			return "", hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Unreadable module directory",
				Detail:   fmt.Sprintf("The directory %s could not be read for module %q: %s. Check the source path; local sources are relative to the directory of the calling module.", dir, m.Name, why),
				Subject:  m.SourceRange.Ptr(),
			}}
		}
		return dir, nil
	}
	if man.failed {
		return "", nil
	}
	entry, ok := man.byKey[key]
	notInstalled := func(detail string) hcl.Diagnostics {
		return hcl.Diagnostics{{
			Severity: hcl.DiagWarning,
			Summary:  "Module not installed",
			Detail:   detail + " vpcplan does not download modules: until \"terraform init\" installs it, the resources inside it are not checked and references to its outputs are unknown.",
			Subject:  m.DeclRange.Ptr(),
		}}
	}
	if !ok {
		return "", notInstalled(fmt.Sprintf("Module %q (source %q) is not installed in .terraform/modules.", key, m.Source))
	}
	if reg, err := tfaddr.ParseModuleSource(m.Source); err == nil {
		if installed, err := tfaddr.ParseModuleSource(entry.Source); err != nil || installed.String() != reg.String() {
			return "", notInstalled(fmt.Sprintf("Module %q was installed from %q, but the configuration now asks for %q; run \"terraform init\" to install it again.", key, entry.Source, reg.ForDisplay()))
		}
	}
	dir := filepath.FromSlash(entry.Dir)
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(rootDir, dir)
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return "", hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unreadable module directory",
			Detail:   fmt.Sprintf("The module manifest %s puts module %q in %s, which cannot be read. Run \"terraform init\" to install the modules again.", man.path, key, dir),
			Subject:  m.DeclRange.Ptr(),
		}}
	}
	return dir, nil
}
