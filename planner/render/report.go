package render

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// RuleInfo describes a rule for the report formats that list rules.
type RuleInfo struct {
	ID       string
	Summary  string
	Severity hcl.DiagnosticSeverity
	HelpURI  string
}

// ToolInfo names the tool in reports.
type ToolInfo struct {
	Name           string
	Version        string
	InformationURI string
}

func ruleIDOf(d *hcl.Diagnostic) string {
	if x, ok := hcl.DiagnosticExtra[RuleDiagnostic](d); ok {
		return x.RuleID()
	}
	return ""
}

func severityWord(s hcl.DiagnosticSeverity) string {
	if s == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}

// SARIF writes the diagnostics as one SARIF 2.1.0 run: the rules with
// their help links and default levels, and one result per diagnostic with
// its location. Diagnostics without a rule (syntax, references) are
// results too, under the rule id "vpcplan".
func SARIF(w io.Writer, diags hcl.Diagnostics, rules []RuleInfo, tool ToolInfo) error {
	type message struct {
		Text string `json:"text"`
	}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	type artifactLocation struct {
		URI string `json:"uri"`
	}
	type physicalLocation struct {
		ArtifactLocation artifactLocation `json:"artifactLocation"`
		Region           region           `json:"region"`
	}
	type location struct {
		PhysicalLocation physicalLocation `json:"physicalLocation"`
	}
	type result struct {
		RuleID    string     `json:"ruleId"`
		RuleIndex int        `json:"ruleIndex"`
		Level     string     `json:"level"`
		Message   message    `json:"message"`
		Locations []location `json:"locations,omitempty"`
	}
	type config struct {
		Level string `json:"level"`
	}
	type rule struct {
		ID                   string  `json:"id"`
		ShortDescription     message `json:"shortDescription"`
		HelpURI              string  `json:"helpUri,omitempty"`
		DefaultConfiguration config  `json:"defaultConfiguration"`
	}
	type driver struct {
		Name           string `json:"name"`
		Version        string `json:"version"`
		InformationURI string `json:"informationUri,omitempty"`
		Rules          []rule `json:"rules"`
	}
	type toolT struct {
		Driver driver `json:"driver"`
	}
	type run struct {
		Tool    toolT    `json:"tool"`
		Results []result `json:"results"`
	}
	type log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []run  `json:"runs"`
	}
	index := map[string]int{}
	d := driver{Name: tool.Name, Version: tool.Version, InformationURI: tool.InformationURI, Rules: []rule{}}
	for _, r := range rules {
		index[r.ID] = len(d.Rules)
		d.Rules = append(d.Rules, rule{ID: r.ID, ShortDescription: message{r.Summary}, HelpURI: r.HelpURI, DefaultConfiguration: config{Level: severityWord(r.Severity)}})
	}
	results := []result{}
	for _, diag := range SortDiagnostics(diags) {
		id := ruleIDOf(diag)
		if id == "" {
			id = tool.Name
		}
		if _, ok := index[id]; !ok {
			index[id] = len(d.Rules)
			d.Rules = append(d.Rules, rule{ID: id, ShortDescription: message{"Configuration problems found while loading and evaluating"}, DefaultConfiguration: config{Level: "error"}})
		}
		text := diag.Summary
		if diag.Detail != "" {
			text += ": " + diag.Detail
		}
		res := result{RuleID: id, RuleIndex: index[id], Level: severityWord(diag.Severity), Message: message{text}}
		if s := diag.Subject; s != nil && s.Filename != "" {
			res.Locations = []location{{PhysicalLocation: physicalLocation{
				ArtifactLocation: artifactLocation{URI: filepath.ToSlash(s.Filename)},
				Region:           region{StartLine: max(s.Start.Line, 1), StartColumn: max(s.Start.Column, 1), EndLine: max(s.End.Line, 1), EndColumn: max(s.End.Column, 1)},
			}}}
		}
		results = append(results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []run{{Tool: toolT{Driver: d}, Results: results}}})
}

// Checkstyle writes the diagnostics in Checkstyle's XML format, one <file>
// per file, sorted.
func Checkstyle(w io.Writer, diags hcl.Diagnostics) error {
	type xmlError struct {
		Line     int    `xml:"line,attr"`
		Column   int    `xml:"column,attr"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
	type xmlFile struct {
		Name   string     `xml:"name,attr"`
		Errors []xmlError `xml:"error"`
	}
	type root struct {
		XMLName xml.Name  `xml:"checkstyle"`
		Version string    `xml:"version,attr"`
		Files   []xmlFile `xml:"file"`
	}
	byFile := map[string][]xmlError{}
	for _, d := range SortDiagnostics(diags) {
		name, line, col := "", 0, 0
		if d.Subject != nil {
			name, line, col = d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		byFile[name] = append(byFile[name], xmlError{Line: line, Column: col, Severity: severityWord(d.Severity), Message: msg, Source: ruleIDOf(d)})
	}
	names := make([]string, 0, len(byFile))
	for n := range byFile {
		names = append(names, n)
	}
	sort.Strings(names)
	out := root{Version: "5.0"}
	for _, n := range names {
		out.Files = append(out.Files, xmlFile{Name: n, Errors: byFile[n]})
	}
	return writeXML(w, out)
}

// JUnit writes the diagnostics as a JUnit XML report: one test case per
// rule that reported something (failed), as CI systems display them.
func JUnit(w io.Writer, diags hcl.Diagnostics, tool ToolInfo) error {
	type failure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	type testcase struct {
		Name      string   `xml:"name,attr"`
		Classname string   `xml:"classname,attr"`
		Failure   *failure `xml:"failure,omitempty"`
	}
	type suite struct {
		XMLName  xml.Name   `xml:"testsuite"`
		Name     string     `xml:"name,attr"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Errors   int        `xml:"errors,attr"`
		Cases    []testcase `xml:"testcase"`
	}
	s := suite{Name: tool.Name}
	for _, d := range SortDiagnostics(diags) {
		id := ruleIDOf(d)
		if id == "" {
			id = tool.Name
		}
		where := ""
		if d.Subject != nil {
			where = fmt.Sprintf("%s:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
		}
		s.Cases = append(s.Cases, testcase{Name: strings.TrimSpace(where + " " + id), Classname: id, Failure: &failure{Message: d.Summary, Type: severityWord(d.Severity), Text: d.Detail}})
		s.Failures++
	}
	s.Tests = len(s.Cases)
	if s.Tests == 0 {
		s.Cases = append(s.Cases, testcase{Name: "configuration", Classname: tool.Name})
		s.Tests = 1
	}
	return writeXML(w, s)
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
