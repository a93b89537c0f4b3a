package planner_test

import (
	"testing"
	"time"

	"github.com/vpcplan/vpcplan/planner"
)

// A saved plan carries when it was made, so that plantimestamp() at apply
// returns the plan's time.
func TestPlanFileCarriesTimestamp(t *testing.T) {
	h := newHarness(t)
	h.write(walkProvider + `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
`)
	p := h.plan(false)
	want := time.Date(2026, 12, 3, 10, 0, 0, 123, time.UTC)
	p.Timestamp = want
	data, err := planner.EncodePlanFile(p, "test")
	if err != nil {
		t.Fatal(err)
	}
	pf, err := planner.DecodePlanFile(data, "test")
	if err != nil {
		t.Fatal(err)
	}
	if got := pf.Time(); !got.Equal(want) {
		t.Errorf("plan file time = %v, want %v", got, want)
	}
}
