// Package validate checks a linked configuration model against the rules
// AWS enforces and the mistakes that silently break access or waste money.
//
// A rule is a value (Rule) in its own file, named by its id; DefaultRules
// lists them all, in the order of RULES.md. Rules read the model of package
// config, never the raw syntax, so .hcl and .tf files, count, for_each,
// variables and literal ids reach them the same way. A rule fires only on
// what it can prove: an unknown value or an unresolved reference keeps it
// silent.
//
// Run stamps every diagnostic a rule returns with the rule's severity (or
// the configured override) and an Extra that implements RuleDiagnostic, and
// drops the diagnostics that inline ignore comments suppress. The rule ids
// are a public contract: users put them in ignore comments and CI
// configuration, so an id is never renamed.
package validate
