package lsp

import (
	"strings"
	"testing"
)

// TestSensitiveValuesStayHidden checks that a sensitive value reaches the
// editor in no diagnostic and no hover: the VPC's CIDR comes from a
// sensitive variable whose value the rule finds invalid.
func TestSensitiveValuesStayHidden(t *testing.T) {
	const secret = "10.99.0.0/8"
	src := strings.Replace(endpointConfig, `  default     = "10.0.0.0/16"
}`, `  default     = "`+secret+`"
  sensitive   = true
}`, 1)
	c := newClient(t, map[string]string{"main.tf": src})
	uri := c.open("main.tf", "")
	p := c.waitDiagnostics(uri, hasCode("aws_vpc_cidr_block_invalid"))
	for _, d := range p.Diagnostics {
		if strings.Contains(d.Message, secret) {
			t.Errorf("diagnostic %s shows the sensitive value: %q", d.Code, d.Message)
		}
	}
	// Hover over var.cidr in the VPC (line 13, where the finding is),
	// over the argument, and over the variable's default (line 8).
	for _, pos := range []Position{{Line: 13, Character: 28}, {Line: 13, Character: 4}, {Line: 8, Character: 20}} {
		var h *Hover
		c.call("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: pos}, &h)
		if h == nil {
			continue
		}
		if strings.Contains(h.Contents.Value, secret) {
			t.Errorf("hover at %+v shows the sensitive value: %q", pos, h.Contents.Value)
		}
		if pos.Character == 28 && !strings.Contains(h.Contents.Value, "aws_vpc_cidr_block_invalid") {
			t.Errorf("hover at %+v does not show the finding: %q", pos, h.Contents.Value)
		}
	}
}
