package render

import (
	"sort"
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// ValueText renders a value as Terraform prints output values: strings
// quoted, lists and maps one element a line, nested values indented by two
// spaces.
func ValueText(v cty.Value) string {
	var b strings.Builder
	writeValue(&b, v, 0)
	return b.String()
}

func writeValue(b *strings.Builder, v cty.Value, level int) {
	if !v.IsKnown() {
		b.WriteString("(known after apply)")
		return
	}
	if v.IsNull() {
		b.WriteString("null")
		return
	}
	pad := strings.Repeat("  ", level+1)
	ty := v.Type()
	switch {
	case ty == cty.String:
		b.WriteString(strconv.Quote(v.AsString()))
	case ty == cty.Number:
		b.WriteString(formatNumber(v.AsBigFloat()))
	case ty == cty.Bool:
		b.WriteString(strconv.FormatBool(v.True()))
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		if v.LengthInt() == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			b.WriteString(pad)
			writeValue(b, e, level+1)
			b.WriteString(",\n")
		}
		b.WriteString(strings.Repeat("  ", level) + "]")
	case ty.IsMapType() || ty.IsObjectType():
		m := v.AsValueMap()
		if len(m) == 0 {
			b.WriteString("{}")
			return
		}
		keys := make([]string, 0, len(m))
		width := 0
		for k := range m {
			keys = append(keys, k)
			if q := len(strconv.Quote(k)); q > width {
				width = q
			}
		}
		sort.Strings(keys)
		b.WriteString("{\n")
		for _, k := range keys {
			q := strconv.Quote(k)
			b.WriteString(pad + q + strings.Repeat(" ", width-len(q)) + " = ")
			writeValue(b, m[k], level+1)
			b.WriteString("\n")
		}
		b.WriteString(strings.Repeat("  ", level) + "}")
	}
}
