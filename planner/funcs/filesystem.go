package funcs

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// fileReader resolves the paths given to file functions against baseDir and
// reads them through readFile. It is the only way this package touches files.
type fileReader struct {
	baseDir  string
	readFile func(path string) ([]byte, error)
}

// resolve joins a relative path onto baseDir and cleans the result. Unlike
// Terraform, a leading "~" is not expanded: that would read $HOME.
func (r fileReader) resolve(path string) string {
	if !filepath.IsAbs(path) {
		path = filepath.Join(r.baseDir, path)
	}
	return filepath.Clean(path)
}

// read returns the contents of the file at path. Error messages quote path
// as the user wrote it, or redact it if marks include SensitiveMark.
func (r fileReader) read(path string, marks cty.ValueMarks) ([]byte, error) {
	src, err := r.readFile(r.resolve(path))
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
			path := r.resolve(pathVal.AsString())
			_, err := r.readFile(path)
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
// returns, except templatefile itself: a template that could include itself
// would never finish.
//
// A template that is a single interpolation ("${x}") can produce any type,
// so the result type is found by rendering; it is unknown (cty.DynamicVal)
// while path or vars is unknown. Marks on the path and on vars carry over to
// the result.
func (r fileReader) templateFileFunc(funcs func() map[string]function.Function) function.Function {
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
		expr, diags := hclsyntax.ParseTemplate(src, path, hcl.Pos{Line: 1, Column: 1, Byte: 0})
		if diags.HasErrors() {
			return nil, diags
		}
		return expr, nil
	}

	render := func(expr hcl.Expression, vars cty.Value) (cty.Value, error) {
		if ty := vars.Type(); !ty.IsMapType() && !ty.IsObjectType() {
			return cty.DynamicVal, function.NewArgErrorf(1, "invalid vars value: must be a map")
		}
		ctx := &hcl.EvalContext{Variables: vars.AsValueMap()}
		for name := range ctx.Variables {
			if !hclsyntax.ValidIdentifier(name) {
				return cty.DynamicVal, function.NewArgErrorf(1, "invalid template variable name %q: must start with a letter, followed by zero or more letters, digits, and underscores", name)
			}
		}
		// Checked here, not left to HCL, so the message says the problem
		// is in the templatefile call. Variables() is in source order, so
		// the first missing key reported is deterministic.
		for _, traversal := range expr.Variables() {
			root := traversal.RootName()
			if _, ok := ctx.Variables[root]; !ok {
				return cty.DynamicVal, function.NewArgErrorf(1, "vars map does not contain key %q, referenced at %s", root, traversal[0].SourceRange())
			}
		}

		given := funcs()
		ctx.Functions = make(map[string]function.Function, len(given))
		for name, fn := range given {
			ctx.Functions[name] = fn
		}
		ctx.Functions["templatefile"] = function.New(&function.Spec{
			Params: params,
			Type: func([]cty.Value) (cty.Type, error) {
				return cty.NilType, errors.New("cannot recursively call templatefile from inside another template function")
			},
		})

		val, diags := expr.Value(ctx)
		if diags.HasErrors() {
			return cty.DynamicVal, diags
		}
		return val, nil
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
			path := r.resolve(args[0].AsString())
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
