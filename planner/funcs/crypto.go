package funcs

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"hash"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// hashString returns a function that hashes the UTF-8 bytes of a string
// with h and encodes the digest with enc.
func hashString(h func() hash.Hash, enc func([]byte) string) function.Function {
	return stringToString("str", func(s string) (string, error) {
		return enc(digest(h, []byte(s))), nil
	})
}

func digest(h func() hash.Hash, b []byte) []byte {
	d := h()
	d.Write(b) // a hash.Hash never returns an error
	return d.Sum(nil)
}

var (
	md5Func          = hashString(md5.New, hex.EncodeToString)
	sha1Func         = hashString(sha1.New, hex.EncodeToString)
	sha256Func       = hashString(sha256.New, hex.EncodeToString)
	sha512Func       = hashString(sha512.New, hex.EncodeToString)
	base64SHA256Func = hashString(sha256.New, base64.StdEncoding.EncodeToString)
	base64SHA512Func = hashString(sha512.New, base64.StdEncoding.EncodeToString)
)

// hashFile returns a function that hashes the contents of a file, like
// filesha256. Marks on the path carry over to the result, and a sensitive
// path is redacted from error messages.
func (r fileReader) hashFile(h func() hash.Hash, enc func([]byte) string) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String, AllowMarked: true}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			pathVal, marks := args[0].Unmark()
			src, err := r.read(pathVal.AsString(), marks)
			if err != nil {
				return cty.UnknownVal(cty.String), function.NewArgError(0, err)
			}
			return cty.StringVal(enc(digest(h, src))).WithMarks(marks), nil
		},
	})
}
