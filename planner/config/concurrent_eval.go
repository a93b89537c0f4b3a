package config

import (
	"github.com/vpcplan/vpcplan/internal/parallel"
	"github.com/vpcplan/vpcplan/schema"
)

// minConcurrent is the fewest blocks worth computing at the same time.
const minConcurrent = 2

// concurrent reports whether the node gn may be computed at the same time
// as other such nodes that do not depend on it: a managed resource with a
// schema, in a module with one instance, in validate mode. (Plans call
// back into the planner, data sources read their data, and the instances
// of a module share their evaluators' state.)
func (e *evaluator) concurrent(gn gnode) bool {
	if gn.n.kind != nodeResource || e.opts.sequential || e.opts.Mode != ValidateMode || e.opts.Plan != nil || e.opts.Finalize != nil || e.opts.Known != nil {
		return false
	}
	evs := e.w.insts[gn.cfg]
	if len(evs) != 1 {
		return false
	}
	r := evs[0].cfg.byAddr[gn.n.addr]
	return r != nil && r.Schema != nil && r.Addr.Mode == schema.ManagedMode
}

// runConcurrently evaluates run, consecutive nodes of the whole order that
// are all concurrent, in waves: a wave is the nodes whose dependencies
// inside run are all in earlier waves. The nodes of a wave are computed at
// the same time (computeResource) and then recorded one by one in their
// order (commitResource), so that every node sees what it depends on, and
// what is recorded does not depend on scheduling.
func (e *evaluator) runConcurrently(run []gnode) {
	pos := make(map[gnode]int, len(run))
	wave := make([]int, len(run))
	waves := 0
	for k, gn := range run {
		for _, d := range e.w.g.Deps(gn) {
			if p, ok := pos[d]; ok {
				wave[k] = max(wave[k], wave[p]+1)
			}
		}
		pos[gn] = k
		waves = max(waves, wave[k]+1)
	}
	byWave := make([][]gnode, waves)
	for k, gn := range run {
		byWave[wave[k]] = append(byWave[wave[k]], gn)
	}
	for _, nodes := range byWave {
		evs := make([]*evaluator, len(nodes))
		rs := make([]*Resource, len(nodes))
		for i, gn := range nodes {
			evs[i] = e.w.insts[gn.cfg][0]
			rs[i] = evs[i].cfg.byAddr[gn.n.addr]
			evs[i].decoder(rs[i].Schema) // made here: computeResource only reads the cache
		}
		results := make([]resourceResult, len(nodes))
		parallel.Workers(len(nodes), e.opts.Parallelism, 8, func(i int) {
			results[i] = evs[i].computeResource(rs[i])
		})
		for i := range nodes {
			evs[i].commitResource(rs[i], results[i])
		}
	}
}
