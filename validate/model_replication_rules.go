package validate

import (
	"fmt"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/zclconf/go-cty/cty"
)

// replicationRule is one rule block of an aws_s3_bucket_replication_configuration.
type replicationRule struct {
	rc    *config.Instance
	index int
	value cty.Value
}

// path returns the Link/Ranges path of an argument of the rule, such as
// "destination[0].account".
func (r replicationRule) path(rest string) string {
	return fmt.Sprintf("rule[%d].%s", r.index, rest)
}

// get returns a known value inside the rule.
func (r replicationRule) get(steps ...any) (cty.Value, bool) {
	return nestedValue(r.value, steps...)
}

// getString returns a known string inside the rule, or "".
func (r replicationRule) getString(steps ...any) string {
	v, ok := r.get(steps...)
	if !ok || v.Type() != cty.String {
		return ""
	}
	return v.AsString()
}

// has reports whether the rule writes the nested block at path (list
// blocks of at most one element, as the replication schema has).
func (r replicationRule) has(block string) bool {
	return r.rc.Resource.Ranges(r.path(block + "[0]")).Found
}

// replicationRules returns the known rule blocks of a replication
// configuration.
func replicationRules(rc *config.Instance) []replicationRule {
	v, ok := nested(rc, "rule")
	if !ok || !v.CanIterateElements() {
		return nil
	}
	var out []replicationRule
	i := 0
	for it := v.ElementIterator(); it.Next(); {
		_, rv := it.Element()
		if rv.IsKnown() && !rv.IsNull() {
			out = append(out, replicationRule{rc: rc, index: i, value: rv})
		}
		i++
	}
	return out
}
