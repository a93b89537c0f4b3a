package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

type testRuleExtra string

func (e testRuleExtra) RuleID() string { return string(e) }

func reportDiags() hcl.Diagnostics {
	rng := func(line int) *hcl.Range {
		return &hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: line, Column: 3, Byte: 10}, End: hcl.Pos{Line: line, Column: 9, Byte: 16}}
	}
	return hcl.Diagnostics{
		{Severity: hcl.DiagWarning, Summary: "Interface endpoint without subnets", Detail: "No traffic.", Subject: rng(7), Extra: testRuleExtra("aws_vpc_endpoint_interface_no_subnets")},
		{Severity: hcl.DiagError, Summary: "Invalid VPC CIDR block", Detail: "Too large & <wide>.", Subject: rng(2), Extra: testRuleExtra("aws_vpc_cidr_block_invalid")},
		{Severity: hcl.DiagError, Summary: "Unsupported argument", Detail: "An argument named \"x\" is not expected here."},
	}
}

var reportRules = []RuleInfo{
	{ID: "aws_vpc_cidr_block_invalid", Summary: "A VPC CIDR block is invalid", Severity: hcl.DiagError, HelpURI: "https://example.com/aws_vpc_cidr_block_invalid.md"},
	{ID: "aws_vpc_endpoint_interface_no_subnets", Summary: "An interface endpoint has no subnet", Severity: hcl.DiagWarning, HelpURI: "https://example.com/aws_vpc_endpoint_interface_no_subnets.md"},
}

// TestSARIFValidatesAgainstSchema checks the SARIF output against the
// official SARIF 2.1.0 JSON schema (testdata, from the SARIF SDK's
// published schema).
func TestSARIFValidatesAgainstSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := SARIF(&buf, reportDiags(), reportRules, ToolInfo{Name: "vpcplan", Version: "0.1.0", InformationURI: "https://github.com/vpcplan/vpcplan"}); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	schemaFile, err := os.Open(filepath.Join("testdata", "sarif-2.1.0-rtm.5.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(schemaFile)
	schemaFile.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("SARIF output does not validate: %v\n%s", err, buf.String())
	}
	// And an invalid document must fail, or the check proves nothing.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "2.1.0", "runs": [{"results": []}]}`))
	if err := sch.Validate(bad); err == nil {
		t.Error("a SARIF log without tool validated; the schema check is not working")
	}
	var got struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID string `json:"ruleId"`
				Level  string `json:"level"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Runs) != 1 || len(got.Runs[0].Results) != 3 || got.Runs[0].Results[1].RuleID != "aws_vpc_cidr_block_invalid" || got.Runs[0].Results[1].Level != "error" {
		t.Errorf("unexpected SARIF content:\n%s", buf.String())
	}
}

func TestCheckstyleAndJUnitGolden(t *testing.T) {
	var cs, ju bytes.Buffer
	if err := Checkstyle(&cs, reportDiags()); err != nil {
		t.Fatal(err)
	}
	if err := JUnit(&ju, reportDiags(), ToolInfo{Name: "vpcplan"}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("reports", "checkstyle.xml"), cs.Bytes())
	checkGolden(t, filepath.Join("reports", "junit.xml"), ju.Bytes())
}
