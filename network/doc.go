// Package network is vpcplan's model of the network a configuration
// declares: which VPC an instance is in, which route table serves a
// subnet, which endpoints a VPC has for a service, which Resolver
// endpoints let on-premises clients in, which routes send traffic through
// a Gateway Load Balancer endpoint or out through a NAT or internet
// gateway, whether a VPC-origin access point, a Multi-Region Access Point
// or an Object Lambda access point can be reached, which MRAP buckets
// replicate to each other, and what endpoints cost, fixed and per GB of
// the traffic a traffic file gives.
//
// The rules of package validate and the explain command read the same
// indexes, so a path explain reports and a diagnostic a rule raises come
// from one piece of logic.
//
// Every function answers only what the model proves: unknown values and
// unresolved links give "don't know" (a false ok or known, nil, empty),
// never a guess. Everything returned is sorted by address; no map order
// leaks. The package never prints, reads the environment or exits.
package network
