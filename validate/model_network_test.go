package validate

import (
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
)

func TestOverlappingPairs(t *testing.T) {
	tests := map[string]struct {
		blocks []string
		want   []string // "earlier later" per pair
	}{
		"disjoint and adjacent": {
			blocks: []string{"10.0.1.0/24", "10.0.0.0/24", "10.0.2.0/23"},
		},
		"nested": {
			blocks: []string{"10.0.4.0/24", "10.0.0.0/20"},
			want:   []string{"10.0.0.0/20 10.0.4.0/24"},
		},
		"identical": {
			blocks: []string{"10.0.1.0/24", "10.0.1.0/24"},
			want:   []string{"10.0.1.0/24 10.0.1.0/24"},
		},
		"the widest block is kept across smaller ones": {
			blocks: []string{"10.0.0.0/16", "10.0.1.0/24", "10.0.200.0/24", "10.1.0.0/24"},
			want:   []string{"10.0.0.0/16 10.0.1.0/24", "10.0.0.0/16 10.0.200.0/24"},
		},
		"a later wider block takes over": {
			blocks: []string{"10.0.0.0/24", "10.0.1.0/24", "10.0.0.0/8", "10.200.0.0/16"},
			want:   []string{"10.0.0.0/8 10.0.0.0/24", "10.0.0.0/8 10.0.1.0/24", "10.0.0.0/8 10.200.0.0/16"},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var es []cidrEntry
			for _, b := range tc.blocks {
				es = append(es, cidrEntry{&config.Instance{}, netip.MustParsePrefix(b)})
			}
			var got []string
			for _, p := range overlappingPairs(es) {
				got = append(got, p[0].prefix.String()+" "+p[1].prefix.String())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("overlappingPairs() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLastAddr(t *testing.T) {
	for in, want := range map[string]string{
		"10.0.0.0/16":    "10.0.255.255",
		"10.0.0.16/28":   "10.0.0.31",
		"10.0.0.0/20":    "10.0.15.255",
		"0.0.0.0/0":      "255.255.255.255",
		"192.168.1.7/32": "192.168.1.7",
	} {
		if got := lastAddr(netip.MustParsePrefix(in)).String(); got != want {
			t.Errorf("lastAddr(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestVPCRefDiffers(t *testing.T) {
	a, b := &config.Instance{}, &config.Instance{}
	tests := []struct {
		v, w vpcRef
		want bool
	}{
		{vpcRef{inst: a}, vpcRef{inst: a}, false},
		{vpcRef{inst: a}, vpcRef{inst: b}, true},
		{vpcRef{id: "vpc-1"}, vpcRef{id: "vpc-1"}, false},
		{vpcRef{id: "vpc-1"}, vpcRef{id: "vpc-2"}, true},
		// A literal may be the ID of the VPC the configuration declares.
		{vpcRef{inst: a}, vpcRef{id: "vpc-1"}, false},
		{vpcRef{id: "vpc-1"}, vpcRef{inst: a}, false},
	}
	for _, tc := range tests {
		if got := tc.v.differs(tc.w); got != tc.want {
			t.Errorf("%+v.differs(%+v) = %v, want %v", tc.v, tc.w, got, tc.want)
		}
	}
}

func TestThousandsAndJoinAnd(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 20480: "20,480", 1234567: "1,234,567", -20480: "-20,480"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
	for _, tc := range []struct {
		in   []string
		want string
	}{{nil, ""}, {[]string{"a"}, "a"}, {[]string{"a", "b"}, "a and b"}, {[]string{"a", "b", "c"}, "a, b and c"}} {
		if got := joinAnd(tc.in); got != tc.want {
			t.Errorf("joinAnd(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestVPCBlocksInside(t *testing.T) {
	var all []netip.Prefix
	for _, b := range []string{"10.1.0.0/16", "10.0.0.0/16", "10.0.4.0/24", "10.3.0.0/28"} {
		all = append(all, netip.MustParsePrefix(b))
	}
	blocks := network.KnownVPCBlocks(all)
	for p, want := range map[string]bool{
		"10.0.4.0/24":   true,
		"10.0.0.0/16":   true,
		"10.0.255.0/24": true,
		"10.1.128.0/17": true,
		"10.0.0.0/15":   false, // spans two blocks, inside neither
		"10.2.0.0/24":   false,
		"9.255.0.0/24":  false,
		"10.3.0.0/28":   true,
		"10.3.0.16/28":  false,
	} {
		if got := blocks.Inside(netip.MustParsePrefix(p)); got != want {
			t.Errorf("inside(%s) = %v, want %v", p, got, want)
		}
	}
}
