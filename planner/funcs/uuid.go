package funcs

import (
	"fmt"
	"io"
	"sync"

	"github.com/google/uuid"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// uuidFunc returns uuid(): 16 bytes read from rnd in the UUID format, or,
// when rnd is nil, an unknown string, as Terraform's uuid is while
// planning. Like Terraform's (hashicorp/go-uuid), it sets no version or
// variant bits: every hexadecimal digit is random.
func uuidFunc(rnd io.Reader) function.Function {
	var mu sync.Mutex // rnd need not be safe for concurrent use
	return function.New(&function.Spec{
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			if rnd == nil {
				return cty.UnknownVal(cty.String).RefineNotNull(), nil
			}
			var b [16]byte
			mu.Lock()
			_, err := io.ReadFull(rnd, b[:])
			mu.Unlock()
			if err != nil {
				return cty.UnknownVal(cty.String), fmt.Errorf("failed to read random bytes: %w", err)
			}
			return cty.StringVal(fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])), nil
		},
	})
}

// uuidV5Func is uuidv5(namespace, name): the name-based (SHA-1, version 5)
// UUID of name in namespace, which is "dns", "url", "oid", "x500" or a
// UUID.
var uuidV5Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "namespace", Type: cty.String},
		{Name: "name", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var ns uuid.UUID
		switch s := args[0].AsString(); s {
		case "dns":
			ns = uuid.NameSpaceDNS
		case "url":
			ns = uuid.NameSpaceURL
		case "oid":
			ns = uuid.NameSpaceOID
		case "x500":
			ns = uuid.NameSpaceX500
		default:
			var err error
			if ns, err = uuid.Parse(s); err != nil {
				return cty.UnknownVal(cty.String), fmt.Errorf("uuidv5() doesn't support namespace %s (%v)", s, err)
			}
		}
		return cty.StringVal(uuid.NewSHA1(ns, []byte(args[1].AsString())).String()), nil
	},
})
