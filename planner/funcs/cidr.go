package funcs

import (
	"fmt"
	"math/big"
	"net"
	"strings"

	"github.com/apparentlymart/go-cidr/cidr"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/gocty"
)

// cidrHostFunc returns the address of host number hostnum within prefix;
// a negative hostnum counts back from the end of the range.
var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "hostnum", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var hostNum *big.Int
		if err := gocty.FromCtyValue(args[1], &hostNum); err != nil {
			return cty.UnknownVal(cty.String), err
		}
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), fmt.Errorf("invalid CIDR expression: %s", err)
		}
		ip, err := cidr.HostBig(network, hostNum)
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		return cty.StringVal(ip.String()), nil
	},
})

// cidrNetmaskFunc returns the dotted netmask of an IPv4 prefix.
var cidrNetmaskFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), fmt.Errorf("invalid CIDR expression: %s", err)
		}
		if network.IP.To4() == nil {
			return cty.UnknownVal(cty.String), fmt.Errorf("IPv6 addresses cannot have a netmask: %s", args[0].AsString())
		}
		return cty.StringVal(net.IP(network.Mask).String()), nil
	},
})

// cidrSubnetFunc returns subnet number netnum of prefix extended by
// newbits bits. Out-of-range arguments fail with go-cidr's messages, as in
// Terraform ("insufficient address space to extend prefix of 24 by 9").
var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "newbits", Type: cty.Number},
		{Name: "netnum", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var newbits int
		if err := gocty.FromCtyValue(args[1], &newbits); err != nil {
			return cty.UnknownVal(cty.String), err
		}
		var netnum *big.Int
		if err := gocty.FromCtyValue(args[2], &netnum); err != nil {
			return cty.UnknownVal(cty.String), err
		}
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), fmt.Errorf("invalid CIDR expression: %s", err)
		}
		subnet, err := cidr.SubnetBig(network, newbits, netnum)
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		return cty.StringVal(subnet.String()), nil
	},
})

// cidrSubnetsFunc allocates consecutive subnets of prefix, one per newbits
// argument, each aligned to its own size, and fails if they don't all fit.
var cidrSubnetsFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam:     &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:         function.StaticReturnType(cty.List(cty.String)),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(retType), function.NewArgErrorf(0, "invalid CIDR expression: %s", err)
		}
		newbitsArgs := args[1:]
		if len(newbitsArgs) == 0 {
			return cty.ListValEmpty(cty.String), nil
		}
		baseLen, addrBits := network.Mask.Size()

		var first int
		if err := gocty.FromCtyValue(newbitsArgs[0], &first); err != nil {
			return cty.UnknownVal(retType), function.NewArgError(1, err)
		}
		// Start just before the first subnet, so that NextSubnet lands on it.
		current, _ := cidr.PreviousSubnet(network, baseLen+first)

		subnets := make([]cty.Value, len(newbitsArgs))
		for i, arg := range newbitsArgs {
			argIdx := i + 1
			var newbits int
			if err := gocty.FromCtyValue(arg, &newbits); err != nil {
				return cty.UnknownVal(retType), function.NewArgError(argIdx, err)
			}
			switch {
			case newbits < 1:
				return cty.UnknownVal(retType), function.NewArgErrorf(argIdx, "must extend prefix by at least one bit")
			case newbits > 32:
				// Terraform's limit, kept for 32-bit portability.
				return cty.UnknownVal(retType), function.NewArgErrorf(argIdx, "may not extend prefix by more than 32 bits")
			}
			length := baseLen + newbits
			if length > addrBits {
				return cty.UnknownVal(retType), function.NewArgErrorf(argIdx, "would extend prefix to %d bits, which is too long for an %s address", length, protocolName(addrBits))
			}
			next, rollover := cidr.NextSubnet(current, length)
			if rollover || !network.Contains(next.IP) {
				return cty.UnknownVal(retType), function.NewArgErrorf(argIdx, "not enough remaining address space for a subnet with a prefix of %d bits after %s", length, current.String())
			}
			current = next
			subnets[i] = cty.StringVal(current.String())
		}
		return cty.ListVal(subnets), nil
	},
})

func protocolName(addrBits int) string {
	switch addrBits {
	case 32:
		return "IPv4"
	case 128:
		return "IPv6"
	default:
		return "IP"
	}
}

// parseCIDR parses s as Terraform does: like net.ParseCIDR, except that an
// IPv4 octet with leading zeros is read as decimal ("010.0.0.0/8" is
// 10.0.0.0/8), as Go did before 1.17. The network's IP is 4 bytes long for
// IPv4 and 16 for IPv6.
func parseCIDR(s string) (*net.IPNet, error) {
	addr, bits, ok := strings.Cut(s, "/")
	if ok && !strings.Contains(addr, ":") {
		octets := strings.Split(addr, ".")
		for i, o := range octets {
			if len(o) > 1 && strings.Trim(o, "0123456789") == "" {
				octets[i] = strings.TrimLeft(o[:len(o)-1], "0") + o[len(o)-1:]
			}
		}
		addr = strings.Join(octets, ".")
	}
	_, network, err := net.ParseCIDR(addr + "/" + bits)
	if err != nil {
		// Report the input as given, not as normalised.
		return nil, &net.ParseError{Type: "CIDR address", Text: s}
	}
	return network, nil
}
