package funcs

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"
)

// stringToString returns a function from one string, the parameter named
// param, to another, such as base64encode. cty handles unknown and marked
// arguments: unknown in, unknown out; marks carry over.
func stringToString(param string, f func(string) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: param, Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := f(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(s), nil
		},
	})
}

var (
	// base64EncodeFunc encodes the UTF-8 bytes of a string with standard
	// (RFC 4648 section 4) Base64.
	base64EncodeFunc = stringToString("str", func(s string) (string, error) {
		return base64.StdEncoding.EncodeToString([]byte(s)), nil
	})

	// base64GzipFunc gzips the UTF-8 bytes of a string and encodes the
	// result with standard Base64.
	base64GzipFunc = stringToString("str", func(s string) (string, error) {
		var b bytes.Buffer
		gz := gzip.NewWriter(&b)
		if _, err := gz.Write([]byte(s)); err != nil {
			return "", fmt.Errorf("failed to write gzip raw data: %w", err)
		}
		// Flush before Close, as Terraform does: it adds a sync block, and
		// leaving it out would change the output.
		if err := gz.Flush(); err != nil {
			return "", fmt.Errorf("failed to flush gzip writer: %w", err)
		}
		if err := gz.Close(); err != nil {
			return "", fmt.Errorf("failed to close gzip writer: %w", err)
		}
		return base64.StdEncoding.EncodeToString(b.Bytes()), nil
	})

	// urlEncodeFunc percent-encodes a string for use in a URL query.
	urlEncodeFunc = stringToString("str", func(s string) (string, error) {
		return url.QueryEscape(s), nil
	})
)

// base64DecodeFunc decodes standard Base64 and requires the result to be
// UTF-8. Its error messages redact sensitive input.
var base64DecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name:         "str",
		Type:         cty.String,
		AllowMarked:  true,
		AllowUnknown: true,
	}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, marks := args[0].Unmark()
		if !str.IsKnown() {
			return cty.UnknownVal(cty.String).WithMarks(marks), nil
		}
		s := str.AsString()
		dec, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return cty.UnknownVal(cty.String), fmt.Errorf("failed to decode base64 data %s", redactIfSensitive(s, marks))
		}
		if !utf8.Valid(dec) {
			return cty.UnknownVal(cty.String), errors.New("the result of decoding the provided string is not valid UTF-8")
		}
		return cty.StringVal(string(dec)).WithMarks(marks), nil
	},
})

// textEncodeBase64Func encodes a string in the named IANA character
// encoding (such as "UTF-16LE") and then with standard Base64.
var textEncodeBase64Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "string", Type: cty.String},
		{Name: "encoding", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		enc, encName, err := ianaEncoding(args[1].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		b, err := enc.NewEncoder().Bytes([]byte(args[0].AsString()))
		if err != nil {
			// The encoder's own message names library internals, and the
			// string itself may be long, so neither goes in the message.
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "the given string contains characters that cannot be represented in %s", encName)
		}
		return cty.StringVal(base64.StdEncoding.EncodeToString(b)), nil
	},
})

// textDecodeBase64Func is the inverse of textEncodeBase64Func.
var textDecodeBase64Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "source", Type: cty.String},
		{Name: "encoding", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		enc, encName, err := ianaEncoding(args[1].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		raw, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			var corrupt base64.CorruptInputError
			if errors.As(err, &corrupt) {
				return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "the given value is has an invalid base64 symbol at offset %d", int(corrupt))
			}
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "invalid source string: %w", err)
		}
		dec, err := enc.NewDecoder().Bytes(raw)
		if err != nil || bytes.ContainsRune(dec, utf8.RuneError) {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "the given string contains symbols that are not defined for %s", encName)
		}
		return cty.StringVal(string(dec)), nil
	},
})

// ianaEncoding looks up an IANA character encoding name or alias and
// returns the encoding with its canonical name.
func ianaEncoding(name string) (encoding.Encoding, string, error) {
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil || enc == nil {
		return nil, "", function.NewArgErrorf(1, "%q is not a supported IANA encoding name or alias in this version of vpcplan", name)
	}
	canonical, err := ianaindex.IANA.Name(enc)
	if err != nil {
		canonical = name
	}
	return enc, canonical, nil
}
