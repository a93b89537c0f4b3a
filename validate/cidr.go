package validate

import (
	"fmt"
	"net/netip"
)

// parseIPv4CIDR parses an IPv4 CIDR block and reports why it is unusable
// as a VPC or subnet block: not a CIDR, not IPv4, host bits set, or a
// prefix outside minBits..maxBits. The empty problem means it is fine.
func parseIPv4CIDR(s string, minBits, maxBits int) (netip.Prefix, string) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, fmt.Sprintf("%q is not a CIDR block in the form 10.0.0.0/16", s)
	}
	if !p.Addr().Is4() {
		return p, fmt.Sprintf("%q is not an IPv4 CIDR block", s)
	}
	if p.Masked() != p {
		return p, fmt.Sprintf("%q has host bits set; the network address is %s", s, p.Masked())
	}
	if p.Bits() < minBits || p.Bits() > maxBits {
		return p, fmt.Sprintf("%q is a /%d, but the block size must be between /%d and /%d", s, p.Bits(), minBits, maxBits)
	}
	return p, ""
}
