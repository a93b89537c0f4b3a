package funcs

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	ctyjson "github.com/zclconf/go-cty/cty/json"
	"golang.org/x/crypto/bcrypt"
)

// testDir is the baseDir of the test table. It is absolute so that abspath
// works; readTestFile maps it onto testFS.
const testDir = "/cfg"

var testFS = fstest.MapFS{
	"cfg/hello.txt":         {Data: []byte("Hello\n")},
	"cfg/binary.bin":        {Data: []byte{0xff, 0xfe}},
	"cfg/hello.tmpl":        {Data: []byte("Hello, ${name}!")},
	"cfg/list.tmpl":         {Data: []byte("%{ for x in list ~}\n- ${x}\n%{ endfor ~}\n")},
	"cfg/func.tmpl":         {Data: []byte(`The items are ${join(", ", list)} (${length(list)}) from ${file("hello.txt")}`)},
	"cfg/value.tmpl":        {Data: []byte("${x}")},
	"cfg/recursive.tmpl":    {Data: []byte(`${templatefile("recursive.tmpl", {})}`)},
	"cfg/big.tmpl":          {Data: []byte(`%{for i in range(1000)}%{for j in range(1000)}${k}%{endfor}%{endfor}`)},
	"cfg/sub/dir.txt":       {Data: []byte("in a subdirectory")},
	"cfg/sub/.hidden":       {Data: []byte("hidden")},
	"cfg/sub/deeper/z.txt":  {Data: []byte("deeper")},
	"cfg/tmpl/rec.tmpl":     {Data: []byte(`${templatestring(t, {t = t})}`)},
	"home/tester/notes.txt": {Data: []byte("notes")},
}

func readTestFile(p string) ([]byte, error) {
	return fs.ReadFile(testFS, testFSPath(p))
}

func testFSPath(p string) string {
	p = strings.TrimPrefix(path.Clean(strings.ReplaceAll(p, `\`, "/")), "/")
	if p == "" {
		return "."
	}
	return p
}

// testNow is the clock and testPlanTime the plan's timestamp of the test
// table.
var (
	testNow      = time.Date(2026, 11, 28, 14, 4, 37, 0, time.FixedZone("CET", 3600))
	testPlanTime = time.Date(2026, 11, 28, 13, 0, 0, 0, time.UTC)
)

// testOptions are the options of the test table: testFS, a home
// directory, a fixed clock and plan time, a fixed source of randomness,
// and Terraform's provider under its usual local name.
func testOptions() Options {
	return Options{
		BaseDir:            testDir,
		ReadFile:           readTestFile,
		ReadDir:            func(p string) ([]fs.DirEntry, error) { return fs.ReadDir(testFS, testFSPath(p)) },
		Stat:               func(p string) (fs.FileInfo, error) { return fs.Stat(testFS, testFSPath(p)) },
		HomeDir:            "/home/tester",
		PlanTimestamp:      testPlanTime,
		Now:                func() time.Time { return testNow },
		Rand:               bytes.NewReader(bytes.Repeat([]byte{0x5a, 0xc3, 0x17}, 100)),
		TerraformProviders: []string{"terraform"},
	}
}

// testVars are the variables visible to every test expression.
var testVars = map[string]cty.Value{
	"unknown": cty.ObjectVal(map[string]cty.Value{
		"str":  cty.UnknownVal(cty.String),
		"num":  cty.UnknownVal(cty.Number),
		"list": cty.UnknownVal(cty.List(cty.String)),
		"any":  cty.DynamicVal,
	}),
	"secret":      cty.StringVal("hunter2").Mark(SensitiveMark),
	"secret_cidr": cty.StringVal("10.0.0.0/16").Mark(SensitiveMark),
	"secret_list": cty.ListVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")}).Mark(SensitiveMark),
	"secret_in_list": cty.ListVal([]cty.Value{
		cty.StringVal("a"),
		cty.StringVal("b").Mark(SensitiveMark),
	}),
	// tpl holds templates for templatestring, which takes them only by
	// reference.
	"tpl": cty.ObjectVal(map[string]cty.Value{
		"hello":   cty.StringVal("Hello, ${name}!"),
		"loop":    cty.StringVal("%{ for i in xs }${i},%{ endfor }"),
		"null":    cty.StringVal("${null}"),
		"file":    cty.StringVal(`${file("hello.txt")}`),
		"rec":     cty.StringVal(`${templatestring(t, {t = t})}`),
		"tfile":   cty.StringVal(`${templatefile("hello.tmpl", {name = "x"})}`),
		"num":     cty.NumberIntVal(5),
		"secret":  cty.StringVal("Secret ${name}").Mark(SensitiveMark),
		"unknown": cty.UnknownVal(cty.String),
		"bad":     cty.StringVal("${"),
	}),
	"rsa_key":        cty.StringVal(rsaTestKey),
	"rsa_ciphertext": cty.StringVal(rsaTestCiphertext),
}

// rsaTestKey is a throwaway 1024-bit key made with openssl genrsa -traditional,
// and rsaTestCiphertext "message" encrypted to it with openssl pkeyutl
// (PKCS #1 v1.5 padding) and Base64 encoded; Terraform's rsadecrypt
// decrypts it to "message" too.
const (
	rsaTestKey = `-----BEGIN RSA PRIVATE KEY-----
MIICXQIBAAKBgQDKGxAQOmfnRucTGhzsk88Z3Is+iIgOYIc/q4pr/1os+OogSRCI
pFltKkzIEpqSNap2S69pA/9wjg9w0BJ7mUsN8/Mj1MZW/MFgwRcpedYXAf0QLJBx
/baYxkPgOd5fSlNeAf+rc23OKc3vlryIddjKgE8hRfAf8t7g6OAcTjN+XQIDAQAB
AoGAL1+8mjE2nc3O6Hlcgk/7YbKCqTvTuJsD2Pba0Ynfl18ZckvuJjlwBNi/er5x
oQgXVvdSvKkFPVrvX6BGVNaP8uCe53ym9jqu6kIn51NKGaKjHQ1iMu/x9NsNVphF
TleGKTRRU7T6e+1JJvLUPeIRkBK4LZrXlA+UAHD7/0EfNPkCQQDsW4omp4R2Wtmb
cYTwv7XACqeqqU7TV4HzKy6cdSPIM/01x0uVezYUM2td4Smj9NCHkaOCgW9e8AkH
cYvoUMNPAkEA2ubSUEIrc+JDRXk5S9abK83Rc8AjGLEyzdxOu/m0FClua9tz7Qrg
NlCOOJqRJDjuAHflGYBfVfksyVPlmgEokwJAVHeeVpQVTarIC7o09Ui97kSgiOf6
yKKESV/MR5PBVuHlgtuXUnN27x81Jpa6J+LsxxYwJgqVv4ru3x8gDcUXFwJBAK2R
yn9jCEtZxFeI+Hp+zwkbqJGsbue8UXlTz4ZTR4uZEnopRzFUp1XJ6AtP2/gpv+XV
K25eELn92ppEkNDdTEsCQQDfQizkAvUhhwowFIEslkU0E/Ed/vSxGwWJfMFNXcri
AxFDHDcRj32DjbedV/+BxM4g1aUvSUpquVoSoYVVKO6j
-----END RSA PRIVATE KEY-----
`
	rsaTestCiphertext = "ZYSRXPKUKwBOOhmNtQrq9YkXj4RBT5sYyW7Hc7bG9Xq418FJwPyERrQ+mHNaZV3qLZ8jr0Xwp5NFlo3Ik8rYiVZaML9QvBz1cy5lUakNXxRPwHt1apqvFmnmMhc9T/Ao3L3xA8eJDizlGe7Q9VXRQjChPhJKY6jONvMNeOZIssY="
)

// valueComparer compares cty values exactly (type, value and marks), except
// that the refinements of a top-level unknown are ignored: these tests check
// that unknowns propagate, and cty decides the refinements.
var valueComparer = cmp.Comparer(func(a, b cty.Value) bool {
	return dropRefinements(a).RawEquals(dropRefinements(b))
})

func dropRefinements(v cty.Value) cty.Value {
	if v == cty.NilVal || v.IsKnown() {
		return v
	}
	return cty.UnknownVal(v.Type()).WithSameMarks(v)
}

func strList(elems ...string) cty.Value {
	vals := make([]cty.Value, len(elems))
	for i, e := range elems {
		vals[i] = cty.StringVal(e)
	}
	return cty.ListVal(vals)
}

func strTuple(elems ...string) cty.Value {
	vals := make([]cty.Value, len(elems))
	for i, e := range elems {
		vals[i] = cty.StringVal(e)
	}
	return cty.TupleVal(vals)
}

func sensitive(v cty.Value) cty.Value { return v.Mark(SensitiveMark) }

// tests has at least one case per function in the table
// (TestTableEveryFunctionTested checks this). A case either wants a value or
// wants an error, given as the first diagnostic's "summary: detail".
var tests = map[string]struct {
	src     string
	want    cty.Value
	wantErr string
}{
	// Numbers.
	"abs":            {src: `abs(-3.5)`, want: cty.NumberFloatVal(3.5)},
	"ceil":           {src: `ceil(1.2)`, want: cty.NumberIntVal(2)},
	"floor":          {src: `floor(1.8)`, want: cty.NumberIntVal(1)},
	"log":            {src: `log(16, 2)`, want: cty.NumberIntVal(4)},
	"max":            {src: `max(1, 5, 3)`, want: cty.NumberIntVal(5)},
	"min":            {src: `min(4, 2, 3)`, want: cty.NumberIntVal(2)},
	"parseint":       {src: `parseint("ff", 16)`, want: cty.NumberIntVal(255)},
	"pow":            {src: `pow(2, 10)`, want: cty.NumberIntVal(1024)},
	"signum":         {src: `signum(-7)`, want: cty.NumberIntVal(-1)},
	"sum":            {src: `sum([1, 2, 3.5])`, want: cty.NumberFloatVal(6.5)},
	"sum empty":      {src: `sum([])`, wantErr: `Invalid function argument: Invalid value for "list" parameter: cannot sum an empty list.`},
	"sum of unknown": {src: `sum([1, unknown.num])`, want: cty.UnknownVal(cty.Number)},

	// Strings.
	"chomp":             {src: `chomp("hello\n")`, want: cty.StringVal("hello")},
	"endswith":          {src: `endswith("hello world", "world")`, want: cty.True},
	"format":            {src: `format("%s-%03d", "a", 7)`, want: cty.StringVal("a-007")},
	"formatlist":        {src: `formatlist("%s=%d", ["a", "b"], 1)`, want: strList("a=1", "b=1")},
	"formatlist pairs":  {src: `formatlist("%s-%s", ["a", "b"], ["x", "y"])`, want: strList("a-x", "b-y")},
	"indent":            {src: `indent(2, "a\nb")`, want: cty.StringVal("a\n  b")},
	"join":              {src: `join(",", ["a", "b"])`, want: cty.StringVal("a,b")},
	"join of lists":     {src: `join("-", ["a"], tolist(["b", "c"]), [])`, want: cty.StringVal("a-b-c")},
	"join of mixed":     {src: `join(",", ["a", 1, true])`, want: cty.StringVal("a,1,true")},
	"join of unknown":   {src: `join(",", ["a", unknown.str])`, want: cty.UnknownVal(cty.String).RefineNotNull()},
	"join of objects":   {src: `join(",", [{a = 1}])`, wantErr: `Invalid function argument: Invalid value for "lists" parameter: element 0: string required, but have object.`},
	"lower":             {src: `lower("ABC")`, want: cty.StringVal("abc")},
	"regex":             {src: `regex("[a-z]+", "123abc")`, want: cty.StringVal("abc")},
	"regexall":          {src: `regexall("[0-9]", "a1b2")`, want: strList("1", "2")},
	"replace literal":   {src: `replace("hello world", "o", "0")`, want: cty.StringVal("hell0 w0rld")},
	"replace regex":     {src: `replace("abc123def", "/[0-9]+/", "-")`, want: cty.StringVal("abc-def")},
	"replace submatch":  {src: `replace("key=value", "/(\\w+)=(\\w+)/", "$2=$1")`, want: cty.StringVal("value=key")},
	"replace one slash": {src: `replace("a/b", "/", "-")`, want: cty.StringVal("a-b")},
	"replace bad regex": {
		src:     `replace("a", "/(/", "-")`,
		wantErr: "Error in function call: Call to function \"replace\" failed: error parsing regexp: missing closing ): `(`.",
	},
	"split":              {src: `split(",", "a,b")`, want: strList("a", "b")},
	"startswith":         {src: `startswith("hello", "he")`, want: cty.True},
	"startswith unknown": {src: `startswith(unknown.str, "he")`, want: cty.UnknownVal(cty.Bool)},
	// HCL refines an unknown template result with its known prefix, less
	// the last character (which a combining character could still change).
	"startswith known prefix":    {src: `startswith("abc${unknown.str}", "ab")`, want: cty.True},
	"startswith known mismatch":  {src: `startswith("abc${unknown.str}", "ax")`, want: cty.False},
	"startswith prefix too long": {src: `startswith("abc${unknown.str}", "abcd")`, want: cty.UnknownVal(cty.Bool)},
	"strcontains":                {src: `strcontains("hello", "ell")`, want: cty.True},
	"strrev":                     {src: `strrev("abc")`, want: cty.StringVal("cba")},
	"substr":                     {src: `substr("hello", 1, 3)`, want: cty.StringVal("ell")},
	"title":                      {src: `title("hello world")`, want: cty.StringVal("Hello World")},
	"trim":                       {src: `trim("?!hello?!", "!?")`, want: cty.StringVal("hello")},
	"trimprefix":                 {src: `trimprefix("helloworld", "hello")`, want: cty.StringVal("world")},
	"trimsuffix":                 {src: `trimsuffix("helloworld", "world")`, want: cty.StringVal("hello")},
	"trimspace":                  {src: `trimspace("  hi \n")`, want: cty.StringVal("hi")},
	"upper":                      {src: `upper("abc")`, want: cty.StringVal("ABC")},

	// Collections.
	"alltrue":                  {src: `alltrue([true, true])`, want: cty.True},
	"alltrue empty":            {src: `alltrue([])`, want: cty.True},
	"anytrue":                  {src: `anytrue([false, true])`, want: cty.True},
	"anytrue empty":            {src: `anytrue([])`, want: cty.False},
	"chunklist":                {src: `chunklist(["a", "b", "c"], 2)`, want: cty.ListVal([]cty.Value{strList("a", "b"), strList("c")})},
	"coalesce skips empty":     {src: `coalesce("", "b")`, want: cty.StringVal("b")},
	"coalesce skips null":      {src: `coalesce(null, 2)`, want: cty.NumberIntVal(2)},
	"coalesce all empty":       {src: `coalesce("", null)`, wantErr: `Error in function call: Call to function "coalesce" failed: no non-null, non-empty-string arguments.`},
	"coalescelist":             {src: `coalescelist([], ["a"])`, want: strTuple("a")},
	"compact":                  {src: `compact(["a", "", "b"])`, want: strList("a", "b")},
	"concat":                   {src: `concat(["a"], ["b"])`, want: strTuple("a", "b")},
	"contains":                 {src: `contains(["a", "b"], "b")`, want: cty.True},
	"distinct":                 {src: `distinct(["a", "b", "a"])`, want: strList("a", "b")},
	"element wraps":            {src: `element(["a", "b", "c"], 4)`, want: cty.StringVal("b")},
	"flatten":                  {src: `flatten([["a"], ["b", ["c"]]])`, want: strTuple("a", "b", "c")},
	"index":                    {src: `index(["a", "b", "c"], "b")`, want: cty.NumberIntVal(1)},
	"index not found":          {src: `index(["a"], "z")`, wantErr: `Error in function call: Call to function "index" failed: item not found.`},
	"index empty":              {src: `index([], "z")`, wantErr: `Error in function call: Call to function "index" failed: cannot search an empty list.`},
	"index unknown":            {src: `index(unknown.list, "a")`, want: cty.UnknownVal(cty.Number)},
	"keys":                     {src: `keys({b = 1, a = 2})`, want: strTuple("a", "b")},
	"length string":            {src: `length("héllo")`, want: cty.NumberIntVal(5)},
	"length tuple":             {src: `length([1, 2])`, want: cty.NumberIntVal(2)},
	"length object":            {src: `length({a = 1})`, want: cty.NumberIntVal(1)},
	"length unknown":           {src: `length(unknown.list)`, want: cty.UnknownVal(cty.Number)},
	"list removed":             {src: `list("a")`, wantErr: `Error in function call: Call to function "list" failed: the "list" function was deprecated in Terraform v0.12 and is no longer available; use tolist([ ... ]) syntax to write a literal list.`},
	"lookup":                   {src: `lookup({a = "x"}, "a")`, want: cty.StringVal("x")},
	"lookup default":           {src: `lookup({a = "x"}, "b", "def")`, want: cty.StringVal("def")},
	"lookup map default":       {src: `lookup(tomap({a = 1}), "b", 7)`, want: cty.NumberIntVal(7)},
	"lookup object missing":    {src: `lookup({a = "x"}, "b")`, wantErr: `Invalid function argument: Invalid value for "inputMap" parameter: the given object has no attribute "b".`},
	"lookup map missing":       {src: `lookup(tomap({a = "x"}), "b")`, wantErr: `Error in function call: Call to function "lookup" failed: lookup failed to find key "b".`},
	"lookup sensitive key":     {src: `lookup(tomap({a = "x"}), secret)`, wantErr: `Error in function call: Call to function "lookup" failed: lookup failed to find key (sensitive value).`},
	"lookup sensitive value":   {src: `lookup({a = secret}, "a")`, want: sensitive(cty.StringVal("hunter2"))},
	"map removed":              {src: `map("a", 1)`, wantErr: `Error in function call: Call to function "map" failed: the "map" function was deprecated in Terraform v0.12 and is no longer available; use tomap({ ... }) syntax to write a literal map.`},
	"matchkeys":                {src: `matchkeys(["i-1", "i-2", "i-3"], ["us-1", "us-2", "us-1"], ["us-1"])`, want: strList("i-1", "i-3")},
	"merge":                    {src: `merge({a = 1}, {b = 2}, {a = 3})`, want: cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(3), "b": cty.NumberIntVal(2)})},
	"one of none":              {src: `one([])`, want: cty.NullVal(cty.DynamicPseudoType)},
	"one of one":               {src: `one(["a"])`, want: cty.StringVal("a")},
	"one of two":               {src: `one(["a", "b"])`, wantErr: `Invalid function argument: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements.`},
	"one of list of two":       {src: `one(tolist(["a", "b"]))`, wantErr: `Invalid function argument: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements.`},
	"one of set":               {src: `one(toset(["a", "a"]))`, want: cty.StringVal("a")},
	"one of unknown list":      {src: `one(unknown.list)`, want: cty.UnknownVal(cty.String)},
	"range":                    {src: `range(3)`, want: cty.ListVal([]cty.Value{cty.NumberIntVal(0), cty.NumberIntVal(1), cty.NumberIntVal(2)})},
	"reverse":                  {src: `reverse(["a", "b"])`, want: strTuple("b", "a")},
	"setintersection":          {src: `setintersection(["a", "b"], ["b", "c"])`, want: cty.SetVal([]cty.Value{cty.StringVal("b")})},
	"setproduct":               {src: `setproduct(["a", "b"], ["x"])`, want: cty.ListVal([]cty.Value{strTuple("a", "x"), strTuple("b", "x")})},
	"setsubtract":              {src: `setsubtract(["a", "b"], ["b"])`, want: cty.SetVal([]cty.Value{cty.StringVal("a")})},
	"setunion":                 {src: `setunion(["a"], ["b"])`, want: cty.SetVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")})},
	"slice":                    {src: `slice(["a", "b", "c"], 1, 3)`, want: strTuple("b", "c")},
	"sort":                     {src: `sort(["b", "a", "c"])`, want: strList("a", "b", "c")},
	"transpose":                {src: `transpose({a = ["1", "2"], b = ["2"]})`, want: cty.MapVal(map[string]cty.Value{"1": strList("a"), "2": strList("a", "b")})},
	"values":                   {src: `values({b = 2, a = 1})`, want: cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.NumberIntVal(2)})},
	"zipmap":                   {src: `zipmap(["a", "b"], [1, 2])`, want: cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": cty.NumberIntVal(2)})},
	"matchkeys unknown values": {src: `matchkeys(unknown.list, ["a"], ["a"])`, want: cty.UnknownVal(cty.List(cty.String))},

	// Encoding.
	"base64decode":      {src: `base64decode("aGVsbG8=")`, want: cty.StringVal("hello")},
	"base64decode bad":  {src: `base64decode(secret)`, wantErr: `Error in function call: Call to function "base64decode" failed: failed to decode base64 data (sensitive value).`},
	"base64encode":      {src: `base64encode("hello")`, want: cty.StringVal("aGVsbG8=")},
	"base64gzip":        {src: `base64gzip("test")`, want: cty.StringVal("H4sIAAAAAAAA/ypJLS4BAAAA//8BAAD//wx+f9gEAAAA")},
	"csvdecode":         {src: `csvdecode("a,b\n1,2\n")`, want: cty.ListVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"a": cty.StringVal("1"), "b": cty.StringVal("2")})})},
	"jsondecode":        {src: `jsondecode("{\"a\": [1, true]}")`, want: cty.ObjectVal(map[string]cty.Value{"a": cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.True})})},
	"jsonencode sorted": {src: `jsonencode({b = 1, a = "x", c = [true, null]})`, want: cty.StringVal(`{"a":"x","b":1,"c":[true,null]}`)},
	"textdecodebase64":  {src: `textdecodebase64("SABlAGwAbABvAA==", "UTF-16LE")`, want: cty.StringVal("Hello")},
	"textencodebase64":  {src: `textencodebase64("Hello", "UTF-16LE")`, want: cty.StringVal("SABlAGwAbABvAA==")},
	"textencodebase64 bad encoding": {
		src:     `textencodebase64("Hello", "NOPE")`,
		wantErr: `Invalid function argument: Invalid value for "encoding" parameter: "NOPE" is not a supported IANA encoding name or alias in this version of vpcplan.`,
	},
	"urlencode": {src: `urlencode("a b&c")`, want: cty.StringVal("a+b%26c")},

	// Files and paths.
	"abspath":          {src: `abspath("a/../b")`, want: cty.StringVal("/cfg/b")},
	"abspath absolute": {src: `abspath("/x/y")`, want: cty.StringVal("/x/y")},
	"basename":         {src: `basename("/a/b.txt")`, want: cty.StringVal("b.txt")},
	"dirname":          {src: `dirname("/a/b.txt")`, want: cty.StringVal("/a")},
	"file":             {src: `file("hello.txt")`, want: cty.StringVal("Hello\n")},
	"file subdir":      {src: `file("sub/dir.txt")`, want: cty.StringVal("in a subdirectory")},
	"file absolute":    {src: `file("/cfg/hello.txt")`, want: cty.StringVal("Hello\n")},
	"file missing": {
		src:     `file("missing.txt")`,
		wantErr: `Invalid function argument: Invalid value for "path" parameter: no file exists at "missing.txt"; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource.`,
	},
	"file missing sensitive": {
		src:     `file(sensitive("missing.txt"))`,
		wantErr: `Invalid function argument: Invalid value for "path" parameter: no file exists at (sensitive value); this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource.`,
	},
	"file not utf-8": {
		src:     `file("binary.bin")`,
		wantErr: `Error in function call: Call to function "file" failed: contents of "binary.bin" are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead.`,
	},
	"file sensitive path": {src: `file(sensitive("hello.txt"))`, want: sensitive(cty.StringVal("Hello\n"))},
	"file unknown path":   {src: `file(unknown.str)`, want: cty.UnknownVal(cty.String)},
	"filebase64":          {src: `filebase64("binary.bin")`, want: cty.StringVal("//4=")},
	"filebase64sha256":    {src: `filebase64sha256("hello.txt")`, want: cty.StringVal("ZqBFtFIQLFnYQOwJfVnZRn4To/NPZJTlOf/TLBuzXxg=")},
	"filebase64sha512":    {src: `filebase64sha512("hello.txt")`, want: cty.StringVal("wrrSIjgRGUWCr00VCKwCzWnu7u3uuY1U/K5NzvsTzIgudkAyggZgPT+5zV+Umpvg2wVN00+/oZDEmKX+CXUM7w==")},
	"fileexists":          {src: `fileexists("hello.txt")`, want: cty.True},
	"fileexists missing":  {src: `fileexists("nope.txt")`, want: cty.False},
	"filemd5":             {src: `filemd5("hello.txt")`, want: cty.StringVal("09f7e02f1290be211da707a266f153b3")},
	"filesha1":            {src: `filesha1("hello.txt")`, want: cty.StringVal("1d229271928d3f9e2bb0375bd6ce5db6c6d348d9")},
	"filesha256":          {src: `filesha256("hello.txt")`, want: cty.StringVal("66a045b452102c59d840ec097d59d9467e13a3f34f6494e539ffd32c1bb35f18")},
	"filesha512":          {src: `filesha512("hello.txt")`, want: cty.StringVal("c2bad2223811194582af4d1508ac02cd69eeeeedeeb98d54fcae4dcefb13cc882e7640328206603d3fb9cd5f949a9be0db054dd34fbfa190c498a5fe09750cef")},

	"templatefile for directive": {src: `templatefile("list.tmpl", {list = ["a", "b"]})`, want: cty.StringVal("- a\n- b\n")},
	"templatefile functions": {
		src:  `templatefile("func.tmpl", {list = ["a", "b"]})`,
		want: cty.StringVal("The items are a, b (2) from Hello\n"),
	},
	"templatefile single interpolation": {src: `templatefile("value.tmpl", {x = [1]})`, want: cty.TupleVal([]cty.Value{cty.NumberIntVal(1)})},
	"templatefile missing var": {
		src:     `templatefile("hello.tmpl", {})`,
		wantErr: `Invalid function argument: Invalid value for "vars" parameter: vars map does not contain key "name", referenced at hello.tmpl:1,10-14.`,
	},
	"templatefile bad var name": {
		src:     `templatefile("hello.tmpl", {"1x" = 1, name = 2})`,
		wantErr: `Invalid function argument: Invalid value for "vars" parameter: invalid template variable name "1x": must start with a letter, followed by zero or more letters, digits, and underscores.`,
	},
	// 1,000 x 1,000 x 20 bytes: the 839th inner directive passes 16 MiB
	// (839 x 20,000 bytes), before the string is built.
	"templatefile builds past the string length bound": {
		src:     `templatefile("big.tmpl", {k = "abcdefghijklmnopqrst"})`,
		wantErr: `Error in function call: Call to function "templatefile" failed: big.tmpl:1,24-60: String too long; The templates of this expression build more text than vpcplan builds for one expression: they reach 16780000 bytes, past the string length bound of 16777216 (raise it with -max-string-length=N). The expression was not evaluated further..`,
	},
	"templatefile recursive": {
		src:     `templatefile("recursive.tmpl", {})`,
		wantErr: `Error in function call: Call to function "templatefile" failed: recursive.tmpl:1,3-16: Error in function call; Call to function "templatefile" failed: cannot recursively call templatefile from inside another template function..`,
	},
	"templatefile unknown var":   {src: `templatefile("hello.tmpl", {name = unknown.str})`, want: cty.UnknownVal(cty.String)},
	"templatefile unknown vars":  {src: `templatefile("hello.tmpl", unknown.any)`, want: cty.DynamicVal},
	"templatefile sensitive var": {src: `templatefile("hello.tmpl", {name = secret})`, want: sensitive(cty.StringVal("Hello, hunter2!"))},

	// Dates and times.
	"formatdate": {src: `formatdate("YYYY-MM-DD", "2024-01-02T03:04:05Z")`, want: cty.StringVal("2024-01-02")},
	"timeadd":    {src: `timeadd("2024-01-01T00:00:00Z", "1h30m")`, want: cty.StringVal("2024-01-01T01:30:00Z")},

	// Hashes.
	"base64sha256": {src: `base64sha256("hello")`, want: cty.StringVal("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=")},
	"base64sha512": {src: `base64sha512("hello")`, want: cty.StringVal("m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw==")},
	"md5":          {src: `md5("hello")`, want: cty.StringVal("5d41402abc4b2a76b9719d911017c592")},
	"sha1":         {src: `sha1("hello")`, want: cty.StringVal("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d")},
	"sha256":       {src: `sha256("hello")`, want: cty.StringVal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")},
	"sha512":       {src: `sha512("hello")`, want: cty.StringVal("9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043")},

	// IP networks.
	"cidrhost":          {src: `cidrhost("10.0.0.0/24", 5)`, want: cty.StringVal("10.0.0.5")},
	"cidrhost negative": {src: `cidrhost("10.0.0.0/24", -1)`, want: cty.StringVal("10.0.0.255")},
	"cidrhost too big":  {src: `cidrhost("10.0.0.0/24", 256)`, wantErr: `Error in function call: Call to function "cidrhost" failed: prefix of 24 does not accommodate a host numbered 256.`},
	"cidrnetmask":       {src: `cidrnetmask("10.0.0.0/12")`, want: cty.StringVal("255.240.0.0")},
	"cidrnetmask ipv6":  {src: `cidrnetmask("fd00::/8")`, wantErr: `Error in function call: Call to function "cidrnetmask" failed: IPv6 addresses cannot have a netmask: fd00::/8.`},
	"cidrsubnet":        {src: `cidrsubnet("10.0.0.0/16", 8, 2)`, want: cty.StringVal("10.0.2.0/24")},
	"cidrsubnet ipv6":   {src: `cidrsubnet("fd00::/56", 8, 1)`, want: cty.StringVal("fd00:0:0:1::/64")},
	"cidrsubnet leading zeros": {
		src:  `cidrsubnet("010.001.0.0/16", 8, 1)`,
		want: cty.StringVal("10.1.1.0/24"),
	},
	"cidrsubnet too many bits": {
		src:     `cidrsubnet("10.0.0.0/24", 9, 0)`,
		wantErr: `Error in function call: Call to function "cidrsubnet" failed: insufficient address space to extend prefix of 24 by 9.`,
	},
	"cidrsubnet netnum too big": {
		src:     `cidrsubnet("10.0.0.0/24", 4, 16)`,
		wantErr: `Error in function call: Call to function "cidrsubnet" failed: prefix extension of 4 does not accommodate a subnet numbered 16.`,
	},
	"cidrsubnet invalid prefix": {
		src:     `cidrsubnet("10.0.0.0", 4, 1)`,
		wantErr: `Error in function call: Call to function "cidrsubnet" failed: invalid CIDR expression: invalid CIDR address: 10.0.0.0.`,
	},
	"cidrsubnet unknown":   {src: `cidrsubnet(unknown.str, 8, 1)`, want: cty.UnknownVal(cty.String)},
	"cidrsubnet sensitive": {src: `cidrsubnet(secret_cidr, 8, 1)`, want: sensitive(cty.StringVal("10.0.1.0/24"))},
	"cidrsubnets": {
		src:  `cidrsubnets("10.0.0.0/16", 4, 4, 8, 4)`,
		want: strList("10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/24", "10.0.48.0/20"),
	},
	"cidrsubnets exhausted": {
		src:     `cidrsubnets("10.0.0.0/30", 1, 1, 1)`,
		wantErr: `Invalid function argument: Invalid value for "newbits" parameter: not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31.`,
	},

	// Types, errors and sensitivity.
	"can true":                 {src: `can(tonumber("1"))`, want: cty.True},
	"can false":                {src: `can(tonumber("x"))`, want: cty.False},
	"can unknown":              {src: `can(unknown.str)`, want: cty.UnknownVal(cty.Bool)},
	"try falls back":           {src: `try(tonumber("x"), 0)`, want: cty.NumberIntVal(0)},
	"try first":                {src: `try(tonumber("4"), 0)`, want: cty.NumberIntVal(4)},
	"try unknown":              {src: `try(unknown.str, "x")`, want: cty.DynamicVal},
	"tobool":                   {src: `tobool("true")`, want: cty.True},
	"tobool bad string":        {src: `tobool("yes")`, wantErr: `Invalid function argument: Invalid value for "v" parameter: cannot convert "yes" to bool; only the strings "true" or "false" are allowed.`},
	"tolist mixed":             {src: `tolist(["a", 1, true])`, want: strList("a", "1", "true")},
	"tolist incompatible":      {src: `tolist(["a", ["b"]])`, wantErr: `Invalid function argument: Invalid value for "v" parameter: cannot convert tuple to list of any single type.`},
	"tomap":                    {src: `tomap({a = 1, b = "x"})`, want: cty.MapVal(map[string]cty.Value{"a": cty.StringVal("1"), "b": cty.StringVal("x")})},
	"tonumber":                 {src: `tonumber("12")`, want: cty.NumberIntVal(12)},
	"tonumber bad string":      {src: `tonumber("x")`, wantErr: `Invalid function argument: Invalid value for "v" parameter: cannot convert "x" to number; given string must be a decimal representation of a number.`},
	"tonumber sensitive":       {src: `tonumber(secret)`, wantErr: `Invalid function argument: Invalid value for "v" parameter: cannot convert this sensitive string to number.`},
	"tonumber null":            {src: `tonumber(null)`, want: cty.NullVal(cty.Number)},
	"tonumber unknown":         {src: `tonumber(unknown.str)`, want: cty.UnknownVal(cty.Number)},
	"toset":                    {src: `toset(["a", "a", "b"])`, want: cty.SetVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")})},
	"tostring":                 {src: `tostring(1)`, want: cty.StringVal("1")},
	"tostring tuple":           {src: `tostring([])`, wantErr: `Invalid function argument: Invalid value for "v" parameter: cannot convert tuple to string.`},
	"tostring sensitive":       {src: `tostring(secret)`, want: sensitive(cty.StringVal("hunter2"))},
	"sensitive":                {src: `sensitive("x")`, want: sensitive(cty.StringVal("x"))},
	"sensitive unknown":        {src: `sensitive(unknown.str)`, want: sensitive(cty.UnknownVal(cty.String))},
	"nonsensitive":             {src: `nonsensitive(secret)`, want: cty.StringVal("hunter2")},
	"nonsensitive plain":       {src: `nonsensitive("x")`, want: cty.StringVal("x")},
	"issensitive":              {src: `issensitive(secret)`, want: cty.True},
	"issensitive plain":        {src: `issensitive("x")`, want: cty.False},
	"issensitive unknown":      {src: `issensitive(unknown.str)`, want: cty.UnknownVal(cty.Bool)},
	"upper sensitive":          {src: `upper(secret)`, want: sensitive(cty.StringVal("HUNTER2"))},
	"length sensitive":         {src: `length(secret)`, want: sensitive(cty.NumberIntVal(7))},
	"length sensitive list":    {src: `length(secret_list)`, want: sensitive(cty.NumberIntVal(2))},
	"join sensitive element":   {src: `join("-", secret_in_list)`, want: sensitive(cty.StringVal("a-b"))},
	"jsonencode sensitive":     {src: `jsonencode({a = secret})`, want: sensitive(cty.StringVal(`{"a":"hunter2"}`))},
	"replace sensitive":        {src: `replace(secret, "/[0-9]/", "#")`, want: sensitive(cty.StringVal("hunter#"))},
	"coalesce unknown":         {src: `coalesce(unknown.str, "x")`, want: cty.UnknownVal(cty.String)},
	"upper unknown":            {src: `upper(unknown.str)`, want: cty.UnknownVal(cty.String)},
	"format unknown":           {src: `format("%s!", unknown.str)`, want: cty.UnknownVal(cty.String)},
	"jsonencode unknown":       {src: `jsonencode({a = unknown.str})`, want: cty.UnknownVal(cty.String)},
	"base64decode unknown":     {src: `base64decode(sensitive(unknown.str))`, want: sensitive(cty.UnknownVal(cty.String))},
	"lookup sensitive default": {src: `lookup(tomap({a = "x"}), "b", secret)`, want: sensitive(cty.StringVal("hunter2"))},
	"sum sensitive element":    {src: `sum([1, sensitive(2)])`, want: sensitive(cty.NumberIntVal(3))},
	"length dynamic":           {src: `length(unknown.any)`, want: cty.UnknownVal(cty.Number)},
	"fileexists directory":     {src: `fileexists("sub")`, wantErr: `Invalid function argument: Invalid value for "path" parameter: "/cfg/sub" is not a regular file.`},
	"fileexists sensitive":     {src: `fileexists(sensitive("hello.txt"))`, want: sensitive(cty.True)},
	"filesha256 sensitive missing": {
		src:     `filesha256(sensitive("missing.txt"))`,
		wantErr: `Invalid function argument: Invalid value for "path" parameter: no file exists at (sensitive value); this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource.`,
	},
	"filemd5 sensitive":  {src: `filemd5(sensitive("hello.txt"))`, want: sensitive(cty.StringVal("09f7e02f1290be211da707a266f153b3"))},
	"lookup unknown key": {src: `lookup(tomap({a = "x"}), unknown.str)`, want: cty.UnknownVal(cty.String)},

	// The cases below were compared with terraform console (Terraform
	// v1.11.4): each value and message is what it prints.

	// YAML, with go-cty-yaml as in Terraform.
	"yamlencode": {
		src:  `yamlencode({a = 1, b = "x", c = [true, null], d = {e = "f"}})`,
		want: cty.StringVal("\"a\": 1\n\"b\": \"x\"\n\"c\":\n- true\n- null\n\"d\":\n  \"e\": \"f\"\n"),
	},
	"yamlencode multiline":   {src: `yamlencode("multi\nline\n")`, want: cty.StringVal("|\n  multi\n  line\n")},
	"yamlencode empty tuple": {src: `yamlencode([])`, want: cty.StringVal("[]\n")},
	"yamlencode null":        {src: `yamlencode(null)`, want: cty.StringVal("null\n...\n")},
	"yamlencode scalars": {
		src:  `yamlencode([1.5, "1.5", "true", "null", "", "a: b", "- x"])`,
		want: cty.StringVal("- 1.5\n- \"1.5\"\n- \"true\"\n- \"null\"\n- \"\"\n- \"a: b\"\n- \"- x\"\n"),
	},
	"yamlencode sensitive": {src: `yamlencode({a = secret})`, want: sensitive(cty.StringVal("\"a\": \"hunter2\"\n"))},
	"yamlencode unknown":   {src: `yamlencode({a = unknown.str})`, want: cty.UnknownVal(cty.String)},
	"yamldecode": {
		src: `yamldecode("a: 1\nb: [x, y]\nc: {d: true}\n")`,
		want: cty.ObjectVal(map[string]cty.Value{
			"a": cty.NumberIntVal(1),
			"b": cty.TupleVal([]cty.Value{cty.StringVal("x"), cty.True}), // YAML 1.1: y is true
			"c": cty.ObjectVal(map[string]cty.Value{"d": cty.True}),
		}),
	},
	"yamldecode sequence": {
		src:  `yamldecode("- 1\n- two\n- null\n- 1.5\n")`,
		want: cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.StringVal("two"), cty.NullVal(cty.DynamicPseudoType), cty.NumberFloatVal(1.5)}),
	},
	"yamldecode empty": {
		src:     `yamldecode("")`,
		wantErr: `Error in function call: Call to function "yamldecode" failed: on line 1, column 1: missing start of document.`,
	},
	"yamldecode invalid": {
		src:     `yamldecode("a: b: c")`,
		wantErr: `Error in function call: Call to function "yamldecode" failed: mapping values are not allowed in this context.`,
	},

	// UUIDs.
	"uuid":             {src: `uuid()`, want: cty.StringVal("5ac3175a-c317-5ac3-175a-c3175ac3175a")},
	"uuidv5 dns":       {src: `uuidv5("dns", "www.terraform.io")`, want: cty.StringVal("a5008fae-b28c-5ba5-96cd-82b4c53552d6")},
	"uuidv5 url":       {src: `uuidv5("url", "https://www.terraform.io/")`, want: cty.StringVal("9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5")},
	"uuidv5 oid":       {src: `uuidv5("oid", "1.2.3")`, want: cty.StringVal("42d5e23b-3a02-5135-85c6-52d1102f1f00")},
	"uuidv5 x500":      {src: `uuidv5("x500", "cn=x")`, want: cty.StringVal("a951fb6d-5aab-5a72-8e2e-9aa8df8d1f8f")},
	"uuidv5 namespace": {src: `uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "x")`, want: cty.StringVal("05b16a01-46c6-56dd-bd6e-c6dfb4a1427a")},
	"uuidv5 bad namespace": {
		src:     `uuidv5("bad", "x")`,
		wantErr: `Error in function call: Call to function "uuidv5" failed: uuidv5() doesn't support namespace bad (invalid UUID length: 3).`,
	},

	// Times.
	"timestamp":      {src: `timestamp()`, want: cty.StringVal("2026-11-28T13:04:37Z")},
	"plantimestamp":  {src: `plantimestamp()`, want: cty.StringVal("2026-11-28T13:00:00Z")},
	"timecmp equal":  {src: `timecmp("2017-11-22T00:00:00Z", "2017-11-22T01:00:00+01:00")`, want: cty.NumberIntVal(0)},
	"timecmp before": {src: `timecmp("2017-11-22T00:00:00Z", "2017-11-22T00:00:01Z")`, want: cty.NumberIntVal(-1)},
	"timecmp after":  {src: `timecmp("2017-11-22T00:00:02Z", "2017-11-22T00:00:01Z")`, want: cty.NumberIntVal(1)},
	"timecmp no T": {
		src:     `timecmp("2017-11-22", "2017-11-22T00:00:01Z")`,
		wantErr: `Invalid function argument: Invalid value for "timestamp_a" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'.`,
	},
	"timecmp no year": {
		src:     `timecmp("2017-11-22T00:00:00Z", "bloop")`,
		wantErr: `Invalid function argument: Invalid value for "timestamp_b" parameter: not a valid RFC3339 timestamp: cannot use "bloop" as year.`,
	},
	"timecmp no offset": {
		src:     `timecmp("2017-11-22T00:00:00Z", "2017-11-22T00:00:00")`,
		wantErr: `Invalid function argument: Invalid value for "timestamp_b" parameter: not a valid RFC3339 timestamp: end of string before UTC offset.`,
	},

	// Files and paths.
	"fileset":             {src: `fileset(".", "*.txt")`, want: cty.SetVal([]cty.Value{cty.StringVal("hello.txt")})},
	"fileset subdir":      {src: `fileset(".", "sub/*")`, want: cty.SetVal([]cty.Value{cty.StringVal("sub/.hidden"), cty.StringVal("sub/dir.txt")})},
	"fileset doublestar":  {src: `fileset("sub", "**/*.txt")`, want: cty.SetVal([]cty.Value{cty.StringVal("deeper/z.txt"), cty.StringVal("dir.txt")})},
	"fileset parent":      {src: `fileset("sub", "../*.txt")`, want: cty.SetVal([]cty.Value{cty.StringVal("../hello.txt")})},
	"fileset absolute":    {src: `fileset("/cfg/sub/deeper", "*")`, want: cty.SetVal([]cty.Value{cty.StringVal("z.txt")})},
	"fileset none":        {src: `fileset(".", "nothing*")`, want: cty.SetValEmpty(cty.String)},
	"fileset unknown":     {src: `fileset(".", unknown.str)`, want: cty.UnknownVal(cty.Set(cty.String))},
	"fileset sensitive":   {src: `fileset(secret, "x")`, want: sensitive(cty.SetValEmpty(cty.String))},
	"fileset bad pattern": {src: `fileset(".", "[")`, wantErr: `Error in function call: Call to function "fileset" failed: failed to glob pattern "/cfg/[": syntax error in pattern.`},
	"pathexpand":          {src: `pathexpand("~/x")`, want: cty.StringVal("/home/tester/x")},
	"pathexpand home":     {src: `pathexpand("~")`, want: cty.StringVal("/home/tester")},
	"pathexpand absolute": {src: `pathexpand("/abs/x")`, want: cty.StringVal("/abs/x")},
	"pathexpand other user": {
		src:     `pathexpand("~other/x")`,
		wantErr: `Error in function call: Call to function "pathexpand" failed: cannot expand user-specific home dir.`,
	},
	"file in the home directory": {src: `file("~/notes.txt")`, want: cty.StringVal("notes")},

	// Templates.
	"templatestring":           {src: `templatestring(tpl.hello, {name = "Alex"})`, want: cty.StringVal("Hello, Alex!")},
	"templatestring index":     {src: `templatestring(tpl["loop"], {xs = [1, 2]})`, want: cty.StringVal("1,2,")},
	"templatestring sensitive": {src: `templatestring(tpl.secret, {name = "x"})`, want: sensitive(cty.StringVal("Secret x"))},
	"templatestring unknown":   {src: `templatestring(tpl.unknown, {})`, want: cty.UnknownVal(cty.String)},
	"templatestring literal": {
		src:     `templatestring("Hello", {})`,
		wantErr: `Invalid function argument: Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere, and so does not support providing a literal template; consider using a template string expression instead.`,
	},
	"templatestring inline template": {
		src:     `templatestring("Hello, ${tpl.num}", {})`,
		wantErr: `Invalid function argument: Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere; to render an inline template, consider using a plain template string expression.`,
	},
	"templatestring interpolation only": {
		src:     `templatestring("${tpl.hello}", {})`,
		wantErr: `Invalid function argument: Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere; to treat the inner expression as template syntax, write the reference expression directly without any template interpolation syntax.`,
	},
	"templatestring call": {
		src:     `templatestring(upper(tpl.hello), {})`,
		wantErr: `Invalid function argument: Invalid value for "template" parameter: invalid template expression: must be a direct reference to a single string from elsewhere, containing valid Terraform template syntax.`,
	},
	"templatestring missing var": {
		src:     `templatestring(tpl.hello, {})`,
		wantErr: `Invalid function argument: Invalid value for "vars" parameter: vars map does not contain key "name", referenced at <templatestring argument>:1,10-14.`,
	},
	"templatestring vars not a map": {
		src:     `templatestring(tpl.hello, "x")`,
		wantErr: `Invalid function argument: Invalid value for "vars" parameter: invalid vars value: must be a map.`,
	},
	"templatestring not a string": {
		src:     `templatestring(tpl.num, {})`,
		wantErr: `Invalid function argument: Invalid value for "template" parameter: invalid template value: a string is required.`,
	},
	"templatestring null result": {
		src:     `templatestring(tpl.null, {})`,
		wantErr: `Error in function call: Call to function "templatestring" failed: <templatestring argument>:1,1-8: Template result is null; The result of the template is null, which is not a valid result for a templatestring call..`,
	},
	"templatestring no files": {
		src:     `templatestring(tpl.file, {})`,
		wantErr: `Error in function call: Call to function "templatestring" failed: <templatestring argument>:1,3-8: Error in function call; Call to function "file" failed: cannot use filesystem access functions like file in templatestring templates; consider passing the function result as a template variable instead..`,
	},
	"templatestring recursive": {
		src:     `templatestring(tpl.rec, {t = tpl.hello})`,
		wantErr: `Error in function call: Call to function "templatestring" failed: <templatestring argument>:1,3-18: Error in function call; Call to function "templatestring" failed: cannot recursively call templatestring from inside another template function..`,
	},
	"templatestring bad syntax": {
		src:     `templatestring(tpl.bad, {})`,
		wantErr: `Invalid function argument: Invalid value for "template" parameter: invalid template: <templatestring argument>:1,3-3: Missing expression; Expected the start of an expression, but found the end of the file..`,
	},
	"templatefile calling templatestring": {
		src:     `templatefile("tmpl/rec.tmpl", {t = "x"})`,
		wantErr: `Error in function call: Call to function "templatefile" failed: tmpl/rec.tmpl:1,3-18: Error in function call; Call to function "templatestring" failed: cannot recursively call templatestring from inside another template function..`,
	},

	// Crypto.
	"bcrypt": {src: `bcrypt("x", 4, 5)`, wantErr: `Error in function call: Call to function "bcrypt" failed: bcrypt() takes no more than two arguments.`},
	"bcrypt cost out of range": {
		// Terraform v1.11.4's older golang.org/x/crypto says "outside
		// allowed range (4,31)".
		src:     `bcrypt("x", 40)`,
		wantErr: `Error in function call: Call to function "bcrypt" failed: error occured generating password crypto/bcrypt: cost 40 is outside allowed inclusive range 4..31.`,
	},
	"rsadecrypt": {src: `rsadecrypt(rsa_ciphertext, rsa_key)`, want: cty.StringVal("message")},
	"rsadecrypt bad ciphertext": {
		src:     `rsadecrypt("bad", rsa_key)`,
		wantErr: `Invalid function argument: Invalid value for "ciphertext" parameter: failed to decode input "bad": cipher text must be base64-encoded.`,
	},
	"rsadecrypt no key": {
		src:     `rsadecrypt("aGVsbG8=", "")`,
		wantErr: `Invalid function argument: Invalid value for "privatekey" parameter: invalid private key: ssh: no key found.`,
	},
	"rsadecrypt wrong ciphertext": {
		src:     `rsadecrypt("aGVsbG8=", rsa_key)`,
		wantErr: `Error in function call: Call to function "rsadecrypt" failed: failed to decrypt: crypto/rsa: decryption error.`,
	},
	"rsadecrypt truncated key": {
		src:     `rsadecrypt("aGVsbG8=", "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n")`,
		wantErr: `Invalid function argument: Invalid value for "privatekey" parameter: invalid ASN1 data in the given private key: truncated tag or length.`,
	},
	"rsadecrypt sensitive key": {src: `rsadecrypt(rsa_ciphertext, sensitive(rsa_key))`, want: sensitive(cty.StringVal("message"))},

	// Ephemeral values: vpcplan has none.
	"ephemeralasnull": {src: `ephemeralasnull({a = secret})`, want: cty.ObjectVal(map[string]cty.Value{"a": sensitive(cty.StringVal("hunter2"))})},

	// The core:: namespace.
	"core namespace": {src: `core::upper("x")`, want: cty.StringVal("X")},

	// Terraform's built-in provider.
	"encode_tfvars": {
		src:  `provider::terraform::encode_tfvars({a = 1, b = [true, "x"], c = {d = null}})`,
		want: cty.StringVal("a = 1\nb = [true, \"x\"]\nc = {\n  d = null\n}\n"),
	},
	"encode_tfvars map": {src: `provider::terraform::encode_tfvars(tomap({b = "2", a = "1"}))`, want: cty.StringVal("a = \"1\"\nb = \"2\"\n")},
	"encode_tfvars bad name": {
		src:     `provider::terraform::encode_tfvars({"not valid" = 1})`,
		wantErr: `Error in function call: Call to function "provider::terraform::encode_tfvars" failed: invalid variable name "not valid": must be a valid identifier, per Terraform's rules for input variable declarations.`,
	},
	"encode_tfvars not an object": {
		src:     `provider::terraform::encode_tfvars("x")`,
		wantErr: `Error in function call: Call to function "provider::terraform::encode_tfvars" failed: invalid value to encode: must be an object whose attribute names will become the encoded variable names.`,
	},
	"encode_tfvars sensitive": {src: `provider::terraform::encode_tfvars({a = secret})`, want: sensitive(cty.StringVal("a = \"hunter2\"\n"))},
	"encode_tfvars unknown":   {src: `provider::terraform::encode_tfvars({a = unknown.str})`, want: cty.UnknownVal(cty.String)},
	"decode_tfvars": {
		src:  `provider::terraform::decode_tfvars("a = 1\nb = [\"x\"]\n")`,
		want: cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": strTuple("x")}),
	},
	"decode_tfvars reference": {
		src:     `provider::terraform::decode_tfvars("a = b")`,
		wantErr: `Error in function call: Call to function "provider::terraform::decode_tfvars" failed: invalid expression for variable "a": <decode_tfvars argument>:1,5-6: Variables not allowed; Variables may not be used here..`,
	},
	"decode_tfvars syntax": {
		src:     `provider::terraform::decode_tfvars("a = ")`,
		wantErr: `Error in function call: Call to function "provider::terraform::decode_tfvars" failed: invalid tfvars syntax: <decode_tfvars argument>:1,5-5: Missing expression; Expected the start of an expression, but found the end of the file..`,
	},
	"decode_tfvars unknown": {src: `provider::terraform::decode_tfvars(unknown.str)`, want: cty.DynamicVal},
	"encode_expr": {
		src:  `provider::terraform::encode_expr({a = 1, b = [true, "x"], c = null})`,
		want: cty.StringVal("{\n  a = 1\n  b = [true, \"x\"]\n  c = null\n}"),
	},
	"encode_expr string":  {src: `provider::terraform::encode_expr("x\ny")`, want: cty.StringVal(`"x\ny"`)},
	"encode_expr number":  {src: `provider::terraform::encode_expr(1.5)`, want: cty.StringVal("1.5")},
	"encode_expr list":    {src: `provider::terraform::encode_expr(tolist([]))`, want: cty.StringVal("[]")},
	"encode_expr unknown": {src: `provider::terraform::encode_expr(unknown.list)`, want: cty.UnknownVal(cty.String)},
}

func evalTest(t testing.TB, src string) (cty.Value, hcl.Diagnostics) {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "test.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("ParseExpression(%q): %s", src, diags.Error())
	}
	ctx := &hcl.EvalContext{
		Variables: testVars,
		Functions: New(testOptions()),
	}
	return expr.Value(ctx)
}

func TestTable(t *testing.T) {
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, diags := evalTest(t, tc.src)
			if tc.wantErr != "" {
				if !diags.HasErrors() {
					t.Fatalf("%s = %#v, want error %q", tc.src, got, tc.wantErr)
				}
				gotErr := diags[0].Summary + ": " + diags[0].Detail
				if diff := cmp.Diff(tc.wantErr, gotErr); diff != "" {
					t.Errorf("%s error mismatch (-want +got):\n%s", tc.src, diff)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatalf("%s: unexpected error: %s", tc.src, diags.Error())
			}
			if diff := cmp.Diff(tc.want, got, valueComparer); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", tc.src, diff)
			}
		})
	}
}

// TestTableEveryFunctionTested checks that every function in the table is
// called by at least one case in tests, and that tests call nothing else.
func TestTableEveryFunctionTested(t *testing.T) {
	called := map[string]bool{}
	for _, tc := range tests {
		expr, diags := hclsyntax.ParseExpression([]byte(tc.src), "test.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("ParseExpression(%q): %s", tc.src, diags.Error())
		}
		hclsyntax.VisitAll(expr, func(n hclsyntax.Node) hcl.Diagnostics {
			if call, ok := n.(*hclsyntax.FunctionCallExpr); ok {
				called[call.Name] = true
			}
			return nil
		})
	}
	// Templates call functions too, but each function still needs a case
	// of its own. core::NAME is NAME itself, so NAME's cases cover it.
	var untested, unknown []string
	table := New(testOptions())
	for name := range table {
		if plain, ok := strings.CutPrefix(name, "core::"); ok {
			if _, ok := table[plain]; !ok || !sameFunction(table[name], table[plain]) {
				t.Errorf("%s is not the same function as %s", name, plain)
			}
			continue
		}
		if !called[name] {
			untested = append(untested, name)
		}
	}
	for name := range called {
		if _, ok := table[name]; !ok {
			unknown = append(unknown, name)
		}
	}
	slices.Sort(untested)
	slices.Sort(unknown)
	if len(untested) > 0 {
		t.Errorf("functions without a test case: %v", untested)
	}
	if len(unknown) > 0 {
		t.Errorf("test cases call functions not in the table: %v", unknown)
	}
}

// sameFunction reports whether a and b are one function: function.Function
// has no equality, but each holds its spec by pointer, so the same
// function compares equal with ==.
func sameFunction(a, b function.Function) bool { return a == b }

// TestTableNames pins the set of names, so that adding or dropping a
// function is a deliberate, reviewed change: every built-in function is
// there under its name and under core::, and a required terraform
// provider adds its three functions.
func TestTableNames(t *testing.T) {
	builtins := []string{
		"abs", "abspath", "alltrue", "anytrue", "base64decode", "base64encode", "base64gzip",
		"base64sha256", "base64sha512", "basename", "can", "ceil", "chomp", "chunklist", "cidrhost",
		"cidrnetmask", "cidrsubnet", "cidrsubnets", "coalesce", "coalescelist", "compact", "concat",
		"contains", "csvdecode", "dirname", "distinct", "element", "endswith", "file", "filebase64",
		"filebase64sha256", "filebase64sha512", "fileexists", "filemd5", "filesha1", "filesha256",
		"filesha512", "flatten", "floor", "format", "formatdate", "formatlist", "indent", "index",
		"issensitive", "join", "jsondecode", "jsonencode", "keys", "length", "list", "log", "lookup",
		"lower", "map", "matchkeys", "max", "md5", "merge", "min", "nonsensitive", "one", "parseint",
		"pow", "range", "regex", "regexall", "replace", "reverse", "sensitive", "setintersection",
		"setproduct", "setsubtract", "setunion", "sha1", "sha256", "sha512", "signum", "slice", "sort",
		"split", "startswith", "strcontains", "strrev", "substr", "sum", "templatefile",
		"textdecodebase64", "textencodebase64", "timeadd", "timestamp", "title", "tobool", "tolist",
		"tomap", "tonumber", "toset", "tostring", "transpose", "trim", "trimprefix", "trimspace",
		"trimsuffix", "try", "upper", "urlencode", "values", "zipmap",
		// Added with JSON syntax and the remaining Terraform functions.
		"bcrypt", "ephemeralasnull", "fileset", "pathexpand", "plantimestamp", "rsadecrypt",
		"templatestring", "timecmp", "uuid", "uuidv5", "yamldecode", "yamlencode",
	}
	var want []string
	for _, name := range builtins {
		want = append(want, name, "core::"+name)
	}
	wantTable := append(slices.Clone(want), "provider::tf::decode_tfvars", "provider::tf::encode_expr", "provider::tf::encode_tfvars")
	slices.Sort(want)
	slices.Sort(wantTable)
	names := func(t map[string]function.Function) []string {
		var got []string
		for name := range t {
			got = append(got, name)
		}
		slices.Sort(got)
		return got
	}
	if diff := cmp.Diff(want, names(Table(testDir, readTestFile))); diff != "" {
		t.Errorf("Table() names mismatch (-want +got):\n%s", diff)
	}
	opts := testOptions()
	opts.TerraformProviders = []string{"tf"}
	if diff := cmp.Diff(wantTable, names(New(opts))); diff != "" {
		t.Errorf("New() names mismatch (-want +got):\n%s", diff)
	}
}

// TestTablePlanning covers the table Terraform has while validating and
// planning, which Table returns: the impure functions check their
// arguments and return unknown values, plantimestamp is unknown, and the
// functions that need a home directory or a directory listing fail.
func TestTablePlanning(t *testing.T) {
	tests := map[string]struct {
		src     string
		want    cty.Value
		wantErr string
	}{
		"timestamp":     {src: `timestamp()`, want: cty.UnknownVal(cty.String)},
		"uuid":          {src: `uuid()`, want: cty.UnknownVal(cty.String)},
		"bcrypt":        {src: `bcrypt("x")`, want: cty.UnknownVal(cty.String)},
		"bcrypt cost":   {src: `bcrypt("x", 40)`, want: cty.UnknownVal(cty.String)},
		"bcrypt type":   {src: `bcrypt("x", "a")`, wantErr: `Invalid function argument: Invalid value for "cost" parameter: a number is required.`},
		"plantimestamp": {src: `plantimestamp()`, want: cty.UnknownVal(cty.String)},
		"fileset":       {src: `fileset(".", "*")`, wantErr: `Error in function call: Call to function "fileset" failed: fileset cannot list directories here.`},
		"pathexpand":    {src: `pathexpand("~/x")`, wantErr: `Error in function call: Call to function "pathexpand" failed: the home directory is not known.`},
		"file in home": {
			src:     `file("~/x")`,
			wantErr: `Invalid function argument: Invalid value for "path" parameter: failed to expand ~: the home directory is not known.`,
		},
		"pathexpand without a tilde": {src: `pathexpand("a/b")`, want: cty.StringVal("a/b")},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(tc.src), "test.hcl", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			got, diags := expr.Value(&hcl.EvalContext{Functions: Table(testDir, readTestFile)})
			if tc.wantErr != "" {
				if !diags.HasErrors() {
					t.Fatalf("%s = %#v, want error %q", tc.src, got, tc.wantErr)
				}
				if gotErr := diags[0].Summary + ": " + diags[0].Detail; gotErr != tc.wantErr {
					t.Errorf("%s: got error %q, want %q", tc.src, gotErr, tc.wantErr)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatalf("%s: unexpected error: %s", tc.src, diags.Error())
			}
			if diff := cmp.Diff(tc.want, got, valueComparer); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", tc.src, diff)
			}
		})
	}
}

// TestBcrypt checks a real hash, which is salted at random: it verifies
// against the input, with the cost asked for (10 by default).
func TestBcrypt(t *testing.T) {
	for src, cost := range map[string]int{`bcrypt("hunter2")`: 10, `bcrypt("hunter2", 5)`: 5} {
		got, diags := evalTest(t, src)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", src, diags.Error())
		}
		hash := []byte(got.AsString())
		if err := bcrypt.CompareHashAndPassword(hash, []byte("hunter2")); err != nil {
			t.Errorf("%s = %s, which does not verify: %v", src, hash, err)
		}
		if c, err := bcrypt.Cost(hash); err != nil || c != cost {
			t.Errorf("%s has cost %d (%v), want %d", src, c, err, cost)
		}
	}
}

func TestTableIsFresh(t *testing.T) {
	a := Table(testDir, readTestFile)
	delete(a, "upper")
	b := Table(testDir, readTestFile)
	if _, ok := b["upper"]; !ok {
		t.Errorf("Table() returned a map sharing entries with an earlier result")
	}
}

func TestAbsPathRelativeBaseDir(t *testing.T) {
	expr, diags := hclsyntax.ParseExpression([]byte(`abspath("x")`), "test.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	_, diags = expr.Value(&hcl.EvalContext{Functions: Table("rel", readTestFile)})
	want := `Call to function "abspath" failed: cannot make "x" absolute: the configuration directory "rel" is a relative path.`
	if !diags.HasErrors() {
		t.Fatalf("abspath with a relative baseDir succeeded, want error %q", want)
	}
	if got := diags[0].Detail; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTableNilReadFilePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("Table(dir, nil) did not panic")
		}
	}()
	Table(testDir, nil)
}

// BenchmarkJoinLargeTuple joins a for expression's tuple of 20,000
// strings: go-cty's tuple-to-list conversion sorts the element types
// quadratically, which listsAsIs avoids (4 s before it, for one call).
func BenchmarkJoinLargeTuple(b *testing.B) {
	src := `join(",", flatten([for i in range(200) : [for j in range(100) : "${i}-${j}"]]))`
	for b.Loop() {
		if _, diags := evalTest(b, src); diags.HasErrors() {
			b.Fatal(diags.Error())
		}
	}
}

// TestDistinctLinear: distinct keeps the first of equal elements in order,
// as cty's does, for the kinds it keeps by a map and for the others.
func TestDistinctLinear(t *testing.T) {
	tests := map[string]string{
		`distinct(["b", "a", "b", "c", "a"])`:                     `["b","a","c"]`,
		`distinct([1, 2.0, 1.0, 0, -0, 3])`:                       `[1,2,0,3]`,
		`distinct([true, false, true])`:                           `[true,false]`,
		`distinct([{a = 1}, {a = 2}, {a = 1}])`:                   `[{"a":1},{"a":2}]`,
		`distinct(tolist(["x", null, "x", null]))`:                `["x",null]`,
		`length(distinct([for i in range(1000) : "s${i % 10}"]))`: `10`,
	}
	for src, want := range tests {
		t.Run(src, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(src), "test.hcl", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			v, diags := expr.Value(&hcl.EvalContext{Functions: Table("/", os.ReadFile)})
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			got, err := ctyjson.Marshal(v, v.Type())
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}

// TestListParamsTakeValuesOfNoKnownType calls the functions whose list
// and set parameters take tuples directly (listsAsIs) with a value of no
// known type, as `keys(var.x)` of a variable of type any is during
// validation: each gives an unknown result, as go-cty's own functions do
// after hcl converts their arguments. setsubtract used to panic
// (terraform-aws-modules' aws-ia/terraform-aws-vpc, data.tf).
func TestListParamsTakeValuesOfNoKnownType(t *testing.T) {
	calls := []string{
		`join(",", d)`, `alltrue(d)`, `anytrue(d)`, `chunklist(d, 2)`, `compact(d)`, `distinct(d)`,
		`matchkeys(d, d, ["a"])`, `setintersection(d, ["a"])`, `setproduct(d, ["a"])`,
		`setsubtract(d, ["public", "x"])`, `setsubtract(["a"], d)`, `setunion(d, ["a"])`, `sort(d)`, `zipmap(d, ["a"])`,
		`tolist(d)`, `toset(d)`, `flatten(d)`, `concat(d, ["a"])`, `length(d)`, `keys(d)`, `values(d)`,
	}
	ctx := &hcl.EvalContext{Functions: Table("/", os.ReadFile), Variables: map[string]cty.Value{"d": cty.DynamicVal}}
	for _, src := range calls {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "test.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		v, diags := expr.Value(ctx)
		if diags.HasErrors() {
			t.Errorf("%s: %s", src, diags.Error())
			continue
		}
		if v.IsKnown() {
			t.Errorf("%s = %#v, want an unknown value", src, v)
		}
	}
}
