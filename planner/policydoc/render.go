package policydoc

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Defaults the provider applies when the arguments are omitted.
const (
	// DefaultVersion is the policy language version when version is null.
	DefaultVersion = "2012-10-17"
	// DefaultEffect is the effect of a statement whose effect is null.
	DefaultEffect = "Allow"
)

// computedAttrs are the attributes Render fills; everything else in the
// configuration reaches the document.
var computedAttrs = map[string]bool{"json": true, "minified_json": true, "id": true}

// policyVarReplacer turns the &{...} escape of the data source into an IAM
// policy variable.
var policyVarReplacer = strings.NewReplacer("&{", "${")

// PathExtra is implemented by the Extra of every diagnostic Render returns.
// AttributePath is the path, within the configuration object, of the
// argument or block the diagnostic is about (GetAttr and Index steps; a set
// of blocks is the last step), so that the caller can find its range.
type PathExtra interface {
	AttributePath() cty.Path
}

type pathExtra struct{ path cty.Path }

func (e pathExtra) AttributePath() cty.Path { return e.path }

func errorAt(path cty.Path, summary, detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Extra: pathExtra{path}}
}

// Render computes the data source's computed attributes from its evaluated
// configuration object (a cty object of the DataIAMPolicyDocument schema's
// implied type, possibly containing unknown values). It returns the object
// with json, minified_json and id filled. When any input that reaches the
// document is unknown, json/minified_json/id are unknown. Errors (invalid
// JSON in source documents, duplicate sids across statements where the
// provider rejects them, ...) are returned as hcl.Diagnostics (Subject left
// nil; the caller sets ranges).
//
// The result follows the provider's state:
//
//	| configuration            | json, minified_json, id | version, statement effect    |
//	|--------------------------|-------------------------|------------------------------|
//	| wholly known, valid      | rendered                | defaults filled in when null |
//	| some input unknown       | unknown                 | as configured                |
//	| invalid (diagnostics)    | unknown                 | as configured                |
//
// Validation the provider does at plan time (version and effect values,
// alphanumeric sids) is reported even when other inputs are unknown. Marks
// on the configuration are kept on the same paths of the result; the
// computed attributes are not marked. Render panics if config is not an
// object, which is a programmer error.
func Render(config cty.Value) (cty.Value, hcl.Diagnostics) {
	if !config.Type().IsObjectType() {
		panic(fmt.Sprintf("policydoc.Render: configuration of type %s, not an object", config.Type().FriendlyName()))
	}
	if !config.IsKnown() || config.IsNull() {
		return config, nil
	}
	config, marks := config.UnmarkDeepWithPaths()

	var diags hcl.Diagnostics
	diags = append(diags, validate(config)...)
	if diags.HasErrors() || !inputsKnown(config) {
		return withComputed(config, cty.UnknownVal(cty.String), cty.UnknownVal(cty.String), cty.UnknownVal(cty.String)).MarkWithPaths(marks), diags
	}

	doc, moreDiags := build(config)
	diags = append(diags, moreDiags...)
	if moreDiags.HasErrors() {
		return withComputed(config, cty.UnknownVal(cty.String), cty.UnknownVal(cty.String), cty.UnknownVal(cty.String)).MarkWithPaths(marks), diags
	}

	indented, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		// Unreachable: build only produces values the marshalers accept.
		panic(fmt.Sprintf("policydoc.Render: %s", err))
	}
	minified, err := json.Marshal(doc)
	if err != nil {
		panic(fmt.Sprintf("policydoc.Render: %s", err))
	}
	out := withComputed(withDefaults(config),
		cty.StringVal(string(indented)),
		cty.StringVal(string(minified)),
		cty.StringVal(sdkHashcode(string(indented))))
	return out.MarkWithPaths(marks), diags
}

// validate reports the provider's plan-time validation errors for the known
// parts of config.
func validate(config cty.Value) hcl.Diagnostics {
	var diags hcl.Diagnostics
	if v := config.GetAttr("version"); v.IsKnown() && !v.IsNull() {
		if s := v.AsString(); s != "2008-10-17" && s != "2012-10-17" {
			diags = append(diags, errorAt(cty.GetAttrPath("version"), "Invalid policy version",
				fmt.Sprintf(`The version %q is not a policy language version; use "2012-10-17" (the default) or "2008-10-17".`, s)))
		}
	}
	stmts := config.GetAttr("statement")
	if !stmts.IsKnown() || stmts.IsNull() {
		return diags
	}
	firstSid := map[string]int{}
	for it := stmts.ElementIterator(); it.Next(); {
		k, st := it.Element()
		i, _ := k.AsBigFloat().Int64()
		path := cty.GetAttrPath("statement").Index(k)
		if !st.IsKnown() || st.IsNull() {
			continue
		}
		if v := st.GetAttr("effect"); v.IsKnown() && !v.IsNull() {
			if s := v.AsString(); s != "Allow" && s != "Deny" {
				diags = append(diags, errorAt(path.GetAttr("effect"), "Invalid statement effect",
					fmt.Sprintf(`The effect of statement[%d] is %q; it must be "Allow" or "Deny".`, i, s)))
			}
		}
		v := st.GetAttr("sid")
		if !v.IsKnown() || v.IsNull() {
			continue
		}
		// The provider does not restrict a sid's characters: IAM accepts
		// only letters and digits, but resource policies (S3, SQS, SNS)
		// take others, and the data source serves both.
		sid := v.AsString()
		if sid == "" {
			continue
		}
		if j, dup := firstSid[sid]; dup {
			diags = append(diags, errorAt(path.GetAttr("sid"), "Duplicate statement ID",
				fmt.Sprintf("The blocks statement[%d] and statement[%d] both have the sid %q. Remove the sid or make it unique.", j, i, sid)))
			continue
		}
		firstSid[sid] = int(i)
	}
	return diags
}

// inputsKnown reports whether every argument of config is wholly known.
func inputsKnown(config cty.Value) bool {
	for name, v := range config.AsValueMap() {
		if !computedAttrs[name] && !v.IsWhollyKnown() {
			return false
		}
	}
	return true
}

// build merges the documents in the provider's order: the source documents,
// then the statements of the configuration, then the override documents.
// config is wholly known and valid.
func build(config cty.Value) (*policy, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	merged := &policy{}

	// Source documents: every non-empty Sid must be unique across them.
	sourceSid := map[string]int{}
	for i, s := range stringList(config.GetAttr("source_policy_documents")) {
		if s == nil {
			continue
		}
		path := cty.GetAttrPath("source_policy_documents").IndexInt(i)
		p, err := decodePolicy(*s)
		if err != nil {
			diags = append(diags, errorAt(path, "Invalid source policy document",
				fmt.Sprintf("Element %d of source_policy_documents is not a valid IAM policy document: %s.", i, err)))
			continue
		}
		for j, st := range p.Statements {
			if st.Sid == "" {
				continue
			}
			if k, dup := sourceSid[st.Sid]; dup {
				diags = append(diags, errorAt(path, "Duplicate statement ID in source policy documents",
					fmt.Sprintf("Statement %d of element %d of source_policy_documents has the sid %q, already used in element %d. Remove the sid or make the sids of source documents unique; override_policy_documents replaces statements by sid instead.", j, i, st.Sid, k)))
				continue
			}
			sourceSid[st.Sid] = i
		}
		merged.merge(p)
	}

	version := DefaultVersion
	if v := config.GetAttr("version"); !v.IsNull() {
		version = v.AsString()
	}
	doc := &policy{Version: version}
	if v := config.GetAttr("policy_id"); !v.IsNull() {
		doc.ID = v.AsString()
	}
	if stmts := config.GetAttr("statement"); !stmts.IsNull() {
		for it := stmts.ElementIterator(); it.Next(); {
			k, v := it.Element()
			st, moreDiags := configStatement(cty.GetAttrPath("statement").Index(k), v, version)
			diags = append(diags, moreDiags...)
			doc.Statements = append(doc.Statements, st)
		}
	}
	merged.merge(doc)

	for i, s := range stringList(config.GetAttr("override_policy_documents")) {
		if s == nil {
			continue
		}
		p, err := decodePolicy(*s)
		if err != nil {
			diags = append(diags, errorAt(cty.GetAttrPath("override_policy_documents").IndexInt(i), "Invalid override policy document",
				fmt.Sprintf("Element %d of override_policy_documents is not a valid IAM policy document: %s.", i, err)))
			continue
		}
		merged.merge(p)
	}
	return merged, diags
}

// configStatement converts one statement block as the provider does: set
// arguments become a string or a reverse-sorted list, &{ becomes ${ in
// resources, principal identifiers and condition values, and principals and
// conditions keep the SDK's set order.
func configStatement(path cty.Path, v cty.Value, version string) (*statement, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	st := &statement{Effect: DefaultEffect}
	if e := v.GetAttr("effect"); !e.IsNull() {
		st.Effect = e.AsString()
	}
	if s := v.GetAttr("sid"); !s.IsNull() {
		st.Sid = s.AsString()
	}

	// vars checks a value that may carry policy variables and converts them.
	vars := func(p cty.Path, what string, l []string) []string {
		out := make([]string, len(l))
		for i, s := range l {
			if version == "2008-10-17" && strings.Contains(s, "&{") {
				diags = append(diags, errorAt(p, "Policy variable in a 2008-10-17 document",
					fmt.Sprintf(`The %s %q contains "&{", which is not supported in policy language version 2008-10-17. Use version "2012-10-17".`, what, s)))
			}
			out[i] = policyVarReplacer.Replace(s)
		}
		return out
	}

	if l := setStrings(v.GetAttr("actions")); len(l) > 0 {
		st.Actions = collapse(l)
	}
	if l := setStrings(v.GetAttr("not_actions")); len(l) > 0 {
		st.NotActions = collapse(l)
	}
	// The provider sorts resources before it replaces &{, and principal
	// identifiers both before and (when marshalling) after.
	if l := setStrings(v.GetAttr("resources")); len(l) > 0 {
		st.Resources = varsIn(collapse(l), func(l []string) []string { return vars(path.GetAttr("resources"), "resource", l) })
	}
	if l := setStrings(v.GetAttr("not_resources")); len(l) > 0 {
		st.NotResources = varsIn(collapse(l), func(l []string) []string { return vars(path.GetAttr("not_resources"), "resource", l) })
	}
	principals := func(name string) principalSet {
		blocks := setElements(v.GetAttr(name))
		if len(blocks) == 0 {
			return nil
		}
		keys := make([]string, len(blocks))
		for i, b := range blocks {
			keys[i] = principalHashKey(str(b.GetAttr("type")), setStrings(b.GetAttr("identifiers")))
		}
		var out principalSet
		for _, i := range sdkSetOrder(keys) {
			b := blocks[i]
			ids := collapse(setStrings(b.GetAttr("identifiers")))
			ids = varsIn(ids, func(l []string) []string { return vars(path.GetAttr(name), "principal identifier", l) })
			out = append(out, principal{Type: str(b.GetAttr("type")), Identifiers: ids})
		}
		return out
	}
	st.Principals = principals("principals")
	st.NotPrincipals = principals("not_principals")

	if blocks := setElements(v.GetAttr("condition")); len(blocks) > 0 {
		keys := make([]string, len(blocks))
		for i, b := range blocks {
			keys[i] = conditionHashKey(str(b.GetAttr("test")), str(b.GetAttr("variable")), listStrings(b.GetAttr("values")))
		}
		for _, i := range sdkSetOrder(keys) {
			b := blocks[i]
			vals := vars(path.GetAttr("condition"), "condition value", listStrings(b.GetAttr("values")))
			c := condition{Test: str(b.GetAttr("test")), Variable: str(b.GetAttr("variable")), Values: vals}
			if len(vals) == 1 {
				c.Values = vals[0]
			}
			st.Conditions = append(st.Conditions, c)
		}
	}
	return st, diags
}

// varsIn applies f to the result of collapse, a string or a []string.
func varsIn(v any, f func([]string) []string) any {
	if s, ok := v.(string); ok {
		return f([]string{s})[0]
	}
	return f(v.([]string))
}

// withComputed returns config with the computed attributes set.
func withComputed(config, jsonVal, minified, id cty.Value) cty.Value {
	attrs := config.AsValueMap()
	attrs["json"] = jsonVal
	attrs["minified_json"] = minified
	attrs["id"] = id
	return cty.ObjectVal(attrs)
}

// withDefaults fills the provider's defaults for version and each
// statement's effect where they are null.
func withDefaults(config cty.Value) cty.Value {
	attrs := config.AsValueMap()
	if attrs["version"].IsNull() {
		attrs["version"] = cty.StringVal(DefaultVersion)
	}
	stmts := attrs["statement"]
	if stmts.IsNull() || stmts.LengthInt() == 0 {
		return cty.ObjectVal(attrs)
	}
	var out []cty.Value
	for it := stmts.ElementIterator(); it.Next(); {
		_, st := it.Element()
		sattrs := st.AsValueMap()
		if sattrs["effect"].IsNull() {
			sattrs["effect"] = cty.StringVal(DefaultEffect)
		}
		out = append(out, cty.ObjectVal(sattrs))
	}
	attrs["statement"] = cty.ListVal(out)
	return cty.ObjectVal(attrs)
}

// str returns a known string value, or "" for null.
func str(v cty.Value) string {
	if v.IsNull() {
		return ""
	}
	return v.AsString()
}

// setStrings returns the elements of a known set or list of strings, null
// elements as "". A null collection has none.
func setStrings(v cty.Value) []string {
	if v.IsNull() {
		return nil
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		out = append(out, str(e))
	}
	return out
}

// listStrings is setStrings for lists, keeping empty strings as the
// provider's expandStringListKeepEmpty does.
func listStrings(v cty.Value) []string { return setStrings(v) }

// stringList returns the elements of a known list of strings, nil for null
// elements.
func stringList(v cty.Value) []*string {
	if v.IsNull() {
		return nil
	}
	var out []*string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		// The provider (SDKv2) reads an empty string in a list as nil
		// and skips it like a null (hashicorp/terraform-provider-aws
		// #21880, #23910: the nil once crashed it).
		if e.IsNull() || e.AsString() == "" {
			out = append(out, nil)
			continue
		}
		s := e.AsString()
		out = append(out, &s)
	}
	return out
}

// setElements returns the elements of a known set of objects.
func setElements(v cty.Value) []cty.Value {
	if v.IsNull() {
		return nil
	}
	var out []cty.Value
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		out = append(out, e)
	}
	return out
}
