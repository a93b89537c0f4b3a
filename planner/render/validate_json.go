package render

import (
	"encoding/json"
	"io"

	"github.com/hashicorp/hcl/v2"
)

// ValidateFormatVersion is the format_version of the document ValidateJSON
// writes, Terraform's for `terraform validate -json`.
const ValidateFormatVersion = "1.0"

// ValidateOutput is the document `terraform validate -json` prints.
type ValidateOutput struct {
	FormatVersion string `json:"format_version"`
	// Valid is true iff there is no error; warnings keep it valid.
	Valid        bool `json:"valid"`
	ErrorCount   int  `json:"error_count"`
	WarningCount int  `json:"warning_count"`
	// Diagnostics is never nil, so that it encodes as an array.
	Diagnostics []*JSONDiagnostic `json:"diagnostics"`
}

// NewValidateOutput builds the validate document for diags, in
// SortDiagnostics order. Nil entries in diags are skipped.
func NewValidateOutput(files map[string]*hcl.File, diags hcl.Diagnostics) *ValidateOutput {
	out := &ValidateOutput{
		FormatVersion: ValidateFormatVersion,
		Valid:         true,
		Diagnostics:   []*JSONDiagnostic{},
	}
	for _, d := range SortDiagnostics(diags) {
		if d == nil {
			continue
		}
		out.Diagnostics = append(out.Diagnostics, NewJSONDiagnostic(d, files))
		switch d.Severity {
		case hcl.DiagError:
			out.ErrorCount++
			out.Valid = false
		case hcl.DiagWarning:
			out.WarningCount++
		}
	}
	return out
}

// ValidateJSON writes the `terraform validate -json` document for diags
// byte for byte as Terraform does: encoding/json indented by two spaces
// (so <, > and & are escaped as \u003c, \u003e and \u0026), then a newline.
func ValidateJSON(w io.Writer, files map[string]*hcl.File, diags hcl.Diagnostics) error {
	b, err := json.MarshalIndent(NewValidateOutput(files, diags), "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
