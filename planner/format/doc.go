// Package format rewrites vpcplan configuration files into canonical style,
// as `terraform fmt` does. It is the library behind `vpcplan fmt`.
//
// Source formats one file's bytes; Paths walks files and directories and
// lists, writes or diffs the result according to Options.
//
// Guarantees:
//   - A file that does not parse as HCL native syntax is never rewritten;
//     its syntax diagnostics are returned instead (the CLI exits 2).
//   - Formatting is idempotent: Source of Source's output is unchanged.
//   - Formatting only changes layout and the token rewrites Terraform makes
//     (see Source); it never changes what a file means.
//   - Output is deterministic: directories are read in name order and
//     diagnostics come back in processing order.
//   - The package never prints to os.Stdout, reads the environment or
//     exits. All output goes to Options.Stdout; the only IO is reading and
//     writing the paths it is given (and Options.Stdin for "-").
package format
