package render

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hcled"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Severities of a JSONDiagnostic, as Terraform's views/json. "unknown" is
// for an hcl.Diagnostic whose Severity is neither DiagError nor DiagWarning.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityUnknown = "unknown"
)

// The interfaces below are the contracts this package reads from an
// hcl.Diagnostic's Extra. Each is looked up with hcl.DiagnosticExtra, so an
// Extra that wraps another (hcl.DiagnosticExtraUnwrapper) is unwrapped.
// Producers implement them structurally; they need not import this package.
type (
	// RuleDiagnostic is implemented by the Extra of every diagnostic a
	// validation rule returns. A non-empty RuleID is printed after the
	// summary (" [rule_id]") and fills JSONDiagnostic.Rule.
	RuleDiagnostic interface{ RuleID() string }

	// AddressDiagnostic is implemented by the Extra of a diagnostic about
	// one resource instance (plan and apply). The address is printed as
	// "  with ADDR," and fills JSONDiagnostic.Address.
	AddressDiagnostic interface{ DiagnosticAddress() string }

	// CausedByUnknown is Terraform's tfdiags.DiagnosticExtraBecauseUnknown:
	// only when it reports true do the expression values say "known only
	// after apply"; otherwise an unknown value is described by its type.
	CausedByUnknown interface{ DiagnosticCausedByUnknown() bool }

	// CausedBySensitive is Terraform's tfdiags.DiagnosticExtraBecauseSensitive:
	// only when it reports true are sensitive values listed ("has a
	// sensitive value"); otherwise they are left out of the values entirely.
	CausedBySensitive interface{ DiagnosticCausedBySensitive() bool }
)

// JSONDiagnostic is one diagnostic in Terraform's machine-readable form
// (views/json.Diagnostic), plus Rule. It is the intermediate both the JSON
// and the human renderers work from, so the two always agree.
type JSONDiagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	Address  string `json:"address,omitempty"`
	// Rule is vpcplan's addition: the id of the validation rule that
	// produced the diagnostic, if any.
	Rule    string                 `json:"rule,omitempty"`
	Range   *JSONDiagnosticRange   `json:"range,omitempty"`
	Snippet *JSONDiagnosticSnippet `json:"snippet,omitempty"`
}

// JSONPos is a position in a source file.
type JSONPos struct {
	Line   int `json:"line"`   // 1-based
	Column int `json:"column"` // 1-based, in Unicode characters
	Byte   int `json:"byte"`   // 0-based
}

// JSONDiagnosticRange is the highlighted range; Start is inclusive and End
// exclusive. It is never empty: an empty subject is widened by one byte.
type JSONDiagnosticRange struct {
	Filename string  `json:"filename"`
	Start    JSONPos `json:"start"`
	End      JSONPos `json:"end"`
}

// JSONDiagnosticSnippet is the source around a diagnostic. It is present
// whenever Range is and the file's source was given.
type JSONDiagnosticSnippet struct {
	// Context is hcled.ContextString at the subject, such as
	// `resource "aws_vpc" "main"`, or null.
	Context *string `json:"context"`
	// Code holds every whole line that overlaps the subject or the
	// diagnostic's context range, joined by "\n", without a final newline.
	Code      string `json:"code"`
	StartLine int    `json:"start_line"`
	// The highlight offsets are byte offsets into Code, clamped to it.
	HighlightStartOffset int `json:"highlight_start_offset"`
	HighlightEndOffset   int `json:"highlight_end_offset"`
	// Values is never nil, so that it encodes as an array. It is sorted
	// by Traversal.
	Values       []JSONExpressionValue `json:"values"`
	FunctionCall *JSONFunctionCall     `json:"function_call,omitempty"`
}

// JSONExpressionValue says what one traversal in the failing expression
// evaluated to, such as {"local.s", `is "abc"`}.
type JSONExpressionValue struct {
	Traversal string `json:"traversal"`
	Statement string `json:"statement"`
}

// JSONFunctionCall names the function whose call failed.
type JSONFunctionCall struct {
	CalledAs  string        `json:"called_as"`
	Signature *JSONFunction `json:"signature,omitempty"`
}

// JSONFunction is a function signature (Terraform's views/json.Function).
type JSONFunction struct {
	Name            string              `json:"name"`
	Params          []JSONFunctionParam `json:"params"`
	VariadicParam   *JSONFunctionParam  `json:"variadic_param,omitempty"`
	ReturnType      json.RawMessage     `json:"return_type"`
	Description     string              `json:"description,omitempty"`
	DescriptionKind string              `json:"description_kind,omitempty"`
}

// JSONFunctionParam is one parameter of a JSONFunction.
type JSONFunctionParam struct {
	Name            string          `json:"name"`
	Type            json.RawMessage `json:"type"`
	Description     string          `json:"description,omitempty"`
	DescriptionKind string          `json:"description_kind,omitempty"`
}

// NewJSONDiagnostic converts d, reading snippets from files (as returned by
// hclparse.Parser.Files). A file missing from files, or a nil files, gives
// a diagnostic with a Range but no Snippet. It returns nil for a nil d.
//
// Values come from d.Expression and d.EvalContext: each traversal in the
// expression is shortened from the right until it resolves, and roots
// alone (each, count) are never shown. Values carrying funcs.SensitiveMark
// are only mentioned, vaguely, when Extra implements CausedBySensitive.
func NewJSONDiagnostic(d *hcl.Diagnostic, files map[string]*hcl.File) *JSONDiagnostic {
	if d == nil {
		return nil
	}
	out := &JSONDiagnostic{
		Severity: diagSeverity(d.Severity),
		Summary:  d.Summary,
		Detail:   d.Detail,
	}
	if x, ok := hcl.DiagnosticExtra[RuleDiagnostic](d); ok {
		out.Rule = x.RuleID()
	}
	if x, ok := hcl.DiagnosticExtra[AddressDiagnostic](d); ok {
		out.Address = x.DiagnosticAddress()
	}
	if d.Subject == nil {
		return out
	}

	highlight := *d.Subject
	// Some producers leave the end unset.
	if highlight.End == (hcl.Pos{}) {
		highlight.End = highlight.Start
	}
	snippetRng := highlight
	if d.Context != nil {
		snippetRng = *d.Context
	}
	snippetRng = hcl.RangeOver(snippetRng, highlight)
	// An empty range would give an empty snippet or highlight.
	if snippetRng.Empty() {
		snippetRng.End.Byte++
		snippetRng.End.Column++
	}
	if highlight.Empty() {
		highlight.End.Byte++
		highlight.End.Column++
	}
	out.Range = &JSONDiagnosticRange{
		Filename: highlight.Filename,
		Start:    JSONPos{Line: highlight.Start.Line, Column: highlight.Start.Column, Byte: highlight.Start.Byte},
		End:      JSONPos{Line: highlight.End.Line, Column: highlight.End.Column, Byte: highlight.End.Byte},
	}

	file := files[highlight.Filename]
	if file == nil || file.Bytes == nil {
		return out
	}
	src := file.Bytes
	snip := &JSONDiagnosticSnippet{
		StartLine: snippetRng.Start.Line,
		Values:    []JSONExpressionValue{},
	}
	out.Snippet = snip
	if s := hcled.ContextString(file, highlight.Start.Byte-1); s != "" {
		snip.Context = &s
	}

	code, codeStart := snippetLines(src, snippetRng)
	snip.Code = code
	start := highlight.Start.Byte - codeStart
	end := start + (highlight.End.Byte - highlight.Start.Byte)
	snip.HighlightStartOffset = min(max(start, 0), len(snip.Code))
	snip.HighlightEndOffset = min(max(end, 0), len(snip.Code))

	if d.Expression == nil || d.EvalContext == nil {
		return out
	}
	snip.Values = expressionValues(d)
	if x, ok := hcl.DiagnosticExtra[hclsyntax.FunctionCallDiagExtra](d); ok && x.CalledFunctionName() != "" {
		call := &JSONFunctionCall{CalledAs: x.CalledFunctionName()}
		name := call.CalledAs
		if i := strings.LastIndex(name, "::"); i >= 0 {
			name = name[i+2:]
		}
		if f, ok := lookupFunction(d.EvalContext, call.CalledAs); ok {
			call.Signature = describeFunction(name, f)
		}
		snip.FunctionCall = call
	}
	return out
}

// snippetLines returns the source lines the range overlaps, without their
// line endings, joined by "\n", and the byte offset of the first. A line
// overlaps as in Terraform's snippets (hcl.Range.Overlaps of each line's
// range, as hcl.RangeScanner gives it, with the range): a range ending just
// after a newline takes in the line that follows, and an empty line never
// overlaps; when no line overlaps, the line the range starts on. It looks only at the lines around the range, so rendering many
// diagnostics of a large file does not rescan it each time.
func snippetLines(src []byte, rng hcl.Range) (string, int) {
	start := min(max(rng.Start.Byte, 0), len(src))
	end := min(max(rng.End.Byte, start), len(src))
	lineStart := start
	for lineStart > 0 && src[lineStart-1] != '\n' {
		lineStart--
	}
	contains := func(from, to, offset int) bool { return offset >= from && offset < to }
	var lines []string
	codeStart := -1
	for ls := lineStart; ls < len(src) && ls <= end; {
		le := ls
		for le < len(src) && src[le] != '\n' {
			le++
		}
		next := le + 1
		if le > ls && src[le-1] == '\r' {
			le--
		}
		if le > ls && start < end && (contains(ls, le, start) || contains(ls, le, end) || contains(start, end, ls) || contains(start, end, le)) {
			if codeStart < 0 {
				codeStart = ls
			}
			lines = append(lines, string(src[ls:le]))
		}
		ls = next
	}
	if codeStart < 0 {
		// Nothing overlaps (a range clamped to the end of the file): the
		// line the range starts on.
		le := lineStart
		for le < len(src) && src[le] != '\n' {
			le++
		}
		return strings.TrimSuffix(string(src[lineStart:le]), "\r"), lineStart
	}
	return strings.Join(lines, "\n"), codeStart
}

func diagSeverity(s hcl.DiagnosticSeverity) string {
	switch s {
	case hcl.DiagError:
		return SeverityError
	case hcl.DiagWarning:
		return SeverityWarning
	}
	return SeverityUnknown
}

// expressionValues describes the traversals of d.Expression that resolve in
// d.EvalContext, sorted by traversal and without duplicates.
func expressionValues(d *hcl.Diagnostic) []JSONExpressionValue {
	causedByUnknown, causedBySensitive := false, false
	if x, ok := hcl.DiagnosticExtra[CausedByUnknown](d); ok {
		causedByUnknown = x.DiagnosticCausedByUnknown()
	}
	if x, ok := hcl.DiagnosticExtra[CausedBySensitive](d); ok {
		causedBySensitive = x.DiagnosticCausedBySensitive()
	}
	vars := d.Expression.Variables()
	values := make([]JSONExpressionValue, 0, len(vars))
	seen := make(map[string]bool, len(vars))
	for _, t := range vars {
		for ; len(t) > 1; t = t[:len(t)-1] {
			val, diags := t.TraverseAbs(d.EvalContext)
			if diags.HasErrors() {
				continue
			}
			name := diagTraversalString(t)
			if !seen[name] {
				if stmt, ok := valueStatement(val, causedByUnknown, causedBySensitive); ok {
					values = append(values, JSONExpressionValue{Traversal: name, Statement: stmt})
					seen[name] = true
				}
			}
			break
		}
	}
	slices.SortFunc(values, func(a, b JSONExpressionValue) int { return strings.Compare(a.Traversal, b.Traversal) })
	return values
}

// valueStatement is what Terraform says about a value; ok is false when
// the value is better left unmentioned.
func valueStatement(val cty.Value, causedByUnknown, causedBySensitive bool) (stmt string, ok bool) {
	if val.HasMark(funcs.SensitiveMark) {
		// Mentioned only when the sensitivity is the cause: otherwise
		// readers blame the sensitive value for an unrelated error.
		return "has a sensitive value", causedBySensitive
	}
	// Other marks (the evaluator's bookkeeping) say nothing about secrecy.
	val, _ = val.UnmarkDeep()
	if !val.IsKnown() {
		ty := val.Type()
		if ty == cty.DynamicPseudoType {
			return "will be known only after apply", causedByUnknown
		}
		if !causedByUnknown {
			return "is a " + ty.FriendlyName(), true
		}
		if !ty.IsCollectionType() {
			return fmt.Sprintf("is a %s, known only after apply", ty.FriendlyName()), true
		}
		rng := val.Range()
		lo, hi := rng.LengthLowerBound(), rng.LengthUpperBound()
		const maxLimit = 1024 // larger upper bounds are noise
		switch {
		case lo == hi:
			return fmt.Sprintf("is a %s of length %d, known only after apply", ty.FriendlyName(), lo), true
		case lo != 0 && hi <= maxLimit:
			return fmt.Sprintf("is a %s with between %d and %d elements, known only after apply", ty.FriendlyName(), lo, hi), true
		case lo != 0:
			return fmt.Sprintf("is a %s with at least %d elements, known only after apply", ty.FriendlyName(), lo), true
		case hi <= maxLimit:
			return fmt.Sprintf("is a %s with up to %d elements, known only after apply", ty.FriendlyName(), hi), true
		}
		return fmt.Sprintf("is a %s, known only after apply", ty.FriendlyName()), true
	}
	return "is " + compactValueString(val), true
}

// compactValueString summarises a known, non-sensitive value on one line:
// primitives in full, collections and objects by type and size only, so
// that no nested (possibly sensitive) element is ever shown.
func compactValueString(val cty.Value) string {
	val, _ = val.UnmarkDeep()
	ty := val.Type()
	switch {
	case val.IsNull():
		return "null"
	case !val.IsKnown():
		return "(not yet known)"
	case ty == cty.Bool:
		if val.True() {
			return "true"
		}
		return "false"
	case ty == cty.Number:
		return val.AsBigFloat().Text('g', 10)
	case ty == cty.String:
		return fmt.Sprintf("%q", val.AsString())
	case ty.IsCollectionType() || ty.IsTupleType():
		switch n := val.LengthInt(); n {
		case 0:
			return "empty " + ty.FriendlyName()
		case 1:
			return ty.FriendlyName() + " with 1 element"
		default:
			return fmt.Sprintf("%s with %d elements", ty.FriendlyName(), n)
		}
	case ty.IsObjectType():
		atys := ty.AttributeTypes()
		switch len(atys) {
		case 0:
			return "object with no attributes"
		case 1:
			for k := range atys {
				return fmt.Sprintf("object with 1 attribute %q", k)
			}
		}
		return fmt.Sprintf("object with %d attributes", len(atys))
	}
	return ty.FriendlyName()
}

// diagTraversalString renders a traversal compactly in HCL-like syntax, as
// Terraform's diagnostics do: index keys that are not primitive become "...".
func diagTraversalString(t hcl.Traversal) string {
	var b strings.Builder
	for _, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			b.WriteString(s.Name)
		case hcl.TraverseAttr:
			b.WriteString("." + s.Name)
		case hcl.TraverseIndex:
			b.WriteByte('[')
			if s.Key.Type().IsPrimitiveType() {
				b.WriteString(compactValueString(s.Key))
			} else {
				b.WriteString("...")
			}
			b.WriteByte(']')
		}
	}
	return b.String()
}

// lookupFunction finds name in ctx or its parents, as HCL does when it
// calls a function.
func lookupFunction(ctx *hcl.EvalContext, name string) (function.Function, bool) {
	for ; ctx != nil; ctx = ctx.Parent() {
		if f, ok := ctx.Functions[name]; ok {
			return f, true
		}
	}
	return function.Function{}, false
}

// describeFunction returns f's signature. The return type is what f
// returns for arguments of exactly its parameter types, or "dynamic".
func describeFunction(name string, f function.Function) *JSONFunction {
	out := &JSONFunction{Name: name}
	params := f.Params()
	out.Params = make([]JSONFunctionParam, len(params))
	argTypes := make([]cty.Type, len(params), len(params)+1)
	for i, p := range params {
		out.Params[i] = describeParam(p)
		argTypes[i] = p.Type
	}
	if vp := f.VarParam(); vp != nil {
		p := describeParam(*vp)
		out.VariadicParam = &p
		argTypes = append(argTypes, vp.Type)
	}
	ret, err := f.ReturnType(argTypes)
	if err != nil {
		ret = cty.DynamicPseudoType
	}
	out.ReturnType = typeJSON(ret)
	return out
}

func describeParam(p function.Parameter) JSONFunctionParam {
	return JSONFunctionParam{Name: p.Name, Type: typeJSON(p.Type)}
}

func typeJSON(ty cty.Type) json.RawMessage {
	b, err := ty.MarshalJSON()
	if err != nil {
		return json.RawMessage(`"dynamic"`)
	}
	return b
}
