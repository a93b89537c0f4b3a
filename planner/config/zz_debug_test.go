package config

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/vpcplan/vpcplan/schema"
)

func TestZZDebug(t *testing.T) {
	f := os.Getenv("ZZ")
	if f == "" {
		t.Skip()
	}
	l := NewLoader(schema.NewCatalog())
	cfg, diags := l.Load([]string{f})
	m, d2 := l.Evaluate(context.Background(), cfg, Options{Mode: ValidateMode})
	diags = append(diags, d2...)
	for _, d := range diags {
		fmt.Println("DIAG", d)
	}
	for _, i := range m.Instances {
		fmt.Println(i.Addr, i.Account, i.Region)
		if os.Getenv("ZZM") != "" {
			for _, pm := range i.marks {
				fmt.Printf("      MARK %#v %v\n", pm.Path, pm.Marks)
			}
		}
		for _, l := range i.AllLinks() {
			fmt.Println("   ", l.Path, "->", l.To.Addr)
		}
	}
}
