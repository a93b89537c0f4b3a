package planner_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// TestCatalogConverges holds the plan invariant on configurations
// generated from every managed type's schema: with only the required
// arguments (and the blocks the schema requires), with every optional
// argument and one block of every nested block type, and with each
// optional argument or block alone. Each configuration is planned, applied
// and planned again; the second plan must have no changes.
func TestCatalogConverges(t *testing.T) {
	for _, r := range schema.Resources() {
		for _, c := range catalogCases(r) {
			t.Run(string(r.Type)+"/"+c.name, func(t *testing.T) {
				t.Parallel()
				h := newHarness(t)
				for i, src := range c.steps {
					h.write(src)
					h.apply(h.plan(false))
					if p := h.plan(false); p.HasChanges() {
						t.Fatalf("plan after apply %d has changes:\n%s\nconfiguration:\n%s", i+1, describeChanges(p), src)
					}
				}
			})
		}
	}
}

// catalogCase is one generated configuration, or a sequence of them,
// each applied in turn.
type catalogCase struct {
	name  string
	steps []string
}

// catalogProvider declares the account and Region every case uses.
const catalogProvider = `provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

`

// catalogCases generates the configurations of one type: "required",
// "all", then "+<argument>" and "+<block>" (with its required content)
// and "+<block>/all" (with all of its content) for each optional argument
// and nested block type, in name order; and, for a type with tags,
// "required/update", which adds tags to the applied "required"
// configuration: an update in place.
func catalogCases(r *schema.Resource) []catalogCase {
	var out []catalogCase
	gen := func(attrs map[string]bool, blocks map[string]genMode) string {
		f := hclwrite.NewEmptyFile()
		res := f.Body().AppendNewBlock("resource", []string{string(r.Type), "x"})
		genBlock(res.Body(), &r.Block, attrs, blocks, 0)
		return catalogProvider + string(f.Bytes())
	}
	add := func(name string, attrs map[string]bool, blocks map[string]genMode) {
		out = append(out, catalogCase{name: name, steps: []string{gen(attrs, blocks)}})
	}
	add("required", nil, nil)
	if a := r.Attributes["tags"]; a != nil && a.Optional {
		out = append(out, catalogCase{name: "required/update", steps: []string{gen(nil, nil), gen(map[string]bool{"tags": true}, nil)}})
	}
	all := map[string]bool{}
	allBlocks := map[string]genMode{}
	for _, n := range r.AttributeNames() {
		all[n] = true
	}
	for _, n := range r.BlockNames() {
		allBlocks[n] = genAll
	}
	add("all", all, allBlocks)
	for _, n := range r.AttributeNames() {
		if a := r.Attributes[n]; a.Optional {
			add("+"+n, map[string]bool{n: true}, nil)
		}
	}
	for _, n := range r.BlockNames() {
		add("+"+n, nil, map[string]genMode{n: genRequired})
		add("+"+n+"/all", nil, map[string]genMode{n: genAll})
	}
	return out
}

// genMode is how much of a nested block a case writes.
type genMode int

const (
	genNone     genMode = iota // only the blocks the schema requires
	genRequired                // the block, with its required content
	genAll                     // the block, with all of its content
)

// genBlock writes the arguments and nested blocks of b into body: the
// required arguments, those in attrs, the blocks the schema requires,
// and those in blocks. index tells blocks of one type apart, so that set
// elements stay distinct.
func genBlock(body *hclwrite.Body, b *schema.Block, attrs map[string]bool, blocks map[string]genMode, index int) {
	for _, n := range b.AttributeNames() {
		a := b.Attributes[n]
		if a.Computed && !a.Optional && !a.Required {
			continue
		}
		if a.Required || attrs[n] {
			body.SetAttributeValue(n, genValue(n, a.Type, index))
		}
	}
	for _, n := range b.BlockNames() {
		nb := b.Blocks[n]
		mode := blocks[n]
		count := nb.MinItems
		if mode != genNone && count == 0 {
			count = 1
		}
		if nb.Nesting == schema.NestingSingle && count > 1 {
			count = 1
		}
		var nestedAttrs map[string]bool
		var nestedBlocks map[string]genMode
		if mode == genAll {
			nestedAttrs = map[string]bool{}
			nestedBlocks = map[string]genMode{}
			for _, an := range nb.AttributeNames() {
				nestedAttrs[an] = true
			}
			for _, bn := range nb.BlockNames() {
				nestedBlocks[bn] = genAll
			}
		}
		for i := 0; i < count; i++ {
			blk := body.AppendNewBlock(n, nil)
			genBlock(blk.Body(), &nb.Block, nestedAttrs, nestedBlocks, i)
		}
	}
}

// genStrings are values of string arguments that the schema's types do
// not describe well enough: Regions, CIDR blocks, service names, account
// IDs and the enumerations apply's fill looks at.
var genStrings = map[string]string{
	"region":                      "eu-west-1",
	"cidr_block":                  "10.0.0.0/16",
	"cidr_blocks":                 "10.0.0.0/16",
	"cidr_ipv4":                   "10.0.0.0/16",
	"destination_cidr_block":      "0.0.0.0/0",
	"ipv6_cidr_block":             "2a05:d018:1:100::/56",
	"destination_ipv6_cidr_block": "::/0",
	"availability_zone":           "eu-west-1a",
	"availability_zone_id":        "euw1-az1",
	"service_name":                "com.amazonaws.eu-west-1.s3",
	"vpc_endpoint_type":           "Interface",
	"load_balancer_type":          "network",
	"direction":                   "INBOUND",
	"resolver_endpoint_type":      "DUALSTACK",
	"connectivity_type":           "public",
	"ip_address_type":             "ipv4",
	"log_format":                  "JSON",
	"apply_on":                    "PublishedVersions",
	"protocol":                    "tcp",
	"ip_protocol":                 "tcp",
	"type":                        "ingress",
	"status":                      "Enabled",
	"sse_algorithm":               "AES256",
	"policy":                      `{"Version":"2012-10-17","Statement":[]}`,
	"assume_role_policy":          `{"Version":"2012-10-17","Statement":[]}`,
	"account_id":                  "111111111111",
	"bucket_account_id":           "111111111111",
}

// genNumbers are values of number arguments whose range matters to apply.
var genNumbers = map[string]int64{
	"ipv4_netmask_length": 20,
	"ipv6_netmask_length": 56,
}

// genValue is a value of type ty for the argument name, distinct for each
// index.
func genValue(name string, ty cty.Type, index int) cty.Value {
	suffix := ""
	if index > 0 {
		suffix = fmt.Sprintf("-%d", index)
	}
	switch {
	case ty == cty.String:
		if s, ok := genStrings[name]; ok && index == 0 {
			return cty.StringVal(s)
		}
		return cty.StringVal("v-" + strings.ReplaceAll(name, "_", "-") + suffix)
	case ty == cty.Number:
		if n, ok := genNumbers[name]; ok {
			return cty.NumberIntVal(n)
		}
		return cty.NumberIntVal(int64(2 + index))
	case ty == cty.Bool:
		return cty.True
	case ty.IsListType():
		return cty.ListVal([]cty.Value{genValue(name, ty.ElementType(), index)})
	case ty.IsSetType():
		return cty.SetVal([]cty.Value{genValue(name, ty.ElementType(), index)})
	case ty.IsMapType():
		return cty.MapVal(map[string]cty.Value{"k": genValue(name, ty.ElementType(), index)})
	case ty.IsObjectType():
		attrs := map[string]cty.Value{}
		for n, aty := range ty.AttributeTypes() {
			attrs[n] = genValue(n, aty, index)
		}
		return cty.ObjectVal(attrs)
	}
	return cty.NullVal(ty)
}

// describeChanges lists the changes of a plan with, for each, the paths
// whose values differ: before → after.
func describeChanges(p *planner.Plan) string {
	var b strings.Builder
	for _, c := range p.Changes {
		if c.Action == planner.NoOp {
			continue
		}
		fmt.Fprintf(&b, "  %s: %s\n", c.Addr, strings.Join(c.Action.JSON(), "+"))
		var diffs []string
		diffValues("", c.Before, c.After, &diffs)
		sort.Strings(diffs)
		for _, d := range diffs {
			fmt.Fprintf(&b, "    %s\n", d)
		}
	}
	return b.String()
}

// diffValues appends "path: before → after" for every leaf where a and b
// differ.
func diffValues(path string, a, b cty.Value, out *[]string) {
	if a.RawEquals(b) {
		return
	}
	leaf := func() { *out = append(*out, fmt.Sprintf("%s: %s → %s", path, render(a), render(b))) }
	if !a.IsKnown() || !b.IsKnown() || a.IsNull() || b.IsNull() || !a.Type().Equals(b.Type()) {
		leaf()
		return
	}
	ty := a.Type()
	switch {
	case ty.IsObjectType():
		names := make([]string, 0, len(ty.AttributeTypes()))
		for n := range ty.AttributeTypes() {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			p := n
			if path != "" {
				p = path + "." + n
			}
			diffValues(p, a.GetAttr(n), b.GetAttr(n), out)
		}
	case ty.IsListType() && a.LengthInt() == b.LengthInt():
		for i := 0; i < a.LengthInt(); i++ {
			k := cty.NumberIntVal(int64(i))
			diffValues(fmt.Sprintf("%s[%d]", path, i), a.Index(k), b.Index(k), out)
		}
	default:
		leaf()
	}
}

func render(v cty.Value) string {
	if !v.IsKnown() {
		return "(known after apply)"
	}
	if v.IsNull() {
		return "null"
	}
	return strings.TrimSpace(string(hclwrite.TokensForValue(v).Bytes()))
}
