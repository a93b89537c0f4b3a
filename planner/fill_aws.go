package planner

import (
	"encoding/base64"
	"fmt"
	"hash/crc32"
	"net/netip"
	"regexp"
	"strconv"
	"strings"

	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// AWS facts and the derivations fill uses when a value belongs to another
// object than the instance being filled. Tables list what AWS publishes;
// for a Region they do not list, the value is derived from the Region's
// name, so that every instance of the Region agrees.

// stringHashcode is the provider's create.StringHashcode, which some ids
// embed (routes, VPC endpoint associations): the CRC-32 of s.
func stringHashcode(s string) string {
	return strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(s))), 10)
}

// awsID is an EC2-style id: prefix and 17 hex digits.
func (f *filler) awsID(prefix, label string) string { return prefix + f.hex(label, 17) }

// zoneID is a Route 53 hosted zone id derived from parts: "Z" and 13
// upper-case characters.
func zoneID(parts ...string) string { return "Z" + strings.ToUpper(hashHex(13, parts...)) }

// dnsSuffix is the DNS suffix of a partition's service endpoints.
func dnsSuffix(partition string) string {
	if partition == "aws-cn" {
		return "amazonaws.com.cn"
	}
	return "amazonaws.com"
}

// s3HostedZones are the hosted zones of the S3 website and bucket
// endpoints (aws_s3_bucket.hosted_zone_id).
var s3HostedZones = map[string]string{
	"us-east-1": "Z3AQBSTGFYJSTF", "us-east-2": "Z2O1EMRO9K5GLX", "us-west-1": "Z2F56UZL2M1ACD",
	"us-west-2": "Z3BJ6K6RIION7M", "eu-west-1": "Z1BKCTXD74EZPE", "eu-west-2": "Z3GKZC51ZF0DB4",
	"eu-central-1": "Z21DNDUVLTQW6Q", "ap-south-1": "Z11RGJOFQNVJUP", "ap-southeast-1": "Z3O0J2DXBE1FTB",
	"ap-southeast-2": "Z1WCIGYICN2BYD", "ap-northeast-1": "Z2M4EHUR26P7ZW", "ap-northeast-2": "Z3W03O7B5YMIYP",
	"ca-central-1": "Z1QDHH18159H29", "sa-east-1": "Z7KQH4QJS55SO", "us-gov-west-1": "Z31GFT0UA1I2HV",
}

// albHostedZones and nlbHostedZones are the canonical hosted zones of
// Application and Network Load Balancers (aws_lb.zone_id).
var albHostedZones = map[string]string{
	"us-east-1": "Z35SXDOTRQ7X7K", "us-east-2": "Z3AADJGX6KTTL2", "us-west-1": "Z368ELLRRE2KJ0",
	"us-west-2": "Z1H1FL5HABSF5", "eu-west-1": "Z32O12XQLNTSW2", "eu-west-2": "ZHURV8PSTC4K8",
	"eu-central-1": "Z215JYRZR1TBD5", "ap-southeast-1": "Z1LMS91P8CMLE5", "ap-southeast-2": "Z1GM3OXH4ZPM65",
	"ap-northeast-1": "Z14GRHDCWA56QT", "ap-south-1": "ZP97RAFLXTNZK",
}

var nlbHostedZones = map[string]string{
	"us-east-1": "Z26RNL4JYFTOTI", "us-east-2": "ZLMOA37VPKANP", "us-west-1": "Z24FKFUX50B4VW",
	"us-west-2": "Z18D5FSROUN65G", "eu-west-1": "Z2IFOLAFXWLO4F", "eu-west-2": "ZD4D7Y8KGAS4G",
	"eu-central-1": "Z3F0SRJ5LGBH90", "eu-west-3": "Z1CMS0P5QUZ6D5", "eu-north-1": "Z1UDT6IFJ4EJM",
	"ap-southeast-2": "ZCT6FZBF4DROD", "ap-northeast-1": "Z31USIVHYNEOWT", "ap-south-1": "ZVDDRBQ08TROA",
	"sa-east-1": "ZTK26PT1VY4CU",
}

// tableOr returns table[region], or a zone derived from the Region.
func tableOr(table map[string]string, kind, region string) string {
	if z, ok := table[region]; ok {
		return z
	}
	return zoneID(kind, region)
}

// s3WebsiteDashRegions use s3-website-<region>; the others
// s3-website.<region>.
var s3WebsiteDashRegions = map[string]bool{
	"us-east-1": true, "us-west-1": true, "us-west-2": true, "ap-southeast-1": true, "ap-southeast-2": true,
	"ap-northeast-1": true, "eu-west-1": true, "sa-east-1": true, "us-gov-west-1": true,
}

func s3WebsiteDomain(region, partition string) string {
	if s3WebsiteDashRegions[region] {
		return "s3-website-" + region + "." + dnsSuffix(partition)
	}
	return "s3-website." + region + "." + dnsSuffix(partition)
}

// regionPattern matches a Region name, such as eu-west-1 or us-gov-east-1.
var regionPattern = regexp.MustCompile(`(?:af|ap|ca|cn|eu|il|me|mx|sa|us)(?:-gov|-iso|-isob)?-(?:central|north|south|east|west|northeast|northwest|southeast|southwest)-[1-9]`)

// regionIn returns the first Region name s contains, or "".
func regionIn(s string) string { return regionPattern.FindString(s) }

// azIDCodes abbreviate the parts of a Region's name in its Availability
// Zone ids: eu-west-1 → euw1, ap-southeast-2 → apse2, us-gov-west-1 →
// usgw1.
var azIDCodes = map[string]string{
	"central": "c", "north": "n", "south": "s", "east": "e", "west": "w",
	"northeast": "ne", "northwest": "nw", "southeast": "se", "southwest": "sw", "gov": "g",
}

// azID returns the id of an Availability Zone given by name (eu-west-1a →
// euw1-az1). AWS maps letters to zone ids per account in the older
// Regions; vpcplan maps them in order, a to az1.
func azID(az string) string {
	if len(az) < 2 {
		return ""
	}
	region, letter := az[:len(az)-1], az[len(az)-1]
	if letter < 'a' || letter > 'z' || regionIn(region) != region {
		return ""
	}
	parts := strings.Split(region, "-")
	var b strings.Builder
	b.WriteString(parts[0])
	for _, p := range parts[1 : len(parts)-1] {
		b.WriteString(azIDCodes[p])
	}
	b.WriteString(parts[len(parts)-1])
	return fmt.Sprintf("%s-az%d", b.String(), letter-'a'+1)
}

// azFromID is the inverse of azID within region: euw1-az2 → eu-west-1b.
func azFromID(region, id string) string {
	i := strings.LastIndex(id, "-az")
	if i < 0 {
		return ""
	}
	n, err := strconv.Atoi(id[i+3:])
	if err != nil || n < 1 || n > 26 {
		return ""
	}
	return region + string(rune('a'+n-1))
}

// pickAZ chooses one of the first three Availability Zones of a Region
// from a label: where AWS places a subnet the configuration does not
// place.
func pickAZ(region, label string) string {
	return region + string(rune('a'+int(hashHex(2, label)[1])%3))
}

// subnetValue returns what lookup knows of the subnet with the given id.
func (f *filler) subnetValue(id string) (cty.Value, bool) {
	if f.lookup == nil || id == "" {
		return cty.NilVal, false
	}
	v, ok := f.lookup(schema.TypeSubnet, id)
	if !ok || !v.IsKnown() || v.IsNull() || !v.Type().IsObjectType() {
		return cty.NilVal, false
	}
	return v, true
}

// subnetAttr returns a known string attribute of the subnet with the given
// id, or "".
func (f *filler) subnetAttr(id, attr string) string {
	v, ok := f.subnetValue(id)
	if !ok || !v.Type().HasAttribute(attr) {
		return ""
	}
	a := v.GetAttr(attr)
	if !a.IsKnown() || a.IsNull() || a.Type() != cty.String {
		return ""
	}
	return a.AsString()
}

// subnetAZ is the Availability Zone of a subnet: the one lookup records,
// else one derived from the subnet's id.
func (f *filler) subnetAZ(id string) string {
	if az := f.subnetAttr(id, "availability_zone"); az != "" {
		return az
	}
	return pickAZ(f.reg(), "az "+id)
}

// subnetVPC is the VPC of a subnet when lookup knows it, else "": a
// subnet's id does not say which VPC it belongs to.
func (f *filler) subnetVPC(id string) string { return f.subnetAttr(id, "vpc_id") }

// addressIn returns an IPv4 address AWS could assign in the subnet with
// the given id: inside the subnet's CIDR when lookup knows it, else in
// 10.0.0.0/8, derived from the subnet's id and label.
func (f *filler) addressIn(subnetID, label string) string {
	cidr := f.subnetAttr(subnetID, "cidr_block")
	if cidr == "" {
		cidr = "10.0.0.0/8"
	}
	return hostIn(cidr, subnetID+"\x00"+label)
}

// hostIn returns a host address of an IPv4 CIDR derived from label,
// avoiding the four first addresses and the last one, which AWS reserves.
// It returns "" for a CIDR it cannot parse.
func hostIn(cidr, label string) string {
	p, err := netip.ParsePrefix(cidr)
	if err != nil || !p.Addr().Is4() {
		return ""
	}
	p = p.Masked()
	hostBits := 32 - p.Bits()
	if hostBits < 3 {
		return p.Addr().String()
	}
	size := uint64(1) << hostBits
	h, _ := strconv.ParseUint(hashHex(12, label), 16, 64)
	n := 4 + h%(size-5)
	b := p.Addr().As4()
	base := uint64(b[0])<<24 | uint64(b[1])<<16 | uint64(b[2])<<8 | uint64(b[3])
	a := base + n
	return netip.AddrFrom4([4]byte{byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)}).String()
}

// cidrIn returns a CIDR of the given prefix length inside parent, derived
// from label: what an IPAM pool allocates. It returns "" when it cannot.
func cidrIn(parent string, bits int, label string) string {
	p, err := netip.ParsePrefix(parent)
	if err != nil || bits < p.Bits() {
		return ""
	}
	p = p.Masked()
	total := 32
	if p.Addr().Is6() {
		total = 128
	}
	if bits > total {
		return ""
	}
	free := bits - p.Bits() // bits to choose
	if free > 24 {
		free = 24
	}
	h, _ := strconv.ParseUint(hashHex(8, label), 16, 64)
	choice := h & (1<<free - 1)
	b := p.Addr().AsSlice()
	// Write choice into the bits [bits-free, bits).
	for i := 0; i < free; i++ {
		bit := bits - 1 - i
		if choice>>i&1 == 1 {
			b[bit/8] |= 1 << (7 - bit%8)
		}
	}
	a, _ := netip.AddrFromSlice(b)
	return netip.PrefixFrom(a, bits).String()
}

// amazonIPv6Pools are the first 32 bits of the IPv6 blocks Amazon gives
// VPCs in some Regions; others get 2600:1f00::/24 space.
var amazonIPv6Pools = map[string]string{
	"us-east-1": "2600:1f18::/32", "us-east-2": "2600:1f16::/32", "us-west-1": "2600:1f1c::/32",
	"us-west-2": "2600:1f14::/32", "eu-west-1": "2a05:d018::/32", "eu-central-1": "2a05:d014::/32",
	"eu-west-2": "2a05:d01c::/32", "eu-west-3": "2a05:d012::/32", "eu-north-1": "2a05:d016::/32",
}

// amazonIPv6Block returns an Amazon-provided IPv6 block of the given
// prefix length (a VPC's /56) in the Region, derived from label.
func amazonIPv6Block(region string, bits int, label string) string {
	pool, ok := amazonIPv6Pools[region]
	if !ok {
		pool = cidrIn("2600:1f00::/24", 32, "pool "+region)
	}
	return cidrIn(pool, bits, label)
}

// ipv6HostIn returns an address of an IPv6 CIDR derived from label.
func ipv6HostIn(cidr, label string) string {
	p, err := netip.ParsePrefix(cidr)
	if err != nil || !p.Addr().Is6() || p.Bits() > 120 {
		return ""
	}
	p = p.Masked()
	b := p.Addr().As16()
	h := hashHex(16, label)
	for i := 8; i < 16; i++ {
		if i*8 >= p.Bits() {
			v, _ := strconv.ParseUint(h[2*(i-8):2*(i-8)+2], 16, 8)
			b[i] = byte(v)
		}
	}
	return netip.AddrFrom16(b).String()
}

// publicIPv4 is an Elastic IP address derived from label, in one of the
// ranges AWS allocates Elastic IPs from.
func publicIPv4(label string) string {
	h := hashHex(8, label)
	firsts := []int{3, 18, 34, 52, 54}
	v, _ := strconv.ParseUint(h, 16, 32)
	return fmt.Sprintf("%d.%d.%d.%d", firsts[v%5], (v>>8)&0xff, (v>>16)&0xff, 4+(v>>24)%250)
}

// allowAllPolicy is the policy AWS gives a VPC endpoint created without
// one, as the provider normalises it.
const allowAllPolicy = `{"Statement":[{"Action":"*","Effect":"Allow","Principal":"*","Resource":"*"}],"Version":"2008-10-17"}`

// defaultKeyPolicy is the key policy KMS gives a key created without one.
func defaultKeyPolicy(partition, account string) string {
	return `{"Id":"key-default-1","Statement":[{"Action":"kms:*","Effect":"Allow","Principal":{"AWS":"arn:` +
		partition + `:iam::` + account + `:root"},"Resource":"*","Sid":"Enable IAM User Permissions"}],"Version":"2012-10-17"}`
}

// canonicalUserID is the S3 canonical user id of an account: 64 hex
// digits, the same for every bucket of the account.
func canonicalUserID(account string) string { return hashHex(64, "canonical user", account) }

// uuid is a random-looking UUID (version 4 layout) derived from h, which
// must have at least 32 hex digits.
func uuid(h string) string {
	return h[0:8] + "-" + h[8:12] + "-4" + h[13:16] + "-8" + h[17:20] + "-" + h[20:32]
}

// s3RuleID is the id S3 gives a replication rule written without one: the
// base64 of a UUID.
func s3RuleID(h string) string {
	return base64.StdEncoding.EncodeToString([]byte(uuid(h)))
}

// prefixListServices are the services whose endpoints have an AWS-managed
// prefix list in their Region.
var prefixListServices = map[string]bool{"s3": true, "dynamodb": true}

// prefixList returns the id and CIDRs of the AWS-managed prefix list of a
// service in a Region (the same for every endpoint of the Region), or ""
// when the service has none. The CIDRs are deterministic stand-ins for
// the service's public ranges.
func prefixList(service, region string) (string, []string) {
	name, ok := schema.ParseServiceName(service)
	if !ok || !prefixListServices[name.Service] || (name.Region != "" && name.Region != region) {
		return "", nil
	}
	id := "pl-" + hashHex(8, "prefix list", service)
	var cidrs []string
	for i := 0; i < 3; i++ {
		h := hashHex(4, "prefix list cidr", service, strconv.Itoa(i))
		v, _ := strconv.ParseUint(h, 16, 16)
		cidrs = append(cidrs, fmt.Sprintf("52.%d.%d.0/%d", 200+v%50, (v>>6)&0xfc, 22))
	}
	return id, cidrs
}
