// Package config loads Terraform-compatible configurations (*.tf and *.hcl,
// in the native syntax or Terraform's JSON syntax, with override files
// merged as Terraform merges them; see files.go), decodes them against the resource catalog of package schema, builds the
// dependency graph, evaluates every block in dependency order, expands
// count and for_each into instances, and links reference arguments to the
// instances they name. The result, a *Model, is what rules and the planner
// read.
//
// Guarantees:
//   - Every problem with the input is an hcl.Diagnostic with the tightest
//     source range available; no input makes this package panic.
//   - Every slice returned is sorted (addresses with Less, files by name);
//     no map iteration order leaks.
//   - At validate time a variable without a value is unknown, and so is
//     every computed attribute of a resource that the prior state does not
//     record. Unknown values never link: a link is either proven or absent.
//   - The package performs file IO for the paths it is given and nothing
//     else: it never prints, reads the environment or exits. Environment
//     variables (TF_VAR_*) are passed in through Options.
package config
