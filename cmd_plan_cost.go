package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner"
)

// endpointCostLine returns the line plan prints under its summary when
// the plan creates, changes or deletes an interface or GWLB endpoint (or
// the subnet association of one), a Resolver endpoint or a NAT gateway:
//
//	Monthly endpoint cost: $43.80 -> $65.70 (+$21.90)
//
// or, when the price table lacks a Region, which one. It returns "" when
// no billed resource changes, and when the change leaves a complete total
// where it was (one endpoint subnet association swapped for another in
// the same number of zones): like Terraform, plan says nothing about what
// does not change. An incomplete total is always printed, since its
// missing prices could differ.
func endpointCostLine(p *planner.Plan) string {
	values := make([]network.PlannedValue, 0, len(p.Changes))
	for _, c := range p.Changes {
		v := network.PlannedValue{Addr: c.Addr, Before: c.Before, After: c.After, Changed: c.Action != planner.NoOp}
		if p.Model != nil {
			if inst := p.Model.Instance(c.Addr); inst != nil {
				v.Region = inst.Region
			}
		}
		values = append(values, v)
	}
	before, planned, changed := network.PlanItems(p.Model, values)
	if !changed {
		return ""
	}
	prices := network.DefaultPrices()
	cb, ca := network.FixedCost(before, prices), network.FixedCost(planned, prices)
	if !cb.Complete || !ca.Complete {
		regions := map[string]bool{}
		for _, r := range append(cb.Unpriced, ca.Unpriced...) {
			regions[r] = true
		}
		if len(regions) == 0 {
			return "Monthly endpoint cost: not known until apply (a Region or a count is not known yet)"
		}
		var list []string
		for r := range regions {
			list = append(list, r)
		}
		sort.Strings(list)
		return "Monthly endpoint cost: no price data for " + strings.Join(list, ", ")
	}
	from, to := network.Dollars(cb.MonthlyUSD), network.Dollars(ca.MonthlyUSD)
	if from == to {
		return ""
	}
	diff := ca.MonthlyUSD - cb.MonthlyUSD
	sign := "+"
	if diff < 0 {
		sign, diff = "-", -diff
	}
	return fmt.Sprintf("Monthly endpoint cost: %s -> %s (%s%s)", from, to, sign, network.Dollars(diff))
}

// printEndpointCost prints endpointCostLine under the plan, if any.
func printEndpointCost(env *environment, p *planner.Plan) {
	if line := endpointCostLine(p); line != "" {
		fmt.Fprintf(env.stdout, "\n%s\n", line)
	}
}
