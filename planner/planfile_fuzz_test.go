package planner

import (
	"encoding/json"
	"testing"
)

// FuzzDecodePlanFile reads any text as a saved plan, and everything apply
// reads from one that decodes (prior state, sources, variable values): an
// error or a value, never a panic. Past the checksum, which almost every
// mutation breaks, the rest is fuzzed without it.
func FuzzDecodePlanFile(f *testing.F) {
	const v = "test"
	prior := `{"version":4,"serial":1,"lineage":"l","outputs":{},"resources":[]}`
	good := PlanFile{
		Format: PlanFileFormat, Version: PlanFileVersion, ToolVersion: v, Dir: ".",
		Config:     map[string]string{"main.tf": `resource "aws_vpc" "a" { cidr_block = "10.0.0.0/16" }`},
		Variables:  map[string]json.RawMessage{"s": json.RawMessage(`{"value":"x","type":"string"}`), "l": json.RawMessage(`{"value":[1],"type":["list","number"]}`)},
		Timestamp:  "2026-01-02T03:04:05Z",
		PriorState: json.RawMessage(prior), PriorExisted: true,
		Changes: []PlanFileChange{{Address: "aws_vpc.a", Actions: []string{"create"}}},
	}
	sum, err := good.sum()
	if err != nil {
		f.Fatal(err)
	}
	good.Checksum = sum
	data, err := good.encode()
	if err != nil {
		f.Fatal(err)
	}
	if _, err := DecodePlanFile(data, v); err != nil {
		f.Fatalf("the good seed does not decode: %v", err)
	}
	f.Add(data)
	f.Add([]byte(`{"format":"vpcplan-plan","version":2,"tool_version":"test","prior_state":{"version":4,"lineage":"l","resources":[],"check_results":0004}}`))
	f.Add([]byte(`{"format":"vpcplan-plan","version":2,"tool_version":"test","prior_state":1,"variables":{"x":{"value":1,"type":"bogus"}},"timestamp":"yesterday"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = DecodePlanFile(data, v)
		pf, err := decodePlanFile(data)
		if err != nil {
			return
		}
		if st, err := pf.Prior(); err == nil {
			_ = st.DeepCopy()
		}
		_ = pf.Sources()
		_, _ = pf.Values()
		_ = pf.Time()
	})
}
