package pgstore_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/planner/state/pgstore"
	"github.com/vpcplan/vpcplan/planner/state/pgstore/pgtest"
)

// BenchmarkSave measures a Save that changes one instance of a state of
// 1,000 instances, as apply saves after each resource.
func BenchmarkSave(b *testing.B) {
	cs := pgtest.ConnStr(b)
	schema := pgtest.Schema(b, cs)
	s, err := pgstore.Open(context.Background(), pgstore.Config{ConnStr: cs, Schema: schema})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	st := state.New("bench")
	for i := range 1000 {
		st.Resources = append(st.Resources, &state.Resource{Mode: "managed", Type: "aws_vpc", Name: fmt.Sprintf("v%04d", i),
			Provider:  `provider["registry.terraform.io/hashicorp/aws"]`,
			Instances: []*state.Instance{{Attributes: json.RawMessage(fmt.Sprintf(`{"cidr_block":"10.0.0.0/16","id":"vpc-%d","tags":{"Name":"x"}}`, i))}}})
	}
	if err := s.Save(st); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		st.Resources[i%1000].Instances[0].Attributes = json.RawMessage(fmt.Sprintf(`{"cidr_block":"10.0.0.0/16","id":"vpc-%d","tags":{"Name":"%d"}}`, i%1000, i))
		if err := s.Save(st); err != nil {
			b.Fatal(err)
		}
	}
}
