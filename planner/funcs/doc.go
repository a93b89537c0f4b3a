// Package funcs provides the function table that vpcplan offers to HCL
// expressions: Terraform's built-in functions, with Terraform's semantics
// wherever they differ from go-cty's stdlib.
//
// Guarantees:
//   - Table returns a fresh map on every call; callers may add to or remove
//     from it without affecting other tables. The function values themselves
//     are immutable and safe for concurrent use.
//   - Every function is deterministic. Impure Terraform functions are either
//     left out (uuid, bcrypt) or always return an unknown value (timestamp),
//     as Terraform's functions do during planning.
//   - Unknown arguments produce unknown results, and marks on arguments
//     (notably SensitiveMark) are carried onto results, as in Terraform.
//   - The package never reads the environment, the process working directory
//     or the file system directly: file functions read through the readFile
//     callback given to Table, with relative paths joined onto baseDir.
//
// Functions fail with plain errors, which HCL reports as "Error in function
// call" on the call, or with function.ArgError where one argument is at
// fault, which HCL reports as "Invalid function argument" on that argument.
// Messages follow Terraform's wording so that existing documentation and
// search results still apply.
package funcs
