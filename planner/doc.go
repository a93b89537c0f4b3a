// Package planner diffs an evaluated configuration against the prior state
// into a Plan (create, update in place, replace, delete, no-op per resource
// instance), and applies a plan to a state store.
//
// Apply does not call AWS: it records the new state, filling the computed
// attributes the way AWS shapes them (vpc-… ids, ARNs with the right
// partition, account and Region, access point aliases, endpoint DNS names,
// ...), deterministically for a given state lineage and address, so that a
// plan after apply is exact.
//
// Changes are sorted by address as Terraform sorts them (data sources
// first, then type, name and key). A Plan is immutable once made.
package planner
