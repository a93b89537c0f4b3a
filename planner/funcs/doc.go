// Package funcs provides the function table that vpcplan offers to HCL
// expressions: Terraform's built-in functions, with Terraform's semantics
// wherever they differ from go-cty's stdlib.
//
// Guarantees:
//   - New and Table return a fresh map on every call; callers may add to or remove
//     from it without affecting other tables. The function values themselves
//     are immutable and safe for concurrent use.
//   - Every function is deterministic for given Options. Terraform's impure
//     functions (timestamp, uuid, bcrypt) return unknown values, as they do
//     while Terraform plans, unless the caller supplies a clock
//     (Options.Now) or a source of randomness (Options.Rand); plantimestamp
//     returns Options.PlanTimestamp, unknown when it is zero.
//   - Unknown arguments produce unknown results, and marks on arguments
//     (notably SensitiveMark) are carried onto results, as in Terraform.
//   - The package never reads the environment, the process working directory
//     or the file system directly: file functions read through the ReadFile,
//     ReadDir and Stat callbacks of Options, with relative paths joined onto
//     BaseDir and a leading "~" replaced by Options.HomeDir.
//
// Functions fail with plain errors, which HCL reports as "Error in function
// call" on the call, or with function.ArgError where one argument is at
// fault, which HCL reports as "Invalid function argument" on that argument.
// Messages follow Terraform's wording so that existing documentation and
// search results still apply.
package funcs
