package funcs

import (
	"fmt"
	"time"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// timestampFunc returns timestamp(): the time now reads, in RFC 3339
// format and UTC, or, when now is nil, an unknown string, as Terraform's
// timestamp is while planning (its value is known only at apply).
func timestampFunc(now func() time.Time) function.Function {
	return function.New(&function.Spec{
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			if now == nil {
				return cty.UnknownVal(cty.String).RefineNotNull(), nil
			}
			return cty.StringVal(now().UTC().Format(time.RFC3339)), nil
		},
	})
}

// staticTimestampFunc returns plantimestamp(): the given time in RFC 3339
// format, or an unknown string for the zero time, as Terraform's
// MakeStaticTimestampFunc.
func staticTimestampFunc(static time.Time) function.Function {
	return function.New(&function.Spec{
		Type: function.StaticReturnType(cty.String),
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			if static.IsZero() {
				return cty.UnknownVal(cty.String), nil
			}
			return cty.StringVal(static.Format(time.RFC3339)), nil
		},
	})
}

// timeCmpFunc is timecmp(a, b): -1, 0 or 1 as the RFC 3339 timestamp a is
// before, the same instant as, or after b, UTC offsets considered.
var timeCmpFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "timestamp_a", Type: cty.String},
		{Name: "timestamp_b", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		a, err := parseTimestamp(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.Number), function.NewArgError(0, err)
		}
		b, err := parseTimestamp(args[1].AsString())
		if err != nil {
			return cty.UnknownVal(cty.Number), function.NewArgError(1, err)
		}
		switch {
		case a.Equal(b):
			return cty.NumberIntVal(0), nil
		case a.Before(b):
			return cty.NumberIntVal(-1), nil
		}
		return cty.NumberIntVal(1), nil
	},
})

// parseTimestamp parses an RFC 3339 timestamp, with Terraform's error
// messages, which name the part at fault instead of quoting Go's layout.
func parseTimestamp(ts string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, ts)
	if err == nil {
		return t, nil
	}
	pe, ok := err.(*time.ParseError)
	if !ok {
		return time.Time{}, err
	}
	if pe.LayoutElem == "" && pe.ValueElem == "" && pe.Message != "" {
		// The time package puts a ": " at the start of Message.
		return time.Time{}, fmt.Errorf("not a valid RFC3339 timestamp%s", pe.Message)
	}
	var what string
	switch pe.LayoutElem {
	case "2006":
		what = "year"
	case "01":
		what = "month"
	case "02":
		what = "day of month"
	case "15":
		what = "hour"
	case "04":
		what = "minute"
	case "05":
		what = "second"
	case "Z07:00":
		what = "UTC offset"
	case "T":
		return time.Time{}, fmt.Errorf("not a valid RFC3339 timestamp: missing required time introducer 'T'")
	case ":", "-":
		if pe.ValueElem == "" {
			return time.Time{}, fmt.Errorf("not a valid RFC3339 timestamp: end of string where %q is expected", pe.LayoutElem)
		}
		return time.Time{}, fmt.Errorf("not a valid RFC3339 timestamp: found %q where %q is expected", pe.ValueElem, pe.LayoutElem)
	default:
		what = "timestamp segment"
	}
	if pe.ValueElem == "" {
		return time.Time{}, fmt.Errorf("not a valid RFC3339 timestamp: end of string before %s", what)
	}
	return time.Time{}, fmt.Errorf("not a valid RFC3339 timestamp: cannot use %q as %s", pe.ValueElem, what)
}
