// Package statecmd holds what the state commands (state list, show, rm
// and mv) do to a state, apart from the command line that wires them:
// which instances an address selects, and how instances, whole resources
// and whole module instances are removed or moved, as Terraform's
// commands do it.
//
// Addresses are Terraform's, module paths included:
// module.net["west"].aws_subnet.a[0]. A Target is one address given to a
// command; ParseTarget reads it. Every function returns addresses sorted
// as Terraform sorts them (schema.InstanceAddr.Less) and problems as
// hcl.Diagnostics without source ranges, worded as Terraform words them.
// Remove and Move change the state they are given in place; they never
// print, and they leave saving it to the caller.
package statecmd
