package funcs

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"

	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Table returns a fresh map of every function vpcplan offers, keyed by name,
// for use as hcl.EvalContext.Functions.
//
// baseDir is the directory that relative paths given to file, filebase64,
// fileexists, templatefile, the file hash functions and abspath resolve
// against; it should be absolute, or abspath fails. readFile reads the
// file at a resolved path and must report a missing file with an error
// satisfying errors.Is(err, fs.ErrNotExist); os.ReadFile qualifies, as does
// a wrapper around fs.ReadFile. readFile must not be nil.
//
// Templates rendered by templatefile can call every function in the
// returned map, including any the caller adds to it, except templatefile.
func Table(baseDir string, readFile func(path string) ([]byte, error)) map[string]function.Function {
	if readFile == nil {
		panic("funcs.Table: readFile is nil")
	}
	r := fileReader{baseDir: baseDir, readFile: readFile}
	t := map[string]function.Function{
		// Numbers.
		"abs":      stdlib.AbsoluteFunc,
		"ceil":     stdlib.CeilFunc,
		"floor":    stdlib.FloorFunc,
		"log":      stdlib.LogFunc,
		"max":      stdlib.MaxFunc,
		"min":      stdlib.MinFunc,
		"parseint": stdlib.ParseIntFunc,
		"pow":      stdlib.PowFunc,
		"signum":   stdlib.SignumFunc,
		"sum":      sumFunc,

		// Strings.
		"chomp":       stdlib.ChompFunc,
		"endswith":    endsWithFunc,
		"format":      stdlib.FormatFunc,
		"formatlist":  stdlib.FormatListFunc,
		"indent":      stdlib.IndentFunc,
		"join":        stdlib.JoinFunc,
		"lower":       stdlib.LowerFunc,
		"regex":       stdlib.RegexFunc,
		"regexall":    stdlib.RegexAllFunc,
		"replace":     replaceFunc,
		"split":       stdlib.SplitFunc,
		"startswith":  startsWithFunc,
		"strcontains": strContainsFunc,
		"strrev":      stdlib.ReverseFunc,
		"substr":      stdlib.SubstrFunc,
		"title":       stdlib.TitleFunc,
		"trim":        stdlib.TrimFunc,
		"trimprefix":  stdlib.TrimPrefixFunc,
		"trimspace":   stdlib.TrimSpaceFunc,
		"trimsuffix":  stdlib.TrimSuffixFunc,
		"upper":       stdlib.UpperFunc,

		// Collections.
		"alltrue":         allTrueFunc,
		"anytrue":         anyTrueFunc,
		"chunklist":       stdlib.ChunklistFunc,
		"coalesce":        coalesceFunc,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         stdlib.CompactFunc,
		"concat":          stdlib.ConcatFunc,
		"contains":        stdlib.ContainsFunc,
		"distinct":        stdlib.DistinctFunc,
		"element":         stdlib.ElementFunc,
		"flatten":         stdlib.FlattenFunc,
		"index":           indexFunc,
		"keys":            stdlib.KeysFunc,
		"length":          lengthFunc,
		"list":            listFunc,
		"lookup":          lookupFunc,
		"map":             mapFunc,
		"matchkeys":       matchkeysFunc,
		"merge":           stdlib.MergeFunc,
		"one":             oneFunc,
		"range":           stdlib.RangeFunc,
		"reverse":         stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc,
		"setproduct":      stdlib.SetProductFunc,
		"setsubtract":     stdlib.SetSubtractFunc,
		"setunion":        stdlib.SetUnionFunc,
		"slice":           stdlib.SliceFunc,
		"sort":            stdlib.SortFunc,
		"transpose":       transposeFunc,
		"values":          stdlib.ValuesFunc,
		"zipmap":          stdlib.ZipmapFunc,

		// Encoding.
		"base64decode":     base64DecodeFunc,
		"base64encode":     base64EncodeFunc,
		"base64gzip":       base64GzipFunc,
		"csvdecode":        stdlib.CSVDecodeFunc,
		"jsondecode":       stdlib.JSONDecodeFunc,
		"jsonencode":       stdlib.JSONEncodeFunc,
		"textdecodebase64": textDecodeBase64Func,
		"textencodebase64": textEncodeBase64Func,
		"urlencode":        urlEncodeFunc,

		// Files and paths.
		"abspath":          r.absPathFunc(),
		"basename":         basenameFunc,
		"dirname":          dirnameFunc,
		"file":             r.fileFunc(false),
		"filebase64":       r.fileFunc(true),
		"filebase64sha256": r.hashFile(sha256.New, base64.StdEncoding.EncodeToString),
		"filebase64sha512": r.hashFile(sha512.New, base64.StdEncoding.EncodeToString),
		"fileexists":       r.fileExistsFunc(),
		"filemd5":          r.hashFile(md5.New, hex.EncodeToString),
		"filesha1":         r.hashFile(sha1.New, hex.EncodeToString),
		"filesha256":       r.hashFile(sha256.New, hex.EncodeToString),
		"filesha512":       r.hashFile(sha512.New, hex.EncodeToString),

		// Dates and times.
		"formatdate": stdlib.FormatDateFunc,
		"timeadd":    stdlib.TimeAddFunc,
		"timestamp":  timestampFunc,

		// Hashes.
		"base64sha256": base64SHA256Func,
		"base64sha512": base64SHA512Func,
		"md5":          md5Func,
		"sha1":         sha1Func,
		"sha256":       sha256Func,
		"sha512":       sha512Func,

		// IP networks.
		"cidrhost":    cidrHostFunc,
		"cidrnetmask": cidrNetmaskFunc,
		"cidrsubnet":  cidrSubnetFunc,
		"cidrsubnets": cidrSubnetsFunc,

		// Types, errors and sensitivity.
		"can":          tryfunc.CanFunc,
		"issensitive":  issensitiveFunc,
		"nonsensitive": nonsensitiveFunc,
		"sensitive":    sensitiveFunc,
		"tobool":       makeToFunc(cty.Bool),
		"tolist":       makeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":        makeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":     makeToFunc(cty.Number),
		"toset":        makeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":     makeToFunc(cty.String),
		"try":          tryfunc.TryFunc,
	}
	t["templatefile"] = r.templateFileFunc(func() map[string]function.Function { return t })
	return t
}
