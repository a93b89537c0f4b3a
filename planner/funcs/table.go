package funcs

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"io"
	"io/fs"
	"time"

	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/vpcplan/vpcplan/internal/bounds"
	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Options configures a function table: where the file functions read, and
// the inputs of the functions whose results do not follow from their
// arguments alone. Only BaseDir and ReadFile are needed; every other field
// has a zero value that behaves as Terraform does while validating.
type Options struct {
	// BaseDir is the directory that relative paths given to file,
	// filebase64, fileexists, fileset, templatefile, the file hash
	// functions and abspath resolve against; it should be absolute, or
	// abspath fails.
	BaseDir string
	// ReadFile reads the file at a resolved path. It must report a missing
	// file with an error satisfying errors.Is(err, fs.ErrNotExist);
	// os.ReadFile qualifies, as does a wrapper around fs.ReadFile. It must
	// not be nil.
	ReadFile func(path string) ([]byte, error)
	// ReadDir and Stat list a directory and describe a file, given resolved
	// paths, for fileset (os.ReadDir and os.Stat qualify). fileset fails
	// when either is nil.
	ReadDir func(path string) ([]fs.DirEntry, error)
	Stat    func(path string) (fs.FileInfo, error)
	// HomeDir replaces a leading "~" in pathexpand and in the paths given
	// to the file functions, as Terraform expands the user's home
	// directory. When it is "", such paths fail.
	HomeDir string
	// PlanTimestamp is what plantimestamp returns; the zero time makes it
	// unknown, as Terraform's is during validation.
	PlanTimestamp time.Time
	// Now, when set, is timestamp's clock. Rand, when set, is uuid's source
	// of randomness, and makes bcrypt hash for real (with the operating
	// system's randomness, as golang.org/x/crypto/bcrypt always salts).
	// Unset, these functions return unknown values after checking their
	// arguments, as Terraform's do while planning: their results would
	// differ between plan and apply.
	Now  func() time.Time
	Rand io.Reader
	// Limits are the bounds the functions check their calls against
	// (range, setproduct, format, join, templatefile and the like); a
	// zero field means its bound's default.
	Limits bounds.Limits
	// TerraformProviders are the local names under which the configuration
	// requires Terraform's built-in provider (source
	// "terraform.io/builtin/terraform"); each adds that provider's
	// functions as provider::NAME::encode_tfvars, decode_tfvars and
	// encode_expr.
	TerraformProviders []string
}

// Table returns New's table for the base directory and file reader alone.
func Table(baseDir string, readFile func(path string) ([]byte, error)) map[string]function.Function {
	return New(Options{BaseDir: baseDir, ReadFile: readFile})
}

// New returns a fresh map of every function vpcplan offers, keyed by name,
// for use as hcl.EvalContext.Functions: each built-in function under its
// name and under core::NAME, as in Terraform, and the functions of the
// providers Options names under provider::NAME::FUNCTION.
//
// Templates rendered by templatefile and templatestring can call every
// function in the returned map, including any the caller adds to it,
// except templatefile and templatestring themselves; templatestring's
// templates cannot call the file functions either.
func New(opts Options) map[string]function.Function {
	if opts.ReadFile == nil {
		panic("funcs.New: ReadFile is nil")
	}
	l := limits(opts.Limits.OrDefaults())
	r := fileReader{baseDir: opts.BaseDir, readFile: opts.ReadFile, readDir: opts.ReadDir, stat: opts.Stat, homeDir: opts.HomeDir}
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
		"format":      l.bounded(stdlib.FormatFunc, l.checkFormatCall),
		"formatlist":  l.bounded(stdlib.FormatListFunc, l.checkFormatCall),
		"indent":      l.bounded(stdlib.IndentFunc, l.checkIndent),
		"join":        l.bounded(l.listsAsIs(stdlib.JoinFunc), l.checkJoin),
		"lower":       stdlib.LowerFunc,
		"regex":       stdlib.RegexFunc,
		"regexall":    stdlib.RegexAllFunc,
		"replace":     l.bounded(replaceFunc, l.checkReplace),
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
		"uuidv5":      uuidV5Func,

		// Collections.
		"alltrue":         l.listsAsIs(allTrueFunc),
		"anytrue":         l.listsAsIs(anyTrueFunc),
		"chunklist":       l.listsAsIs(stdlib.ChunklistFunc),
		"coalesce":        coalesceFunc,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         l.listsAsIs(stdlib.CompactFunc),
		"concat":          stdlib.ConcatFunc,
		"contains":        stdlib.ContainsFunc,
		"distinct":        l.listsAsIs(distinctFunc),
		"element":         stdlib.ElementFunc,
		"flatten":         stdlib.FlattenFunc,
		"index":           indexFunc,
		"keys":            stdlib.KeysFunc,
		"length":          lengthFunc,
		"list":            listFunc,
		"lookup":          lookupFunc,
		"map":             mapFunc,
		"matchkeys":       l.listsAsIs(matchkeysFunc),
		"merge":           stdlib.MergeFunc,
		"one":             oneFunc,
		"range":           l.bounded(stdlib.RangeFunc, l.checkRange),
		"reverse":         stdlib.ReverseListFunc,
		"setintersection": l.listsAsIs(stdlib.SetIntersectionFunc),
		"setproduct":      l.bounded(l.setProductFunc(), l.checkSetProduct),
		"setsubtract":     l.listsAsIs(stdlib.SetSubtractFunc),
		"setunion":        l.listsAsIs(stdlib.SetUnionFunc),
		"slice":           stdlib.SliceFunc,
		"sort":            l.listsAsIs(stdlib.SortFunc),
		"transpose":       l.listsAsIs(transposeFunc),
		"values":          stdlib.ValuesFunc,
		"zipmap":          l.listsAsIs(stdlib.ZipmapFunc),

		// Encoding.
		"base64decode":     base64DecodeFunc,
		"base64encode":     l.bounded(base64EncodeFunc, nil),
		"base64gzip":       l.bounded(base64GzipFunc, nil),
		"csvdecode":        stdlib.CSVDecodeFunc,
		"jsondecode":       stdlib.JSONDecodeFunc,
		"jsonencode":       l.bounded(stdlib.JSONEncodeFunc, nil),
		"yamldecode":       ctyyaml.YAMLDecodeFunc,
		"yamlencode":       l.bounded(ctyyaml.YAMLEncodeFunc, nil),
		"textdecodebase64": textDecodeBase64Func,
		"textencodebase64": l.bounded(textEncodeBase64Func, nil),
		"urlencode":        l.bounded(urlEncodeFunc, nil),

		// Files and paths.
		"abspath":          r.absPathFunc(),
		"basename":         basenameFunc,
		"dirname":          dirnameFunc,
		"file":             l.bounded(r.fileFunc(false), nil),
		"filebase64":       l.bounded(r.fileFunc(true), nil),
		"filebase64sha256": r.hashFile(sha256.New, base64.StdEncoding.EncodeToString),
		"filebase64sha512": r.hashFile(sha512.New, base64.StdEncoding.EncodeToString),
		"fileexists":       r.fileExistsFunc(),
		"fileset":          r.fileSetFunc(),
		"filemd5":          r.hashFile(md5.New, hex.EncodeToString),
		"filesha1":         r.hashFile(sha1.New, hex.EncodeToString),
		"filesha256":       r.hashFile(sha256.New, hex.EncodeToString),
		"filesha512":       r.hashFile(sha512.New, hex.EncodeToString),
		"pathexpand":       r.pathExpandFunc(),

		// Dates and times.
		"formatdate":    stdlib.FormatDateFunc,
		"plantimestamp": staticTimestampFunc(opts.PlanTimestamp),
		"timeadd":       stdlib.TimeAddFunc,
		"timecmp":       timeCmpFunc,
		"timestamp":     timestampFunc(opts.Now),

		// Hashes.
		"base64sha256": base64SHA256Func,
		"base64sha512": base64SHA512Func,
		"bcrypt":       bcryptFunc(opts.Rand != nil),
		"md5":          md5Func,
		"rsadecrypt":   rsaDecryptFunc,
		"sha1":         sha1Func,
		"sha256":       sha256Func,
		"sha512":       sha512Func,
		"uuid":         uuidFunc(opts.Rand),

		// IP networks.
		"cidrhost":    cidrHostFunc,
		"cidrnetmask": cidrNetmaskFunc,
		"cidrsubnet":  cidrSubnetFunc,
		"cidrsubnets": cidrSubnetsFunc,

		// Types, errors and sensitivity.
		"can":             tryfunc.CanFunc,
		"ephemeralasnull": ephemeralAsNullFunc,
		"issensitive":     issensitiveFunc,
		"nonsensitive":    nonsensitiveFunc,
		"sensitive":       sensitiveFunc,
		"tobool":          l.makeToFunc(cty.Bool),
		"tolist":          l.makeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":           l.makeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":        l.makeToFunc(cty.Number),
		"toset":           l.makeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":        l.makeToFunc(cty.String),
		"try":             tryfunc.TryFunc,
	}
	all := func() map[string]function.Function { return t }
	t["templatefile"] = l.bounded(r.templateFileFunc(all, l, &templateCache{}), nil)
	t["templatestring"] = l.bounded(templateStringFunc(all, l), nil)
	names := make([]string, 0, len(t))
	for name := range t {
		names = append(names, name)
	}
	for _, name := range names {
		t["core::"+name] = t[name]
	}
	for _, local := range opts.TerraformProviders {
		for name, f := range terraformProviderFuncs {
			t["provider::"+local+"::"+name] = f
		}
	}
	return t
}
