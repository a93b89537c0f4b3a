package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// openBlocks returns the names of the top-level dynamic blocks of r whose
// for_each derives from a variable that took its default in ValidateMode,
// or nil. vpcplan validate gives such variables their defaults so rules
// see values, but terraform validate leaves every variable unknown: a
// module's `dynamic "ip_address" { for_each = var.ip_address }` with
// `default = []` is valid Terraform, its callers pass the blocks. The
// number of those blocks is therefore not checked against the schema's
// minimum and maximum (Terraform checks it at plan, with real values).
func (e *evaluator) openBlocks(r *Resource) map[string]bool {
	if e.opts.Mode != ValidateMode || len(e.defaulted) == 0 || r.Syntax == nil {
		return nil
	}
	var open map[string]bool
	for _, blk := range r.Syntax.Blocks {
		if blk.Type != "dynamic" || len(blk.Labels) != 1 {
			continue
		}
		fe, ok := blk.Body.Attributes["for_each"]
		if !ok || !e.derivesFromDefaults(fe.Expr.Variables()) {
			continue
		}
		if open == nil {
			open = map[string]bool{}
		}
		open[blk.Labels[0]] = true
	}
	return open
}

// derivesFromDefaults reports whether the traversals name a defaulted
// variable, directly or through locals. Each local is looked at once per
// evaluation.
func (e *evaluator) derivesFromDefaults(travs []hcl.Traversal) bool {
	rc := &refCollector{cfg: e.cfg}
	for _, ref := range rc.traversalRefs(travs, nil) {
		switch ref.Kind {
		case schema.RefVariable:
			if e.defaulted[ref.Name] {
				return true
			}
		case schema.RefLocal:
			if e.localFromDefaults(ref.Name) {
				return true
			}
		}
	}
	return false
}

func (e *evaluator) localFromDefaults(name string) bool {
	if v, ok := e.fromDefaults[name]; ok {
		return v
	}
	if e.fromDefaults == nil {
		e.fromDefaults = map[string]bool{}
	}
	e.fromDefaults[name] = false // a cycle was reported before evaluation
	lv := e.cfg.byLocal[name]
	res := lv != nil && e.derivesFromDefaults(lv.Expr.Variables())
	e.fromDefaults[name] = res
	return res
}
