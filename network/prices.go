package network

// The price table: AWS's published prices, as found on the dated day, with
// where each figure comes from. A Region or a figure missing here has no
// price: cost reports say "no price data for REGION" and never estimate.
// Add a figure only with its source and the day it was read.

// Source is where a price comes from and when it was read.
type Source struct {
	URL  string `json:"url"`
	Date string `json:"date"`
	// Note says how the figure was read, for figures from copies of AWS's
	// pages or from third parties quoting them.
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

// Sources of the table, read on the dates given.
var (
	srcPrivateLink = Source{
		URL:  "https://aws.amazon.com/privatelink/pricing/",
		Date: "2026-12-03",
		Note: "tiers as a copy of the page shows them (Interface Endpoint pricing, US East (N. Virginia) view)",
	}
	srcPrivateLinkHour = Source{
		URL:  "https://awsnegotiations.com/privatelink-cost-analysis.html",
		Date: "2026-12-03",
		Note: "third party quoting AWS's rate: $0.01/hour per interface endpoint per AZ (updated May 2026); AWS's page renders the figure dynamically",
	}
	srcVPCOhio = Source{
		URL:  "https://aws.amazon.com/vpc/pricing/",
		Date: "2026-09-20",
		Note: "the page's NAT gateway pricing example for US East (Ohio): $0.045 per hour and $0.045 per GB (transcribed by api-evangelist/amazon-vpc plans-pricing.yml)",
	}
	srcNATVirginia = Source{
		URL:  "https://basavytix.com/blog/aws-nat-gateway-pricing",
		Date: "2026-12-03",
		Note: "third party: \"These are the us-east-1 rates\": $0.045/hr and $0.045/GB",
	}
	srcResolver = Source{
		URL:  "https://repost.aws/de/knowledge-center/route-53-resolver-endpoint-costs",
		Date: "2026-12-03",
		Note: "AWS Knowledge Center: 0.125 USD per hour per elastic network interface (IP address); the page names no Region",
	}
)

// DefaultPrices is the embedded price table, by Region. GWLB endpoint
// prices are not in it: no source for them was found.
//
// On 2026-12-03 the stored copies of AWS's pages were searched again for
// more Regions (PrivateLink pricing, VPC pricing, Route 53 pricing, the
// Resolver endpoint cost article): AWS renders the per-Region hourly and
// per-GB figures from a Region selector, so the copies hold only what the
// table has (the interface endpoint GB tiers, the US East (Ohio) NAT
// gateway example, the Resolver endpoint's $0.125 per IP address hour
// with no Region named) and no GWLB endpoint figure at all. Third-party
// pages quote other Regions (ranges, or "about" figures); they are not
// AWS's documentation and are not used.
func DefaultPrices() map[string]RegionPrices {
	return map[string]RegionPrices{
		"us-east-1": {
			InterfaceEndpointHour: &Price{0.01, srcPrivateLinkHour},
			InterfaceGB: []Tier{
				{1_000_000, Price{0.01, srcPrivateLink}},  // first 1 PB (taken as 10^6 GB)
				{5_000_000, Price{0.006, srcPrivateLink}}, // next 4 PB
				{0, Price{0.004, srcPrivateLink}},         // over 5 PB
			},
			ResolverIPHour: &Price{0.125, srcResolver},
			NATHour:        &Price{0.045, srcNATVirginia},
			NATGB:          &Price{0.045, srcNATVirginia},
		},
		"us-east-2": {
			NATHour: &Price{0.045, srcVPCOhio},
			NATGB:   &Price{0.045, srcVPCOhio},
		},
	}
}
