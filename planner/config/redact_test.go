package config

import (
	"strings"
	"testing"
)

// TestFunctionErrorsWithSensitiveArguments: a failed call with a
// sensitive argument does not quote it; one without keeps the function's
// message.
func TestFunctionErrorsWithSensitiveArguments(t *testing.T) {
	tests := map[string]struct {
		expr   string
		hidden bool
	}{
		"cidrsubnet":          {`cidrsubnet(var.secret, 8, 1)`, true},
		"format":              {`format("%d", var.secret)`, true},
		"nested in an object": {`cidrhost({ a = var.secret }.a, 1)`, true},
		"not sensitive":       {`cidrsubnet(var.plain, 8, 1)`, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			res := evaluate(t, map[string]string{"main.tf": `
variable "secret" {
  type      = string
  sensitive = true
  default   = "10.0.0.0/33"
}
variable "plain" {
  type    = string
  default = "10.0.0.0/33"
}
locals {
  x = ` + tc.expr + `
}
`}, Options{Mode: ValidateMode})
			if !res.diags.HasErrors() {
				t.Fatal("got no error, want the call's error")
			}
			text := res.diags.Error()
			if got := strings.Contains(text, "10.0.0.0/33"); got == tc.hidden {
				t.Errorf("value quoted: %v, want %v: %s", got, !tc.hidden, text)
			}
			if tc.hidden && !strings.Contains(text, "an argument is sensitive") {
				t.Errorf("got %s, want the redacted message", text)
			}
		})
	}
}
