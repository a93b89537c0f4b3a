package schema

import "testing"

func TestParseInstanceAddrModules(t *testing.T) {
	for _, tc := range []struct{ in, module, str string }{
		{`aws_vpc.main`, ``, `aws_vpc.main`},
		{`module.vpc.aws_vpc.this[0]`, `module.vpc`, `module.vpc.aws_vpc.this[0]`},
		{`module.net["west"].module.sub.data.aws_region.current`, `module.net["west"].module.sub`, `module.net["west"].module.sub.data.aws_region.current`},
		{`module.a[2].aws_subnet.b["x"]`, `module.a[2]`, `module.a[2].aws_subnet.b["x"]`},
	} {
		a, diags := ParseInstanceAddr(tc.in)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", tc.in, diags.Error())
		}
		if a.Resource.Module != tc.module || a.String() != tc.str {
			t.Errorf("%s: module %q, string %q; want %q, %q", tc.in, a.Resource.Module, a.String(), tc.module, tc.str)
		}
	}
	for _, bad := range []string{`module.vpc`, `module`, `module.a["x"]`} {
		if _, diags := ParseInstanceAddr(bad); !diags.HasErrors() {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestCompareModules(t *testing.T) {
	ordered := []string{``, `module.a`, `module.a.module.b`, `module.a[2]`, `module.a[10]`, `module.a["x"]`, `module.a["x"].module.c`, `module.a["x\"z"]`, `module.a["x.y"]`, `module.b`}
	for i := range ordered {
		for j := range ordered {
			got := CompareModules(ordered[i], ordered[j])
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got != want {
				t.Errorf("CompareModules(%q, %q) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	if p := ModuleChild(ModuleChild("", "net", StringKey("west")), "sub", NoKey); p != `module.net["west"].module.sub` {
		t.Errorf("ModuleChild: %s", p)
	}
}
