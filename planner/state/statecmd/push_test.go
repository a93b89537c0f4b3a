package statecmd

import (
	"strings"
	"testing"

	"github.com/vpcplan/vpcplan/planner/state"
)

func TestCheckPush(t *testing.T) {
	mk := func(lineage string, serial uint64, name string) *state.State {
		st := state.New("test")
		st.Lineage, st.Serial = lineage, serial
		if name != "" {
			st.Resources = []*state.Resource{{Mode: "managed", Type: "aws_vpc", Name: name, Provider: `provider["registry.terraform.io/hashicorp/aws"]`,
				Instances: []*state.Instance{{Attributes: []byte(`{"id":"vpc-1"}`)}}}}
		}
		return st
	}
	tests := map[string]struct {
		existing, incoming *state.State
		want               string
	}{
		"no state":        {nil, mk("a", 1, "x"), ""},
		"empty state":     {mk("b", 9, ""), mk("a", 1, "x"), ""},
		"newer":           {mk("a", 1, "x"), mk("a", 2, "y"), ""},
		"same":            {mk("a", 2, "x"), mk("a", 2, "x"), ""},
		"foreign lineage": {mk("a", 1, "x"), mk("b", 5, "x"), `lineage "b" over unrelated state with lineage "a"`},
		"older":           {mk("a", 3, "x"), mk("a", 2, "x"), "serial 2 over newer state with serial 3"},
		"same serial":     {mk("a", 2, "x"), mk("a", 2, "y"), "same serial"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			err := CheckPush(tc.existing, tc.incoming)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("CheckPush() = %v, want %q", err, tc.want)
			}
		})
	}
}
