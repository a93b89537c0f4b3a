package main

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// outputArgDiags checks the output command's arguments as Terraform's
// arguments.ParseOutput does, with its messages: at most one name, not both
// -raw and -json, and a name with -raw.
func outputArgDiags(nargs int, jsonOut, raw bool) hcl.Diagnostics {
	var diags hcl.Diagnostics
	if nargs > 1 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unexpected argument",
			Detail:   "The output command expects exactly one argument with the name of an output variable or no arguments to show all outputs.",
		})
	}
	if jsonOut && raw {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid output format",
			Detail:   "The -raw and -json options are mutually-exclusive.",
		})
		raw = false
	}
	if raw && nargs == 0 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Output name required",
			Detail:   "You must give the name of a single output value when using the -raw option.",
		})
	}
	return diags
}

// helpPrompt refers to a command's help after its arguments failed to
// parse, as Terraform's View.HelpPrompt does.
func helpPrompt(env *environment, command string) {
	fmt.Fprintf(env.stderr, "\nFor more help on using this command, run:\n  vpcplan %s -help\n", command)
}
