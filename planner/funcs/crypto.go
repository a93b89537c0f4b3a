package funcs

import (
	"crypto/md5"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/asn1"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/gocty"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/ssh"
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

// bcryptFunc returns bcrypt(str, [cost]): the bcrypt hash of str (cost 10
// unless given). The salt is random, so unless real is set the function
// only checks its arguments' types and returns an unknown string, as
// Terraform's does while planning.
func bcryptFunc(real bool) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "str", Type: cty.String}},
		VarParam:     &function.Parameter{Name: "cost", Type: cty.Number},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if !real {
				return cty.UnknownVal(cty.String).RefineNotNull(), nil
			}
			cost := bcrypt.DefaultCost
			if len(args) > 1 {
				if err := gocty.FromCtyValue(args[1], &cost); err != nil {
					return cty.UnknownVal(cty.String), err
				}
			}
			if len(args) > 2 {
				return cty.UnknownVal(cty.String), errors.New("bcrypt() takes no more than two arguments")
			}
			out, err := bcrypt.GenerateFromPassword([]byte(args[0].AsString()), cost)
			if err != nil {
				return cty.UnknownVal(cty.String), fmt.Errorf("error occured generating password %s", err.Error())
			}
			return cty.StringVal(string(out)), nil
		},
	})
}

// rsaDecryptFunc is rsadecrypt(ciphertext, privatekey): the Base64
// ciphertext decrypted (RSAES-PKCS1-v1_5) with the PEM private key.
var rsaDecryptFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "ciphertext", Type: cty.String},
		{Name: "privatekey", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		s := args[0].AsString()
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "failed to decode input %q: cipher text must be base64-encoded", s)
		}
		rawKey, err := ssh.ParseRawPrivateKey([]byte(args[1].AsString()))
		if err != nil {
			var msg string
			switch e := err.(type) {
			case asn1.SyntaxError:
				msg = strings.ReplaceAll(e.Error(), "asn1: syntax error", "invalid ASN1 data in the given private key")
			case asn1.StructuralError:
				msg = strings.ReplaceAll(e.Error(), "asn1: struture error", "invalid ASN1 data in the given private key")
			default:
				msg = fmt.Sprintf("invalid private key: %s", e)
			}
			return cty.UnknownVal(cty.String), function.NewArgError(1, errors.New(msg))
		}
		key, ok := rawKey.(*rsa.PrivateKey)
		if !ok {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(1, "invalid private key type %t", rawKey)
		}
		out, err := rsa.DecryptPKCS1v15(nil, key, b)
		if err != nil {
			return cty.UnknownVal(cty.String), fmt.Errorf("failed to decrypt: %s", err)
		}
		return cty.StringVal(string(out)), nil
	},
})
