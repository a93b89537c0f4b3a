package planner

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// filler computes, for one instance, the values AWS would assign at
// creation, in AWS's shapes. Every value derives from the state lineage,
// the instance address and a generation (bumped by a replacement), so the
// same apply always records the same ids, and a replacement gets new ones.
//
// Values AWS derives from another resource (the address of an interface in
// a subnet, the VPC of a subnet) come from lookup when it is set; without
// it they are derived deterministically from the other resource's id (see
// fill_aws.go), or null where no honest value can be derived.
type filler struct {
	lineage    string
	addr       schema.InstanceAddr
	generation string
	account    string
	region     string
	partition  string

	// lookup, when set, returns the value recorded for the instance of
	// type t whose id is id (the subnet a subnet_id names, the bucket a
	// bucket name names), or false when there is none.
	lookup func(t schema.TypeName, id string) (cty.Value, bool)
}

// hex returns n hex digits derived from the instance and a label.
func (f *filler) hex(label string, n int) string {
	return hashHex(n, f.lineage, f.addr.String(), f.generation, label)
}

// digits returns n decimal digits derived from the instance and a label.
func (f *filler) digits(label string, n int) string {
	return hexDigits(f.hex(label, 2*n))
}

// hashHex returns n hex digits derived from parts alone: values that belong
// to another object than the instance (a VPC's default security group, the
// prefix list of a service) use it, so that every instance that derives
// them agrees.
func hashHex(n int, parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	s := hex.EncodeToString(sum[:])
	for len(s) < n {
		s += s
	}
	return s[:n]
}

// hexDigits turns 2n hex digits into n decimal digits.
func hexDigits(h string) string {
	var b strings.Builder
	for i := 0; i+1 < len(h); i += 2 {
		b.WriteByte('0' + (h[i]+h[i+1])%10)
	}
	return b.String()
}

func (f *filler) or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// reg is the instance's Region for the values that embed one; a
// configuration whose Region vpcplan cannot know gets us-east-1, the
// provider's and AWS's global default, so that ARNs and names stay well
// formed.
func (f *filler) reg() string { return f.or(f.region, "us-east-1") }

// part is the instance's partition, "aws" when unknown.
func (f *filler) part() string { return f.or(f.partition, "aws") }

// fill returns v with every unknown value replaced: every computed
// attribute, at every nesting level, with the value AWS gives it, in AWS's
// shape; optional+computed arguments the configuration leaves unset with
// AWS's default; and, for a new object (its id unknown), every computed
// nested block the configuration leaves out with the blocks AWS reports.
// What AWS leaves unset (IPv6 values without IPv6, say) is null, and so is
// anything still unknown at the end: state never holds unknown values.
//
// The value of an existing object whose every value is known is returned
// as it is, without a walk: most updates of large applies.
func (f *filler) fill(sch *schema.Resource, v cty.Value) cty.Value {
	if v.IsNull() {
		return v
	}
	if !v.IsKnown() {
		return cty.NullVal(v.Type())
	}
	idv := v.GetAttr("id")
	fresh := !idv.IsKnown() || idv.IsNull()
	if !fresh && v.IsWhollyKnown() {
		return v
	}
	o := &object{f: f, block: &sch.Block, attrs: v.AsValueMap(), fresh: fresh}
	o.fillNames(sch.Type)
	o.setS("id", o.resourceID(sch.Type))
	o.setS("region", f.reg())
	o.setS("owner_id", f.account)
	if sch.AccountAttr != "" {
		o.setS(sch.AccountAttr, f.account)
	}
	o.set("tags_all", tagsOf(o.attrs))
	o.shape(sch.Type)
	// What is still unknown is what AWS leaves unset. Attributes are
	// nulled one by one, so that only one with unknown values inside is
	// walked.
	for name, x := range o.attrs {
		switch {
		case !x.IsKnown():
			o.attrs[name] = cty.NullVal(x.Type())
		case !x.Type().IsPrimitiveType() && !x.IsWhollyKnown():
			o.attrs[name] = nullUnknowns(x)
		}
	}
	return o.value()
}

// shape fills the attributes particular to the type, after fill has set
// the name, the id, the Region, the owner and tags_all. Types without a
// case have nothing else AWS computes.
func (o *object) shape(t schema.TypeName) {
	switch t {
	case schema.TypeVPC:
		o.fillVPC()
	case schema.TypeVPCIPv4CIDRBlockAssociation:
		o.fillVPCCIDRAssociation()
	case schema.TypeSubnet:
		o.fillSubnet()
	case schema.TypeRouteTable:
		o.fillRouteTable()
	case schema.TypeRoute:
		o.fillRoute()
	case schema.TypeMainRouteTableAssociation:
		o.fillMainRouteTableAssociation()
	case schema.TypeInternetGateway:
		o.fillInternetGateway()
	case schema.TypeNATGateway:
		o.fillNATGateway()
	case schema.TypeSecurityGroup:
		o.fillSecurityGroup()
	case schema.TypeSecurityGroupRule:
		o.fillSecurityGroupRule()
	case schema.TypeVPCSecurityGroupIngressRule, schema.TypeVPCSecurityGroupEgressRule:
		o.fillVPCSecurityGroupRule()
	case schema.TypeVPCEndpoint:
		o.fillEndpoint()
	case schema.TypeVPCEndpointPolicy:
		o.fillEndpointPolicy()
	case schema.TypeVPCEndpointService:
		o.fillEndpointService()
	case schema.TypeLB:
		o.fillLB()
	case schema.TypeRoute53ResolverEndpoint:
		o.fillResolverEndpoint()
	case schema.TypeS3Bucket:
		o.fillBucket()
	case schema.TypeS3BucketVersioning:
		o.fillBucketVersioning()
	case schema.TypeS3BucketReplicationConfiguration:
		o.fillBucketReplication()
	case schema.TypeS3AccessPoint:
		o.fillAccessPoint()
	case schema.TypeS3ControlAccessPointPolicy, schema.TypeS3ControlObjectLambdaAccessPointPolicy:
		o.setBool("has_public_access_policy", false)
	case schema.TypeS3ControlMultiRegionAccessPoint:
		o.fillMRAP()
	case schema.TypeS3ControlMultiRegionAccessPointPolicy:
		o.fillMRAPPolicy()
	case schema.TypeS3ControlObjectLambdaAccessPoint:
		o.fillObjectLambdaAccessPoint()
	case schema.TypeIAMRole:
		o.fillIAMRole()
	case schema.TypeIAMPolicy:
		o.fillIAMPolicy()
	case schema.TypeKMSKey:
		o.fillKMSKey()
	case schema.TypeLambdaFunction:
		o.fillLambdaFunction()
	}
}

// object is one object value being filled: a resource instance, or one
// element of a nested block. Its setters only replace unknown values, so
// what the configuration (or, in an update, the prior state) decided
// stands.
type object struct {
	f     *filler
	block *schema.Block
	attrs map[string]cty.Value
	// fresh is set for a new object (created, or created again by a
	// replacement): computed blocks the configuration leaves out get
	// AWS's blocks.
	fresh bool
	// parent is the object this one is a nested block element of.
	parent *object
}

func (o *object) value() cty.Value { return cty.ObjectVal(o.attrs) }

// unknown reports whether the attribute exists and is not known yet.
func (o *object) unknown(name string) bool {
	v, ok := o.attrs[name]
	return ok && !v.IsKnown()
}

// set replaces the attribute's value when it is unknown.
func (o *object) set(name string, v cty.Value) {
	if o.unknown(name) {
		o.attrs[name] = v
	}
}

// setS sets a string attribute when it is unknown; "" sets null.
func (o *object) setS(name, s string) {
	if !o.unknown(name) {
		return
	}
	o.attrs[name] = stringOrNull(s)
}

func (o *object) setBool(name string, b bool) { o.set(name, cty.BoolVal(b)) }

func (o *object) setInt(name string, n int64) { o.set(name, cty.NumberIntVal(n)) }

// setStrings sets a set or list of strings when it is unknown.
func (o *object) setStrings(name string, ss []string) {
	if !o.unknown(name) {
		return
	}
	ty := o.attrs[name].Type()
	o.attrs[name] = stringCollection(ty, ss)
}

// stringOrNull is s as a value, null for "".
func stringOrNull(s string) cty.Value {
	if s == "" {
		return cty.NullVal(cty.String)
	}
	return cty.StringVal(s)
}

// stringCollection builds a list or set of strings of type ty.
func stringCollection(ty cty.Type, ss []string) cty.Value {
	if len(ss) == 0 {
		if ty.IsSetType() {
			return cty.SetValEmpty(cty.String)
		}
		return cty.ListValEmpty(cty.String)
	}
	vals := make([]cty.Value, len(ss))
	for i, s := range ss {
		vals[i] = cty.StringVal(s)
	}
	if ty.IsSetType() {
		return cty.SetVal(vals)
	}
	return cty.ListVal(vals)
}

// str returns a known, non-null string attribute, or "".
func (o *object) str(name string) string {
	v, ok := o.attrs[name]
	if !ok || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return ""
	}
	return v.AsString()
}

// boolean returns a known, non-null bool attribute; ok is false otherwise.
func (o *object) boolean(name string) (b, ok bool) {
	v, found := o.attrs[name]
	if !found || !v.IsKnown() || v.IsNull() || v.Type() != cty.Bool {
		return false, false
	}
	return v.True(), true
}

// number returns a known, non-null whole number attribute.
func (o *object) number(name string) (int64, bool) {
	v, found := o.attrs[name]
	if !found || !v.IsKnown() || v.IsNull() || v.Type() != cty.Number {
		return 0, false
	}
	n, acc := v.AsBigFloat().Int64()
	return n, acc == 0
}

// strs returns the known strings of a list or set attribute, in its
// order (a set's is cty's canonical order).
func (o *object) strs(name string) []string {
	v, ok := o.attrs[name]
	if !ok || !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
		return nil
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsKnown() && !e.IsNull() && e.Type() == cty.String {
			out = append(out, e.AsString())
		}
	}
	return out
}

// count returns the number of blocks of a nested block type (0 for a
// null one) and whether it is known.
func (o *object) count(name string) (int, bool) {
	v, ok := o.attrs[name]
	if !ok || !v.IsKnown() {
		return 0, false
	}
	if v.IsNull() {
		return 0, true
	}
	if v.Type().IsObjectType() {
		return 1, true
	}
	return v.LengthInt(), true
}

// nestedStr returns a known string at name[0].attr, or "".
func (o *object) nestedStr(name, attr string) string {
	e, ok := o.first(name)
	if !ok {
		return ""
	}
	return e.str(attr)
}

// first returns the first element of a nested block type, read-only.
func (o *object) first(name string) (*object, bool) {
	v, ok := o.attrs[name]
	if !ok || !v.IsKnown() || v.IsNull() {
		return nil, false
	}
	if !v.Type().IsObjectType() {
		if v.LengthInt() == 0 {
			return nil, false
		}
		it := v.ElementIterator()
		it.Next()
		_, v = it.Element()
	}
	if !v.IsKnown() || v.IsNull() {
		return nil, false
	}
	return &object{f: o.f, attrs: v.AsValueMap(), parent: o}, true
}

// blocks calls fn for every element of the nested block type name that
// holds unknown values, with the element's index (in a set, its place in
// cty's order, which does not depend on the unknown values' eventual
// values), and rebuilds the collection from what fn set. Elements that
// are wholly known are not walked.
func (o *object) blocks(name string, fn func(i int, e *object)) {
	v, ok := o.attrs[name]
	if !ok || !v.IsKnown() || v.IsNull() || v.IsWhollyKnown() {
		return
	}
	var nb *schema.Block
	if o.block != nil {
		if b := o.block.Blocks[name]; b != nil {
			nb = &b.Block
		}
	}
	ty := v.Type()
	if ty.IsObjectType() {
		e := &object{f: o.f, block: nb, attrs: v.AsValueMap(), fresh: o.fresh, parent: o}
		fn(0, e)
		o.attrs[name] = e.value()
		return
	}
	elems := v.AsValueSlice()
	for i, ev := range elems {
		if ev.IsWhollyKnown() || ev.IsNull() {
			continue
		}
		e := &object{f: o.f, block: nb, attrs: ev.AsValueMap(), fresh: o.fresh, parent: o}
		fn(i, e)
		elems[i] = e.value()
	}
	if ty.IsSetType() {
		o.attrs[name] = cty.SetVal(elems)
	} else {
		o.attrs[name] = cty.ListVal(elems)
	}
}

// defaultBlocks sets, on a new object, the blocks AWS reports for a
// computed nested block type the configuration leaves out (no block):
// one block per element of elems, given as the attributes AWS sets (the
// others null, nested blocks empty). An existing object keeps what the
// prior state recorded.
func (o *object) defaultBlocks(name string, elems ...map[string]cty.Value) {
	v, ok := o.attrs[name]
	if !ok || !o.fresh || len(elems) == 0 {
		return
	}
	if o.block != nil {
		if nb := o.block.Blocks[name]; nb == nil || !nb.Computed {
			return
		}
	}
	ty := v.Type()
	if v.IsKnown() && !v.IsNull() && (ty.IsObjectType() || v.LengthInt() > 0) {
		return // written by the configuration
	}
	if _, ok := blockType(ty); ok {
		o.attrs[name] = blockValue(ty, elems...)
	}
}

// objectOf builds an object of type ty from the attributes in m: the
// others are null, or empty for nested blocks (lists and sets of objects).
func objectOf(ty cty.Type, m map[string]cty.Value) cty.Value {
	attrs := make(map[string]cty.Value, len(ty.AttributeTypes()))
	for name, aty := range ty.AttributeTypes() {
		if v, ok := m[name]; ok {
			attrs[name] = v
			continue
		}
		switch {
		case aty.IsListType() && aty.ElementType().IsObjectType():
			attrs[name] = cty.ListValEmpty(aty.ElementType())
		case aty.IsSetType() && aty.ElementType().IsObjectType():
			attrs[name] = cty.SetValEmpty(aty.ElementType())
		default:
			attrs[name] = cty.NullVal(aty)
		}
	}
	return cty.ObjectVal(attrs)
}

// fieldType returns the type of the attribute name of an object type, or
// false when it has none.
func fieldType(ty cty.Type, name string) (cty.Type, bool) {
	if !ty.IsObjectType() || !ty.HasAttribute(name) {
		return cty.NilType, false
	}
	return ty.AttributeType(name), true
}

// blockType returns the object type of the blocks of a nested block type
// whose value has type ty (a list, a set or an object).
func blockType(ty cty.Type) (cty.Type, bool) {
	switch {
	case ty.IsObjectType():
		return ty, true
	case (ty.IsListType() || ty.IsSetType()) && ty.ElementType().IsObjectType():
		return ty.ElementType(), true
	}
	return cty.NilType, false
}

// blockValue builds the value of a nested block type of type ty holding
// one block per element of elems (see objectOf).
func blockValue(ty cty.Type, elems ...map[string]cty.Value) cty.Value {
	ety, ok := blockType(ty)
	if !ok {
		return cty.NullVal(ty)
	}
	if ty.IsObjectType() {
		if len(elems) == 0 {
			return cty.NullVal(ty)
		}
		return objectOf(ety, elems[0])
	}
	if len(elems) == 0 {
		if ty.IsSetType() {
			return cty.SetValEmpty(ety)
		}
		return cty.ListValEmpty(ety)
	}
	vals := make([]cty.Value, len(elems))
	for i, m := range elems {
		vals[i] = objectOf(ety, m)
	}
	if ty.IsSetType() {
		return cty.SetVal(vals)
	}
	return cty.ListVal(vals)
}

// fillNames chooses the names AWS or the provider generate when the
// configuration gives only a prefix, or nothing: ids and ARNs use them.
// The prefix argument then records the prefix, as the provider records it
// (the default prefix for a generated name, null for a name written in
// full).
func (o *object) fillNames(t schema.TypeName) {
	switch t {
	case schema.TypeS3Bucket:
		o.generateName("bucket", "bucket_prefix", "terraform-")
	case schema.TypeIAMRole, schema.TypeIAMPolicy, schema.TypeIAMRolePolicy, schema.TypeSecurityGroup:
		o.generateName("name", "name_prefix", "terraform-")
	case schema.TypeLB:
		// Load balancer names have at most 32 characters.
		o.generateName("name", "name_prefix", "tf-lb-")
	case schema.TypeLambdaPermission:
		o.generateName("statement_id", "statement_id_prefix", "terraform-")
	}
}

// uniqueIDLength is the length of the suffix the provider appends to a
// name prefix (its id.UniqueId: a timestamp and a counter).
const uniqueIDLength = 26

func (o *object) generateName(name, prefix, defaultPrefix string) {
	if o.unknown(name) {
		p := o.str(prefix)
		if p == "" {
			p = defaultPrefix
		}
		o.setS(name, p+o.f.digits("name", uniqueIDLength))
	}
	o.setS(prefix, namePrefixFromName(o.str(name)))
}

// namePrefixFromName is the provider's: the prefix of a name generated
// from one, "" for any other name.
func namePrefixFromName(name string) string {
	i := len(name) - uniqueIDLength
	if i <= 0 {
		return ""
	}
	for _, c := range name[i:] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return name[:i]
}

// tagsOf is tags_all as the provider records it without default_tags.
// A tag whose value is still unknown (it comes from outside vpcplan) is
// null in the recorded tags, and so in tags_all: the next plan derives
// tags_all from those tags (withTagsAll), and must find it unchanged.
func tagsOf(attrs map[string]cty.Value) cty.Value {
	t, ok := attrs["tags"]
	if !ok || !t.IsKnown() || t.IsNull() {
		return cty.MapValEmpty(cty.String)
	}
	return nullUnknowns(t)
}

// nullUnknowns replaces any value still unknown with null: state never
// holds unknown values.
func nullUnknowns(v cty.Value) cty.Value {
	if v.IsWhollyKnown() {
		return v
	}
	out, _ := cty.Transform(v, func(_ cty.Path, x cty.Value) (cty.Value, error) {
		if !x.IsKnown() {
			return cty.NullVal(x.Type()), nil
		}
		return x, nil
	})
	return out
}
