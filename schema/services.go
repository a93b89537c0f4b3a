package schema

import (
	"regexp"
	"sort"
	"strings"
)

// EndpointType is a VPC endpoint type, the VpcEndpointType of the EC2 API
// and aws_vpc_endpoint's vpc_endpoint_type.
type EndpointType string

// The endpoint types of the EC2 API (aws-rules.md VPCE-TYPE-001). Services
// offer only the first three; Resource and ServiceNetwork endpoints target a
// VPC Lattice resource configuration or service network instead of a
// service name.
const (
	EndpointGateway             EndpointType = "Gateway"
	EndpointInterface           EndpointType = "Interface"
	EndpointGatewayLoadBalancer EndpointType = "GatewayLoadBalancer"
	EndpointResource            EndpointType = "Resource"
	EndpointServiceNetwork      EndpointType = "ServiceNetwork"
)

// endpointTypeSince is when each endpoint type became available; "" means
// before any date the rules care about.
var endpointTypeSince = map[EndpointType]string{
	EndpointGateway:             "",
	EndpointInterface:           "",
	EndpointGatewayLoadBalancer: "",
	EndpointResource:            "2024-12", // re:Invent 2024; the day is UNCONFIRMED (aws-rules.md §0)
	EndpointServiceNetwork:      "2024-12", // likewise
}

// EndpointTypes returns the valid endpoint types, in the order of the EC2
// API documentation, as a fresh slice.
func EndpointTypes() []EndpointType {
	return []EndpointType{EndpointInterface, EndpointGateway, EndpointGatewayLoadBalancer, EndpointResource, EndpointServiceNetwork}
}

// Valid reports whether t is one of EndpointTypes (case-sensitive, as the
// API is).
func (t EndpointType) Valid() bool {
	_, ok := endpointTypeSince[t]
	return ok
}

// Since returns the date (see Service) the endpoint type became available,
// or "" when it always was or t is not valid.
func (t EndpointType) Since() string { return endpointTypeSince[t] }

// EndpointServiceCrossRegionSince is when endpoint services
// (com.amazonaws.vpce.<region>.vpce-svc-…) could first be reached from
// another Region, if their provider allows it (supported_regions).
const EndpointServiceCrossRegionSince = "2024-11-26"

// ServiceEndpointType is one endpoint type a service offers.
type ServiceEndpointType struct {
	Type EndpointType
	// Since is the date the service began to offer the type, or "" when it
	// always has (as far as the rules are concerned).
	Since string
	// Unconfirmed is set when no primary source confirms that the service
	// offers the type (aws-rules.md §11a). Rules should not report an error
	// that depends on it.
	Unconfirmed bool
}

// Service is one row of the endpoint service catalog: what AWS offers for
// an AWS service name. Dates are "YYYY-MM-DD", or "YYYY-MM" where only the
// month is known (the sources rarely give the day); both forms sort
// correctly as strings. An empty date means "always" for a true fact and
// nothing for a false one.
type Service struct {
	// Name is the service part of the service name: "s3" in
	// com.amazonaws.us-east-1.s3, "ecr.dkr" in com.amazonaws.us-east-1.ecr.dkr,
	// "s3-global.accesspoint" in com.amazonaws.s3-global.accesspoint.
	Name string
	// Title is the service's name for messages, such as "Amazon S3".
	Title string
	// Types are the endpoint types the service offers, in the order of
	// EndpointTypes.
	Types []ServiceEndpointType

	// PrivateDNS is whether interface endpoints of the service support
	// private DNS (private_dns_enabled).
	PrivateDNS      bool
	PrivateDNSSince string
	// InboundResolverOnly is whether the service accepts
	// dns_options.private_dns_only_for_inbound_resolver_endpoint, which
	// needs a gateway endpoint of the same service in the VPC.
	InboundResolverOnly      bool
	InboundResolverOnlySince string
	// CrossRegion is whether an interface endpoint may name another Region
	// in service_region (cross-Region PrivateLink for AWS services).
	CrossRegion      bool
	CrossRegionSince string

	// Global is whether the service name has no Region:
	// com.amazonaws.<Name>.
	Global bool
	// NamePrefix is the part of the service name before the Region when it
	// is not the partition's usual "com.amazonaws" (or "cn.com.amazonaws"):
	// "aws.sagemaker" for aws.sagemaker.<region>.notebook, "aws.api" for
	// aws.api.<region>.qbusiness, "api.aws" for
	// api.aws.<region>.cassandra-streams.
	NamePrefix string
	// AltNamePrefix is a second prefix AWS also shows the service name
	// with, such as "aws.api" for freetier (com.amazonaws.<region>.freetier
	// and aws.api.<region>.freetier); "" for none. FullName uses NamePrefix.
	AltNamePrefix string
	// Cell is whether the service name is Name followed by the number of
	// the account's cell, as in com.amazonaws.<region>.timestream.ingest-cell1
	// for the row timestream.ingest-cell.
	Cell bool
	// Regions are the Regions the source names the service in, when it
	// names any: aws.api.us-east-2.route53globalresolver is written with
	// its Region. nil when the source gives no Region availability, which
	// is the case for almost every row: ServiceCatalogSource lists services
	// without Regions, so that a service is offered in every Region of its
	// partition is UNCONFIRMED, and the catalog assumes it.
	Regions []string

	// Source is what the row rests on: an aws-rules.md research ID,
	// ServiceCatalogSource (the URL of AWS's list of services that
	// integrate with PrivateLink), or "UNCONFIRMED".
	Source string
	// Note, when set, says which facts of the row no primary source
	// confirms, in a sentence that can be quoted in a diagnostic detail.
	Note string
}

// Offers reports whether the service offers endpoints of type t, confirmed
// or not (see Offer).
func (s *Service) Offers(t EndpointType) bool {
	_, ok := s.Offer(t)
	return ok
}

// Offer returns the service's entry for endpoint type t, with its date and
// whether it is confirmed.
func (s *Service) Offer(t EndpointType) (ServiceEndpointType, bool) {
	for _, o := range s.Types {
		if o.Type == t {
			return o, true
		}
	}
	return ServiceEndpointType{}, false
}

// TypeNames returns the endpoint types the service offers, for messages.
func (s *Service) TypeNames() []string {
	names := make([]string, len(s.Types))
	for i, o := range s.Types {
		names[i] = string(o.Type)
	}
	return names
}

// FullName returns the service name the service has in a Region of a
// partition ("aws", "aws-cn", "aws-us-gov"), such as
// com.amazonaws.us-east-1.s3. region is ignored for global services, and
// for a service the source names in one Region only, whose name has that
// Region. The China form cn.com.amazonaws.<region>.<service> is documented
// for S3 only (aws-rules.md §1); other services are assumed to follow it.
func (s *Service) FullName(partition, region string) string {
	if len(s.Regions) == 1 {
		region = s.Regions[0]
	}
	if s.NamePrefix != "" {
		return s.NamePrefix + "." + region + "." + s.Name
	}
	prefix := "com.amazonaws"
	if partition == "aws-cn" {
		prefix = "cn.com.amazonaws"
	}
	if s.Global {
		return prefix + "." + s.Name
	}
	return prefix + "." + region + "." + s.Name
}

// The helpers below keep the table readable. Each returns fresh values.

func gateway(since string) ServiceEndpointType {
	return ServiceEndpointType{Type: EndpointGateway, Since: since}
}

func iface(since string) ServiceEndpointType {
	return ServiceEndpointType{Type: EndpointInterface, Since: since}
}

// interfaceService is an AWS service reached only through interface
// endpoints, with private DNS, in the usual regional form; source is the
// research ID (or document) that names it.
func interfaceService(name, title, source string) *Service {
	return &Service{
		Name:       name,
		Title:      title,
		Types:      []ServiceEndpointType{iface("")},
		PrivateDNS: true,
		Source:     source,
	}
}

// crossRegion marks s as reachable across Regions since the 2025-11 launch
// of cross-Region PrivateLink for AWS services (VPCE-IF-014).
func crossRegion(s *Service) *Service {
	s.CrossRegion = true
	s.CrossRegionSince = "2025-11" // day UNCONFIRMED (aws-rules.md §11a)
	return s
}

// serviceTable builds the hand-written catalog rows afresh on every call,
// so no caller can change another's. Sources: aws-rules.md §0 (dates), §1
// (types and names), §3 and §4 (private DNS, inbound-resolver-only,
// cross-Region), and ServiceCatalogSource. These rows take precedence over
// privateLinkServices' rows of the same name.
func serviceTable() []*Service {
	return []*Service{
		{
			Name:  "s3",
			Title: "Amazon S3",
			Types: []ServiceEndpointType{
				// The S3 interface endpoint launch (2021-02) is not in
				// aws-rules.md: UNCONFIRMED date.
				iface("2021-02"),
				gateway("2015-05"),
			},
			PrivateDNS:               true,
			PrivateDNSSince:          "2023-03", // VPCE-S3IF-003; ~2023-03-14
			InboundResolverOnly:      true,
			InboundResolverOnlySince: "2023-03", // VPCE-S3IF-006
			CrossRegion:              true,      // interface endpoints only; gateway endpoints stay in-Region (VPCE-S3IF-014)
			CrossRegionSince:         "2025-11",
			Source:                   "VPCE-TYPE-004",
			Note:                     "The launch date of S3 interface endpoints (2021-02) and the day of the 2025-11 cross-Region launch are not confirmed by a primary source.",
		},
		{
			Name:  "dynamodb",
			Title: "Amazon DynamoDB",
			Types: []ServiceEndpointType{
				iface("2024-03"), // day UNCONFIRMED
				gateway("2017-08"),
			},
			// Private DNS was not supported as of 2024-10 (VPCE-IF-019);
			// later support is UNCONFIRMED. The inbound-resolver-only option
			// is documented for S3 only (VPCE-S3IF-006); for DynamoDB it is
			// UNCONFIRMED. Not in the cross-Region list (VPCE-IF-014).
			PrivateDNS:          false,
			InboundResolverOnly: false,
			Source:              "VPCE-TYPE-004",
			Note:                "Whether DynamoDB interface endpoints support private DNS (unsupported as of 2024-10) or the inbound-resolver-only option is not confirmed by a primary source.",
		},
		{
			Name:  "dynamodb-streams",
			Title: "Amazon DynamoDB Streams",
			Types: []ServiceEndpointType{iface("2025-03-26")},
			// Private DNS support is UNCONFIRMED.
			PrivateDNS: false,
			Source:     "VPCE-TYPE-004",
			Note:       "Whether DynamoDB Streams interface endpoints support private DNS is not confirmed by a primary source.",
		},
		{
			Name:  "s3express",
			Title: "Amazon S3 Express One Zone",
			Types: []ServiceEndpointType{
				{Type: EndpointInterface, Unconfirmed: true}, // VPCE-SVC-001: UNCONFIRMED
				gateway(""),
			},
			PrivateDNS: false,
			Source:     "VPCE-TYPE-003",
			Note:       "Interface endpoints for S3 Express One Zone are not confirmed by a primary source.",
		},
		{
			Name:  "s3-global.accesspoint",
			Title: "Amazon S3 Multi-Region Access Points",
			Types: []ServiceEndpointType{iface("")},
			// Private DNS for the MRAP endpoint is UNCONFIRMED.
			PrivateDNS: true,
			Global:     true,
			Source:     "VPCE-S3IF-011",
			Note:       "Private DNS support of the Multi-Region Access Point endpoint is not confirmed by a primary source.",
		},
		{
			Name:  "s3-outposts",
			Title: "Amazon S3 on Outposts",
			Types: []ServiceEndpointType{iface("")},
			// The name form came from a secondary console listing
			// (aws-rules.md §1); ServiceCatalogSource now lists it. Private
			// DNS UNCONFIRMED.
			PrivateDNS: false,
			Source:     "VPCE-SVC-002",
			Note:       "Private DNS support of the S3 on Outposts endpoint is not confirmed by a primary source.",
		},
		{
			Name:  "notebook",
			Title: "Amazon SageMaker notebook instances",
			Types: []ServiceEndpointType{iface("")},
			// The one documented exception to com.amazonaws.<region>.<service>.
			PrivateDNS: true,
			NamePrefix: "aws.sagemaker",
			Source:     "VPCE-SVC-002",
		},
		// Global services (no Region in the name), cross-Region since
		// 2025-11 (VPCE-IF-014). When their endpoints first appeared is not
		// in aws-rules.md.
		crossRegion(&Service{
			Name: "iam", Title: "AWS IAM", Types: []ServiceEndpointType{iface("")},
			PrivateDNS: true, Global: true, Source: "VPCE-SVC-002",
			Note: "The launch date and private DNS support of the IAM endpoint are not confirmed by a primary source.",
		}),
		crossRegion(&Service{
			Name: "route53", Title: "Amazon Route 53", Types: []ServiceEndpointType{iface("")},
			PrivateDNS: true, Global: true, Source: "VPCE-SVC-002",
			Note: "The launch date and private DNS support of the Route 53 endpoint are not confirmed by a primary source.",
		}),

		// Interface-only AWS services in the cross-Region list of
		// VPCE-IF-014 (S3, IAM and Route 53 are above; the service name of
		// Managed Service for Apache Flink is not in aws-rules.md and is
		// left out).
		crossRegion(interfaceService("ecr.api", "Amazon ECR API", "VPCE-IF-014")),
		crossRegion(interfaceService("ecr.dkr", "Amazon ECR Docker registry", "VPCE-IF-014")),
		crossRegion(interfaceService("kms", "AWS KMS", "VPCE-IF-014")),
		crossRegion(interfaceService("kms-fips", "AWS KMS (FIPS)", "VPCE-IF-014")),
		crossRegion(interfaceService("ecs", "Amazon ECS", "VPCE-IF-014")),
		crossRegion(interfaceService("lambda", "AWS Lambda", "VPCE-IF-014")),
		crossRegion(interfaceService("kinesis-firehose", "Amazon Data Firehose", "VPCE-IF-014")),

		// Interface-only AWS services named in LANGUAGE.md, which
		// aws-rules.md does not discuss one by one; ServiceCatalogSource
		// lists them all. Their titles are kept for messages.
		interfaceService("ec2", "Amazon EC2", ServiceCatalogSource),
		interfaceService("ec2messages", "AWS Systems Manager (ec2messages)", ServiceCatalogSource),
		interfaceService("ssm", "AWS Systems Manager", ServiceCatalogSource),
		interfaceService("ssmmessages", "AWS Systems Manager Session Manager", ServiceCatalogSource),
		interfaceService("sts", "AWS STS", ServiceCatalogSource),
		interfaceService("logs", "Amazon CloudWatch Logs", ServiceCatalogSource),
		interfaceService("monitoring", "Amazon CloudWatch", ServiceCatalogSource),
		interfaceService("secretsmanager", "AWS Secrets Manager", ServiceCatalogSource),
		interfaceService("sqs", "Amazon SQS", ServiceCatalogSource),
		interfaceService("sns", "Amazon SNS", ServiceCatalogSource),
		interfaceService("execute-api", "Amazon API Gateway (execute-api)", ServiceCatalogSource),
		interfaceService("elasticloadbalancing", "Elastic Load Balancing", ServiceCatalogSource),
		interfaceService("autoscaling", "Amazon EC2 Auto Scaling", ServiceCatalogSource),
		interfaceService("events", "Amazon EventBridge", ServiceCatalogSource),
		interfaceService("states", "AWS Step Functions", ServiceCatalogSource),
		interfaceService("kinesis-streams", "Amazon Kinesis Data Streams", ServiceCatalogSource),
		interfaceService("glue", "AWS Glue", ServiceCatalogSource),
		interfaceService("athena", "Amazon Athena", ServiceCatalogSource),
		interfaceService("sagemaker.api", "Amazon SageMaker API", ServiceCatalogSource),
		interfaceService("rds", "Amazon RDS", ServiceCatalogSource),
		interfaceService("elasticfilesystem", "Amazon EFS", ServiceCatalogSource),
	}
}

// Services returns the endpoint service catalog as a fresh slice of fresh
// rows, sorted by name: serviceTable's rows, then every service name of
// ServiceCatalogSource (as of ServiceCatalogDate) that serviceTable does
// not have.
func Services() []*Service {
	ss := serviceTable()
	have := make(map[string]bool, len(ss))
	for _, s := range ss {
		have[s.Name] = true
	}
	for _, s := range privateLinkServices() {
		if !have[s.Name] {
			have[s.Name] = true
			ss = append(ss, s)
		}
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].Name < ss[j].Name })
	return ss
}

// ServiceCatalog looks services up by name. Its rows are Services(): every
// service name of AWS's list (ServiceCatalogSource) as of
// ServiceCatalogDate, with the research notes' facts on the services they
// cover. It is immutable after NewServiceCatalog and safe for concurrent
// use; the *Service values it returns must not be modified.
type ServiceCatalog struct {
	byName map[string]*Service
	names  []string
}

// NewServiceCatalog indexes Services().
func NewServiceCatalog() *ServiceCatalog {
	c := &ServiceCatalog{byName: map[string]*Service{}}
	for _, s := range Services() {
		c.byName[s.Name] = s
		c.names = append(c.names, s.Name)
	}
	return c
}

// Lookup returns the row called name (Service.Name, such as "s3"), or nil.
func (c *ServiceCatalog) Lookup(name string) *Service { return c.byName[name] }

// Resolve returns the row a parsed service name names, or nil when the
// name is an endpoint service (vpce-svc-…), is not in the catalog, or has
// the wrong form for its service (a Region on a global service, none on a
// regional one, or the wrong prefix). It costs one or two map lookups.
func (c *ServiceCatalog) Resolve(n ServiceName) *Service {
	if n.EndpointServiceID != "" {
		return nil
	}
	s := c.byName[n.Service]
	if s == nil {
		// timestream.ingest-cell1 is the row timestream.ingest-cell.
		if base := strings.TrimRight(n.Service, "0123456789"); base != n.Service {
			if s = c.byName[base]; s != nil && !s.Cell {
				s = nil
			}
		}
	}
	if s == nil || s.Global != (n.Region == "") {
		return nil
	}
	switch n.Prefix {
	case s.NamePrefix, s.AltNamePrefix:
		return s
	case "com.amazonaws", "cn.com.amazonaws":
		if s.NamePrefix == "" {
			return s
		}
	}
	return nil
}

// Names returns the service names, sorted, for "Did you mean" suggestions.
// The slice must not be modified.
func (c *ServiceCatalog) Names() []string { return c.names }

// ServiceName is a parsed VPC endpoint service name.
type ServiceName struct {
	// Raw is the name as written.
	Raw string
	// Prefix is the part before the Region ("com.amazonaws",
	// "cn.com.amazonaws", "com.amazonaws.vpce", "aws.sagemaker"), or before
	// the service of a global name.
	Prefix string
	// Partition is "aws-cn" for cn.com.amazonaws names, else derived from
	// the Region: "aws-us-gov" for us-gov-*, "aws-iso" for us-iso-*,
	// "aws-iso-b" for us-isob-*, and "aws" otherwise (and for global names).
	Partition string
	// Region is the Region in the name, or "" for a global name.
	Region string
	// Service is the part after the Region (after the prefix for a global
	// name), such as "s3", "ecr.dkr" or "s3-global.accesspoint"; "" for an
	// endpoint service.
	Service string
	// EndpointServiceID is the vpce-svc-… ID of an endpoint service name,
	// com.amazonaws.vpce.<region>.vpce-svc-<id>, else "".
	EndpointServiceID string
}

// String returns the name as written.
func (n ServiceName) String() string { return n.Raw }

// IsEndpointService reports whether the name is that of an endpoint service
// (a customer's, a partner's, or a Gateway Load Balancer's) rather than of
// an AWS service.
func (n ServiceName) IsEndpointService() bool { return n.EndpointServiceID != "" }

// The prefixes of AWS service names other than com.amazonaws and
// cn.com.amazonaws. A Region always follows them.
const (
	sageMakerPrefix = "aws.sagemaker"
	apiPrefix       = "aws.api"
	apiAWSPrefix    = "api.aws"
)

// otherPrefix reports whether p is one of the prefixes above.
func otherPrefix(p string) bool {
	switch p {
	case sageMakerPrefix, apiPrefix, apiAWSPrefix:
		return true
	}
	return false
}

var (
	// regionPattern matches Region codes: us-east-1, us-gov-west-1,
	// ap-southeast-4, us-isob-east-1.
	regionPattern = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)
	// labelPattern is one dot-separated label of a service name.
	labelPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	// endpointServiceIDPattern is an endpoint service ID: 8 hex digits in
	// old IDs, 17 in current ones.
	endpointServiceIDPattern = regexp.MustCompile(`^vpce-svc-([0-9a-f]{8}|[0-9a-f]{17})$`)
)

// ParseServiceName parses a VPC endpoint service name in one of the forms
// of aws-rules.md §1 and ServiceCatalogSource:
//
//	com.amazonaws.<region>.<service>          com.amazonaws.us-east-1.s3
//	cn.com.amazonaws.<region>.<service>       cn.com.amazonaws.cn-north-1.s3
//	com.amazonaws.vpce.<region>.vpce-svc-<id> com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0
//	com.amazonaws.<service>                   com.amazonaws.s3-global.accesspoint, com.amazonaws.iam
//	aws.sagemaker.<region>.<service>          aws.sagemaker.us-east-1.notebook
//	aws.api.<region>.<service>                aws.api.us-east-1.qbusiness
//	api.aws.<region>.<service>                api.aws.us-east-1.cassandra-streams
//
// It checks the form only (lowercase labels of letters, digits and inner
// hyphens), not that the service exists: see ServiceCatalog.Resolve. A
// name whose third label is not a Region code is read as global.
func ParseServiceName(s string) (ServiceName, bool) {
	labels := strings.Split(s, ".")
	for _, l := range labels {
		if !labelPattern.MatchString(l) {
			return ServiceName{}, false
		}
	}
	n := ServiceName{Raw: s}
	var rest []string
	switch {
	case len(labels) > 3 && labels[0] == "cn" && labels[1] == "com" && labels[2] == "amazonaws":
		n.Prefix, n.Partition, rest = "cn.com.amazonaws", "aws-cn", labels[3:]
	case len(labels) > 2 && labels[0] == "com" && labels[1] == "amazonaws":
		n.Prefix, rest = "com.amazonaws", labels[2:]
	case len(labels) > 3 && otherPrefix(labels[0]+"."+labels[1]):
		if !regionPattern.MatchString(labels[2]) {
			return ServiceName{}, false
		}
		n.Prefix, n.Region, n.Service = labels[0]+"."+labels[1], labels[2], strings.Join(labels[3:], ".")
		n.Partition = partitionOfRegion(n.Region)
		return n, true
	default:
		return ServiceName{}, false
	}

	switch {
	case rest[0] == "vpce":
		if len(rest) != 3 || !regionPattern.MatchString(rest[1]) || !endpointServiceIDPattern.MatchString(rest[2]) {
			return ServiceName{}, false
		}
		n.Prefix += ".vpce"
		n.Region, n.EndpointServiceID = rest[1], rest[2]
	case regionPattern.MatchString(rest[0]):
		if len(rest) < 2 {
			return ServiceName{}, false
		}
		n.Region, n.Service = rest[0], strings.Join(rest[1:], ".")
	default:
		n.Service = strings.Join(rest, ".")
	}
	if n.Partition == "" {
		n.Partition = partitionOfRegion(n.Region)
	}
	return n, true
}

// partitionOfRegion returns the partition of a Region code, "aws" for ""
// or an unknown prefix.
func partitionOfRegion(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	default:
		return "aws"
	}
}
