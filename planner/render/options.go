package render

// Options control how text is rendered.
type Options struct {
	// Color enables Terraform's ANSI colours and the diagnostic box.
	Color bool
	// Width is the terminal width text is wrapped to; 0 means no wrapping.
	Width int
	// RuleDocs, when set, gives the documentation link of a rule id; the
	// human format ends a rule's diagnostic with it.
	RuleDocs func(id string) string
}
