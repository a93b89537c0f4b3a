package funcs

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// fileReader resolves the paths given to file functions against baseDir and
// reads them through readFile (and lists directories through readDir and
// stat). It is the only way this package touches files.
type fileReader struct {
	baseDir  string
	readFile func(path string) ([]byte, error)
	readDir  func(path string) ([]fs.DirEntry, error)
	stat     func(path string) (fs.FileInfo, error)
	homeDir  string
}

// expandHome replaces a leading "~" with the home directory, as
// Terraform's file functions and pathexpand do (with go-homedir's rules:
// "~user" is not supported).
func (r fileReader) expandHome(path string) (string, error) {
	if path == "" || path[0] != '~' {
		return path, nil
	}
	if len(path) > 1 && path[1] != '/' && path[1] != '\\' {
		return "", errors.New("cannot expand user-specific home dir")
	}
	if r.homeDir == "" {
		return "", errors.New("the home directory is not known")
	}
	return filepath.Join(r.homeDir, path[1:]), nil
}

// resolve expands a leading "~", joins a relative path onto baseDir and
// cleans the result.
func (r fileReader) resolve(path string) (string, error) {
	path, err := r.expandHome(path)
	if err != nil {
		return "", fmt.Errorf("failed to expand ~: %w", err)
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(r.baseDir, path)
	}
	return filepath.Clean(path), nil
}

// read returns the contents of the file at path. Error messages quote path
// as the user wrote it, or redact it if marks include SensitiveMark.
func (r fileReader) read(path string, marks cty.ValueMarks) ([]byte, error) {
	resolved, err := r.resolve(path)
	if err != nil {
		return nil, err
	}
	src, err := r.readFile(resolved)
	switch {
	case err == nil:
		return src, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("no file exists at %s; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource", redactIfSensitive(path, marks))
	case marks.Has(SensitiveMark):
		// err probably names the file.
		return nil, fmt.Errorf("failed to read %s", redactIfSensitive(path, marks))
	default:
		return nil, err
	}
}

// fileFunc returns file (the contents as a UTF-8 string) or, with
// encBase64, filebase64 (the contents in standard Base64). Marks on the
// path are carried onto the result.
func (r fileReader) fileFunc(encBase64 bool) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String, AllowMarked: true}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			pathVal, marks := args[0].Unmark()
			path := pathVal.AsString()
			src, err := r.read(path, marks)
			if err != nil {
				return cty.UnknownVal(cty.String), function.NewArgError(0, err)
			}
			if encBase64 {
				return cty.StringVal(base64.StdEncoding.EncodeToString(src)).WithMarks(marks), nil
			}
			if !utf8.Valid(src) {
				return cty.UnknownVal(cty.String), fmt.Errorf("contents of %s are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead", redactIfSensitive(path, marks))
			}
			return cty.StringVal(string(src)).WithMarks(marks), nil
		},
	})
}

// fileExistsFunc reports whether a file can be read at path. readFile is
// the only access to files, so anything it fails to read for a reason other
// than non-existence (a directory, say) is an error rather than false.
func (r fileReader) fileExistsFunc() function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String, AllowMarked: true}},
		Type:         function.StaticReturnType(cty.Bool),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			pathVal, marks := args[0].Unmark()
			path, err := r.resolve(pathVal.AsString())
			if err != nil {
				return cty.UnknownVal(cty.Bool), function.NewArgError(0, err)
			}
			_, err = r.readFile(path)
			switch {
			case err == nil:
				return cty.True.WithMarks(marks), nil
			case errors.Is(err, fs.ErrNotExist):
				return cty.False.WithMarks(marks), nil
			default:
				return cty.UnknownVal(cty.Bool), function.NewArgErrorf(0, "%s is not a regular file", redactIfSensitive(path, marks))
			}
		},
	})
}

// templateFileFunc returns templatefile(path, vars), which renders the file
// at path as an HCL template whose only variables are the attributes of
// vars. The template can call every function in the table that funcs
// returns, except templatefile and templatestring: a template that could
// include itself would never finish.
//
// A template that is a single interpolation ("${x}") can produce any type,
// so the result type is found by rendering; it is unknown (cty.DynamicVal)
// while path or vars is unknown. Marks on the path and on vars carry over to
// the result. The template's lines and what it builds are bounded by l.
func (r fileReader) templateFileFunc(funcs func() map[string]function.Function, l limits, templates *templateCache) function.Function {
	params := []function.Parameter{
		{Name: "path", Type: cty.String, AllowMarked: true},
		{Name: "vars", Type: cty.DynamicPseudoType},
	}

	load := func(path string, marks cty.ValueMarks) (hcl.Expression, error) {
		src, err := r.read(path, marks)
		if err != nil {
			return nil, function.NewArgError(0, err)
		}
		if !utf8.Valid(src) {
			return nil, fmt.Errorf("contents of %s are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead", redactIfSensitive(path, marks))
		}
		if err := l.checkTemplateLines(src); err != nil {
			return nil, function.NewArgError(0, err)
		}
		expr, diags := templates.parse(src, path)
		if diags.HasErrors() {
			return nil, diags
		}
		return expr, nil
	}

	render := func(expr hcl.Expression, vars cty.Value) (cty.Value, error) {
		return renderTemplate(expr, vars, templateFunctions(funcs(), true), l)
	}

	return function.New(&function.Spec{
		Params: params,
		Type: func(args []cty.Value) (cty.Type, error) {
			if !args[0].IsKnown() || !args[1].IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			pathVal, marks := args[0].Unmark()
			expr, err := load(pathVal.AsString(), marks)
			if err != nil {
				return cty.DynamicPseudoType, err
			}
			// HCL's template evaluation copes with unknowns nested in vars.
			val, err := render(expr, args[1])
			return val.Type(), err
		},
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			pathVal, marks := args[0].Unmark()
			expr, err := load(pathVal.AsString(), marks)
			if err != nil {
				return cty.DynamicVal, err
			}
			val, err := render(expr, args[1])
			return val.WithMarks(marks), err
		},
	})
}

// absPathFunc returns a function that makes a path absolute. Terraform
// resolves against the process's working directory; vpcplan resolves
// against baseDir instead, because library code doesn't consult the working
// directory. It fails if baseDir is itself relative.
func (r fileReader) absPathFunc() function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			path := args[0].AsString()
			if !filepath.IsAbs(path) {
				path = filepath.Join(r.baseDir, path)
			}
			path = filepath.Clean(path)
			if !filepath.IsAbs(path) {
				return cty.UnknownVal(cty.String), fmt.Errorf("cannot make %q absolute: the configuration directory %q is a relative path", args[0].AsString(), r.baseDir)
			}
			return cty.StringVal(filepath.ToSlash(path)), nil
		},
	})
}

var (
	// basenameFunc returns the last element of a path (filepath.Base).
	basenameFunc = stringToString("path", func(s string) (string, error) { return filepath.Base(s), nil })
	// dirnameFunc returns all but the last element of a path (filepath.Dir).
	dirnameFunc = stringToString("path", func(s string) (string, error) { return filepath.Dir(s), nil })
)

// pathExpandFunc returns pathexpand(path): path with a leading "~"
// replaced by the home directory.
func (r fileReader) pathExpandFunc() function.Function {
	return stringToString("path", r.expandHome)
}

// fileSetFunc returns fileset(path, pattern): the set of regular files
// under path that match the glob pattern (with "**" for any number of
// directories), as paths relative to path with forward slashes. Marks on
// either argument carry over to the result.
func (r fileReader) fileSetFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String, AllowMarked: true, AllowUnknown: true},
			{Name: "pattern", Type: cty.String, AllowMarked: true, AllowUnknown: true},
		},
		Type:         function.StaticReturnType(cty.Set(cty.String)),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			pathVal, pathMarks := args[0].Unmark()
			patternVal, patternMarks := args[1].Unmark()
			marks := []cty.ValueMarks{pathMarks, patternMarks}
			if !pathVal.IsKnown() || !patternVal.IsKnown() {
				return cty.UnknownVal(retType).WithMarks(marks...), nil
			}
			matches, err := r.glob(pathVal.AsString(), patternVal.AsString(), marks)
			if err != nil {
				return cty.UnknownVal(retType), err
			}
			if len(matches) == 0 {
				return cty.SetValEmpty(cty.String).WithMarks(marks...), nil
			}
			vals := make([]cty.Value, len(matches))
			for i, m := range matches {
				vals[i] = cty.StringVal(m)
			}
			return cty.SetVal(vals).WithMarks(marks...), nil
		},
	})
}

// glob finds the regular files matching pattern under dir, as Terraform's
// fileset does with doublestar: the pattern is joined onto dir (so it may
// climb out of it with ".."), and each match is given relative to dir.
func (r fileReader) glob(dir, pattern string, marks []cty.ValueMarks) ([]string, error) {
	if r.readDir == nil || r.stat == nil {
		return nil, errors.New("fileset cannot list directories here")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(r.baseDir, dir)
	}
	full := filepath.ToSlash(filepath.Join(dir, pattern))
	// Everything before the first segment with a glob character is a plain
	// directory to start from; the io/fs view below is rooted there.
	base, rest := doublestar.SplitPattern(full)
	found, err := doublestar.Glob(callbackFS{root: filepath.FromSlash(base), readDir: r.readDir, stat: r.stat}, rest)
	if err != nil {
		return nil, fmt.Errorf("failed to glob pattern %s: %w", redactIfSensitive(filepath.FromSlash(full), marks...), err)
	}
	var out []string
	for _, m := range found {
		p := filepath.Join(filepath.FromSlash(base), filepath.FromSlash(m))
		fi, err := r.stat(p)
		if err != nil {
			return nil, fmt.Errorf("failed to stat %s: %w", redactIfSensitive(p, marks...), err)
		}
		if !fi.Mode().IsRegular() {
			continue
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return nil, fmt.Errorf("failed to trim path of match %s: %w", redactIfSensitive(p, marks...), err)
		}
		out = append(out, filepath.ToSlash(rel))
	}
	return out, nil
}

// callbackFS is an io/fs view, rooted at root, of a file system reached
// through ReadDir and Stat callbacks; doublestar needs nothing else.
type callbackFS struct {
	root    string
	readDir func(path string) ([]fs.DirEntry, error)
	stat    func(path string) (fs.FileInfo, error)
}

func (c callbackFS) path(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(c.root, filepath.FromSlash(name)), nil
}

// Open is not supported: doublestar reads directories with ReadDir and
// describes files with Stat.
func (c callbackFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: errors.ErrUnsupported}
}

func (c callbackFS) ReadDir(name string) ([]fs.DirEntry, error) {
	p, err := c.path("readdir", name)
	if err != nil {
		return nil, err
	}
	return c.readDir(p)
}

func (c callbackFS) Stat(name string) (fs.FileInfo, error) {
	p, err := c.path("stat", name)
	if err != nil {
		return nil, err
	}
	return c.stat(p)
}
