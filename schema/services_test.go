package schema

import (
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseServiceName(t *testing.T) {
	tests := map[string]struct {
		in     string
		want   ServiceName
		wantOK bool
	}{
		"regional": {
			in:     "com.amazonaws.us-east-1.s3",
			want:   ServiceName{Prefix: "com.amazonaws", Partition: "aws", Region: "us-east-1", Service: "s3"},
			wantOK: true,
		},
		"dotted service": {
			in:     "com.amazonaws.eu-west-2.ecr.dkr",
			want:   ServiceName{Prefix: "com.amazonaws", Partition: "aws", Region: "eu-west-2", Service: "ecr.dkr"},
			wantOK: true,
		},
		"hyphenated service": {
			in:     "com.amazonaws.ap-southeast-4.dynamodb-streams",
			want:   ServiceName{Prefix: "com.amazonaws", Partition: "aws", Region: "ap-southeast-4", Service: "dynamodb-streams"},
			wantOK: true,
		},
		"china": {
			in:     "cn.com.amazonaws.cn-north-1.s3",
			want:   ServiceName{Prefix: "cn.com.amazonaws", Partition: "aws-cn", Region: "cn-north-1", Service: "s3"},
			wantOK: true,
		},
		"govcloud": {
			in:     "com.amazonaws.us-gov-west-1.s3",
			want:   ServiceName{Prefix: "com.amazonaws", Partition: "aws-us-gov", Region: "us-gov-west-1", Service: "s3"},
			wantOK: true,
		},
		"endpoint service": {
			in:     "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
			want:   ServiceName{Prefix: "com.amazonaws.vpce", Partition: "aws", Region: "us-east-1", EndpointServiceID: "vpce-svc-0123456789abcdef0"},
			wantOK: true,
		},
		"endpoint service, old short ID": {
			in:     "com.amazonaws.vpce.eu-central-1.vpce-svc-0a1b2c3d",
			want:   ServiceName{Prefix: "com.amazonaws.vpce", Partition: "aws", Region: "eu-central-1", EndpointServiceID: "vpce-svc-0a1b2c3d"},
			wantOK: true,
		},
		"multi-region access points": {
			in:     "com.amazonaws.s3-global.accesspoint",
			want:   ServiceName{Prefix: "com.amazonaws", Partition: "aws", Service: "s3-global.accesspoint"},
			wantOK: true,
		},
		"global iam": {
			in:     "com.amazonaws.iam",
			want:   ServiceName{Prefix: "com.amazonaws", Partition: "aws", Service: "iam"},
			wantOK: true,
		},
		"sagemaker notebook": {
			in:     "aws.sagemaker.us-west-2.notebook",
			want:   ServiceName{Prefix: "aws.sagemaker", Partition: "aws", Region: "us-west-2", Service: "notebook"},
			wantOK: true,
		},
		"aws.api": {
			in:     "aws.api.eu-west-1.qbusiness",
			want:   ServiceName{Prefix: "aws.api", Partition: "aws", Region: "eu-west-1", Service: "qbusiness"},
			wantOK: true,
		},
		"api.aws": {
			in:     "api.aws.us-east-1.cassandra-streams",
			want:   ServiceName{Prefix: "api.aws", Partition: "aws", Region: "us-east-1", Service: "cassandra-streams"},
			wantOK: true,
		},
		"dotted service with fips inside": {
			in:     "com.amazonaws.us-east-1.iot-fips.tunneling.api",
			want:   ServiceName{Prefix: "com.amazonaws", Partition: "aws", Region: "us-east-1", Service: "iot-fips.tunneling.api"},
			wantOK: true,
		},

		"empty":                           {in: ""},
		"bare service":                    {in: "s3"},
		"prefix only":                     {in: "com.amazonaws"},
		"trailing dot":                    {in: "com.amazonaws."},
		"region without service":          {in: "com.amazonaws.us-east-1"},
		"region and trailing dot":         {in: "com.amazonaws.us-east-1."},
		"empty label":                     {in: "com.amazonaws.us-east-1..s3"},
		"uppercase":                       {in: "Com.amazonaws.us-east-1.s3"},
		"space":                           {in: "com.amazonaws.us-east-1.s3 "},
		"underscore":                      {in: "com.amazonaws.us-east-1.s3_express"},
		"foreign prefix":                  {in: "org.example.us-east-1.s3"},
		"arn":                             {in: "arn:aws:s3:::bucket"},
		"endpoint service without region": {in: "com.amazonaws.vpce.vpce-svc-0123456789abcdef0"},
		"endpoint service without id":     {in: "com.amazonaws.vpce.us-east-1"},
		"endpoint service bad id":         {in: "com.amazonaws.vpce.us-east-1.vpce-svc-xyz"},
		"endpoint service extra label":    {in: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0.x"},
		"sagemaker without region":        {in: "aws.sagemaker.notebook"},
		"aws.api without region":          {in: "aws.api.qbusiness"},
		"api.aws without service":         {in: "api.aws.us-east-1"},
		"china prefix only":               {in: "cn.com.amazonaws"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, ok := ParseServiceName(tc.in)
			if ok != tc.wantOK {
				t.Fatalf("ParseServiceName(%q) ok = %t, want %t", tc.in, ok, tc.wantOK)
			}
			if !ok {
				return
			}
			tc.want.Raw = tc.in
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ParseServiceName(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestServicesTable(t *testing.T) {
	datePattern := regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
	researchID := regexp.MustCompile(`^[A-Z0-9]+(-[A-Z0-9]+)*-[0-9]{3}$`)
	checkDate := func(t *testing.T, what, d string) {
		t.Helper()
		if d == "" {
			return
		}
		layout := "2006-01-02"
		if len(d) == len("2006-01") {
			layout = "2006-01"
		}
		if _, err := time.Parse(layout, d); err != nil || !datePattern.MatchString(d) {
			t.Errorf("%s: date %q is not YYYY-MM-DD or YYYY-MM", what, d)
		}
	}
	typeOrder := map[EndpointType]int{}
	for i, et := range EndpointTypes() {
		typeOrder[et] = i
	}

	ss := Services()
	if len(ss) == 0 {
		t.Fatal("got no services")
	}
	c := NewServiceCatalog()
	if !sort.SliceIsSorted(ss, func(i, j int) bool { return ss[i].Name < ss[j].Name }) {
		t.Error("Services() is not sorted by name")
	}
	seen := map[string]bool{}
	for _, s := range ss {
		if s.Name == "" {
			t.Errorf("service without a name: %+v", s)
			continue
		}
		if seen[s.Name] {
			t.Errorf("%s: listed twice", s.Name)
		}
		seen[s.Name] = true
		if s.Title == "" || s.Source == "" {
			t.Errorf("%s: title %q, source %q; want both", s.Name, s.Title, s.Source)
		}
		if len(s.Types) == 0 {
			t.Errorf("%s: offers no endpoint type", s.Name)
		}
		last := -1
		for _, o := range s.Types {
			i, ok := typeOrder[o.Type]
			switch {
			case !ok || !o.Type.Valid():
				t.Errorf("%s: invalid endpoint type %q", s.Name, o.Type)
			case o.Type == EndpointResource || o.Type == EndpointServiceNetwork:
				t.Errorf("%s: services do not offer %s endpoints", s.Name, o.Type)
			case i <= last:
				t.Errorf("%s: endpoint types not unique and in EndpointTypes order", s.Name)
			}
			last = i
			checkDate(t, s.Name+" "+string(o.Type), o.Since)
		}
		checkDate(t, s.Name+" PrivateDNSSince", s.PrivateDNSSince)
		checkDate(t, s.Name+" InboundResolverOnlySince", s.InboundResolverOnlySince)
		checkDate(t, s.Name+" CrossRegionSince", s.CrossRegionSince)
		if !s.PrivateDNS && s.PrivateDNSSince != "" || !s.InboundResolverOnly && s.InboundResolverOnlySince != "" || !s.CrossRegion && s.CrossRegionSince != "" {
			t.Errorf("%s: a date on a false fact", s.Name)
		}
		if s.InboundResolverOnly && !(s.Offers(EndpointGateway) && s.Offers(EndpointInterface) && s.PrivateDNS) {
			t.Errorf("%s: inbound-resolver-only needs gateway and interface endpoints and private DNS", s.Name)
		}
		if s.Global && (s.NamePrefix != "" || s.AltNamePrefix != "" || len(s.Regions) > 0) {
			t.Errorf("%s: global with a name prefix or Regions", s.Name)
		}
		if s.NamePrefix != "" && !otherPrefix(s.NamePrefix) || s.AltNamePrefix != "" && !otherPrefix(s.AltNamePrefix) {
			t.Errorf("%s: prefixes %q and %q, want ones ParseServiceName reads", s.Name, s.NamePrefix, s.AltNamePrefix)
		}
		for _, r := range s.Regions {
			if !regionPattern.MatchString(r) {
				t.Errorf("%s: Region %q is not a Region code", s.Name, r)
			}
		}
		if s.Source != ServiceCatalogSource && s.Source != "UNCONFIRMED" && !researchID.MatchString(s.Source) {
			t.Errorf("%s: source %q is neither a research ID nor ServiceCatalogSource", s.Name, s.Source)
		}
		if s.Note != "" && !strings.HasSuffix(s.Note, ".") {
			t.Errorf("%s: note %q does not end with a period", s.Name, s.Note)
		}
		if s.Cell && strings.TrimRight(s.Name, "0123456789") != s.Name {
			t.Errorf("%s: a cell row's name ends in a digit", s.Name)
		}

		// Every row's own full name parses back to it.
		for _, partition := range []string{"aws", "aws-cn"} {
			full := s.FullName(partition, "eu-west-1")
			if partition == "aws-cn" {
				full = s.FullName(partition, "cn-north-1")
			}
			n, ok := ParseServiceName(full)
			if !ok {
				t.Errorf("%s: FullName %q does not parse", s.Name, full)
				continue
			}
			if got := c.Resolve(n); got == nil || got.Name != s.Name {
				t.Errorf("%s: FullName %q resolves to %v", s.Name, full, got)
			}
		}
	}
	for _, et := range EndpointTypes() {
		checkDate(t, string(et), et.Since())
	}
	checkDate(t, "EndpointServiceCrossRegionSince", EndpointServiceCrossRegionSince)
	if _, err := time.Parse("2006-01-02", ServiceCatalogDate); err != nil {
		t.Errorf("ServiceCatalogDate %q is not YYYY-MM-DD", ServiceCatalogDate)
	}
}

func TestServicesFacts(t *testing.T) {
	c := NewServiceCatalog()
	get := func(t *testing.T, name string) *Service {
		t.Helper()
		s := c.Lookup(name)
		if s == nil {
			t.Fatalf("Lookup(%q) = nil", name)
		}
		return s
	}

	t.Run("s3", func(t *testing.T) {
		s := get(t, "s3")
		if !s.Offers(EndpointGateway) || !s.Offers(EndpointInterface) || s.Offers(EndpointGatewayLoadBalancer) {
			t.Errorf("s3 offers %v, want Interface and Gateway", s.TypeNames())
		}
		if !s.PrivateDNS || s.PrivateDNSSince != "2023-03" {
			t.Errorf("s3 private DNS %t since %q, want true since 2023-03", s.PrivateDNS, s.PrivateDNSSince)
		}
		if !s.InboundResolverOnly || !s.CrossRegion || s.Global {
			t.Errorf("s3: InboundResolverOnly %t, CrossRegion %t, Global %t; want true, true, false", s.InboundResolverOnly, s.CrossRegion, s.Global)
		}
	})
	t.Run("dynamodb", func(t *testing.T) {
		s := get(t, "dynamodb")
		o, ok := s.Offer(EndpointInterface)
		if !ok || o.Since != "2024-03" {
			t.Errorf("dynamodb Interface = %+v, %t; want since 2024-03", o, ok)
		}
		if g, ok := s.Offer(EndpointGateway); !ok || g.Since != "2017-08" {
			t.Errorf("dynamodb Gateway = %+v, %t; want since 2017-08", g, ok)
		}
		if s.InboundResolverOnly || s.CrossRegion || s.PrivateDNS {
			t.Errorf("dynamodb: InboundResolverOnly %t, CrossRegion %t, PrivateDNS %t; want all false", s.InboundResolverOnly, s.CrossRegion, s.PrivateDNS)
		}
	})
	t.Run("dynamodb-streams interface only", func(t *testing.T) {
		s := get(t, "dynamodb-streams")
		if s.Offers(EndpointGateway) || !s.Offers(EndpointInterface) {
			t.Errorf("dynamodb-streams offers %v, want Interface only", s.TypeNames())
		}
		if o, _ := s.Offer(EndpointInterface); o.Since != "2025-03-26" {
			t.Errorf("dynamodb-streams Interface since %q, want 2025-03-26", o.Since)
		}
	})
	t.Run("s3express", func(t *testing.T) {
		s := get(t, "s3express")
		if g, ok := s.Offer(EndpointGateway); !ok || g.Unconfirmed {
			t.Errorf("s3express Gateway = %+v, %t; want confirmed", g, ok)
		}
		if i, ok := s.Offer(EndpointInterface); !ok || !i.Unconfirmed {
			t.Errorf("s3express Interface = %+v, %t; want listed as unconfirmed", i, ok)
		}
	})
	t.Run("global", func(t *testing.T) {
		for _, name := range []string{"s3-global.accesspoint", "iam", "route53"} {
			if s := get(t, name); !s.Global || s.Offers(EndpointGateway) {
				t.Errorf("%s: Global %t, types %v; want global, interface only", name, s.Global, s.TypeNames())
			}
		}
	})
	t.Run("interface only", func(t *testing.T) {
		for _, name := range []string{"ec2", "ec2messages", "ssm", "ssmmessages", "sts", "kms", "logs", "monitoring", "ecr.api", "ecr.dkr", "ecs", "secretsmanager", "lambda", "sqs", "sns", "execute-api", "elasticloadbalancing", "autoscaling", "events", "states", "kinesis-streams", "glue", "athena", "sagemaker.api", "rds", "elasticfilesystem"} {
			s := get(t, name)
			if diff := cmp.Diff([]string{"Interface"}, s.TypeNames()); diff != "" || !s.PrivateDNS || s.Global {
				t.Errorf("%s: types %v, private DNS %t, global %t; want Interface only, private DNS, regional", name, s.TypeNames(), s.PrivateDNS, s.Global)
			}
		}
	})
	t.Run("cross-Region list", func(t *testing.T) {
		var got []string
		for _, s := range Services() {
			if s.CrossRegion {
				got = append(got, s.Name)
			}
		}
		// "Cross-region enabled AWS services" in ServiceCatalogSource, and
		// ecs-fips from its example output.
		want := []string{"ecr.api", "ecr.dkr", "ecs", "ecs-fips", "iam", "kinesis-firehose", "kinesisanalytics", "kinesisanalytics-fips", "kms", "kms-fips", "lambda", "route53", "s3"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("cross-Region services mismatch (-want +got):\n%s", diff)
		}
	})
}

func TestServiceCatalogResolve(t *testing.T) {
	c := NewServiceCatalog()
	tests := map[string]string{ // service name → row name, "" for none
		"com.amazonaws.us-east-1.s3":                              "s3",
		"cn.com.amazonaws.cn-north-1.s3":                          "s3",
		"com.amazonaws.s3-global.accesspoint":                     "s3-global.accesspoint",
		"com.amazonaws.iam":                                       "iam",
		"aws.sagemaker.us-east-1.notebook":                        "notebook",
		"com.amazonaws.us-east-1.notebook":                        "",
		"com.amazonaws.us-east-1.iam":                             "",
		"com.amazonaws.us-east-1.s3-global.accesspoint":           "",
		"com.amazonaws.s3":                                        "",
		"aws.sagemaker.us-east-1.s3":                              "",
		"com.amazonaws.us-east-1.no-such-service":                 "",
		"com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0": "",
		"com.amazonaws.eu-west-1.eks":                             "eks",
		"com.amazonaws.eu-west-1.ekss":                            "",
		"com.amazonaws.cloudfront":                                "cloudfront",
		"com.amazonaws.us-east-1.cloudfront":                      "",
		"aws.api.us-east-1.qbusiness":                             "qbusiness",
		"com.amazonaws.us-east-1.qbusiness":                       "",
		"aws.sagemaker.us-east-1.qbusiness":                       "",
		"aws.api.us-east-1.freetier":                              "freetier",
		"com.amazonaws.us-east-1.freetier":                        "freetier",
		"api.aws.us-east-1.freetier":                              "",
		"aws.api.us-east-2.route53globalresolver":                 "route53globalresolver",
		"api.aws.us-east-1.cassandra-streams":                     "cassandra-streams",
		"aws.sagemaker.us-east-1.studio":                          "studio",
		"com.amazonaws.us-east-1.timestream.ingest-cell1":         "timestream.ingest-cell",
		"com.amazonaws.us-east-1.timestream.query-cell12":         "timestream.query-cell",
		"com.amazonaws.us-east-1.timestream.ingest-cell":          "timestream.ingest-cell",
		"com.amazonaws.us-east-1.eks2":                            "",
		"com.amazonaws.us-east-1.ec2":                             "ec2",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			n, ok := ParseServiceName(in)
			if !ok {
				t.Fatalf("ParseServiceName(%q) failed", in)
			}
			got := ""
			if s := c.Resolve(n); s != nil {
				got = s.Name
			}
			if got != want {
				t.Errorf("Resolve(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestServiceCatalogNames(t *testing.T) {
	c := NewServiceCatalog()
	names := c.Names()
	if !sort.StringsAreSorted(names) || len(names) != len(Services()) {
		t.Errorf("Names() = %v; want every service, sorted", names)
	}
	if c.Lookup("no-such-service") != nil {
		t.Error("Lookup of an unknown name is not nil")
	}
	// Rows are fresh: changing one from Services() leaves the catalog alone.
	ss := Services()
	for _, s := range ss {
		if s.Name == "s3" {
			s.Types = nil
		}
	}
	if !c.Lookup("s3").Offers(EndpointGateway) || !NewServiceCatalog().Lookup("s3").Offers(EndpointGateway) {
		t.Error("a change to a Services() row leaked into a catalog")
	}
}

func TestEndpointTypes(t *testing.T) {
	want := []EndpointType{"Interface", "Gateway", "GatewayLoadBalancer", "Resource", "ServiceNetwork"}
	if diff := cmp.Diff(want, EndpointTypes()); diff != "" {
		t.Errorf("EndpointTypes() mismatch (-want +got):\n%s", diff)
	}
	for _, bad := range []EndpointType{"", "gateway", "Gatewayloadbalancer", "PrivateLink"} {
		if bad.Valid() {
			t.Errorf("EndpointType(%q).Valid() = true, want false", bad)
		}
	}
	if EndpointResource.Since() != "2024-12" || EndpointGateway.Since() != "" {
		t.Errorf("Since: Resource %q, Gateway %q; want 2024-12 and empty", EndpointResource.Since(), EndpointGateway.Since())
	}
}

// TestServicesPrivateLink checks rows that rest on ServiceCatalogSource, and
// that every name of that list is in the catalog.
func TestServicesPrivateLink(t *testing.T) {
	c := NewServiceCatalog()
	type row struct {
		types      []string
		global     bool
		prefix     string
		regions    []string
		privateDNS bool
		source     string
	}
	iface := []string{"Interface"}
	both := []string{"Interface", "Gateway"}
	pl := ServiceCatalogSource
	tests := map[string]row{
		"eks":                   {types: iface, privateDNS: true, source: pl},
		"eks-auth":              {types: iface, privateDNS: true, source: pl},
		"eks-fips":              {types: iface, privateDNS: true, source: pl},
		"ecr.dkr":               {types: iface, privateDNS: true, source: "VPCE-IF-014"},
		"ecr.api":               {types: iface, privateDNS: true, source: "VPCE-IF-014"},
		"ssm":                   {types: iface, privateDNS: true, source: pl},
		"ecs-agent":             {types: iface, privateDNS: true, source: pl},
		"ecs-telemetry":         {types: iface, privateDNS: true, source: pl},
		"bedrock-runtime":       {types: iface, privateDNS: true, source: pl},
		"sagemaker.runtime":     {types: iface, privateDNS: true, source: pl},
		"git-codecommit":        {types: iface, privateDNS: true, source: pl},
		"codepipeline":          {types: iface, privateDNS: true, source: pl},
		"email-smtp":            {types: iface, privateDNS: true, source: pl},
		"rds-data":              {types: iface, privateDNS: true, source: pl},
		"xray":                  {types: iface, privateDNS: true, source: pl},
		"s3tables":              {types: iface, privateDNS: true, source: pl},
		"dynamodb":              {types: both, source: "VPCE-TYPE-004"},
		"s3":                    {types: both, privateDNS: true, source: "VPCE-TYPE-004"},
		"cloudfront":            {types: iface, global: true, privateDNS: true, source: pl},
		"savingsplans":          {types: iface, global: true, privateDNS: true, source: pl},
		"qbusiness":             {types: iface, prefix: "aws.api", privateDNS: true, source: pl},
		"studio":                {types: iface, prefix: "aws.sagemaker", privateDNS: true, source: pl},
		"notebook":              {types: iface, prefix: "aws.sagemaker", privateDNS: true, source: "VPCE-SVC-002"},
		"route53globalresolver": {types: iface, prefix: "aws.api", regions: []string{"us-east-2"}, privateDNS: true, source: pl},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			s := c.Lookup(name)
			if s == nil {
				t.Fatalf("Lookup(%q) = nil", name)
			}
			got := row{types: s.TypeNames(), global: s.Global, prefix: s.NamePrefix, regions: s.Regions, privateDNS: s.PrivateDNS, source: s.Source}
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(row{})); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
			}
		})
	}

	t.Run("names unique in each table", func(t *testing.T) {
		for table, ss := range map[string][]*Service{"serviceTable": serviceTable(), "privateLinkServices": privateLinkServices()} {
			seen := map[string]bool{}
			for _, s := range ss {
				if seen[s.Name] {
					t.Errorf("%s lists %s twice", table, s.Name)
				}
				seen[s.Name] = true
			}
		}
	})
	t.Run("every listed name is in the catalog", func(t *testing.T) {
		for _, p := range privateLinkServices() {
			s := c.Lookup(p.Name)
			if s == nil {
				t.Errorf("%s: not in the catalog", p.Name)
				continue
			}
			// A hand-written row may say more than the list, but not
			// contradict it.
			if s.Global != p.Global || s.NamePrefix != p.NamePrefix || s.CrossRegion != p.CrossRegion || !s.Offers(EndpointInterface) || s.FullName("aws", "eu-west-1") != p.FullName("aws", "eu-west-1") {
				t.Errorf("%s: the catalog's row %+v contradicts the list's %+v", p.Name, s, p)
			}
		}
	})
	t.Run("a name with its Region written out", func(t *testing.T) {
		if got := c.Lookup("route53globalresolver").FullName("aws", "eu-west-1"); got != "aws.api.us-east-2.route53globalresolver" {
			t.Errorf("FullName = %q, want the name with the Region the source gives", got)
		}
	})
	t.Run("source and date", func(t *testing.T) {
		if !strings.HasPrefix(ServiceCatalogSource, "https://docs.aws.amazon.com/vpc/latest/privatelink/") {
			t.Errorf("ServiceCatalogSource = %q, want the AWS PrivateLink guide", ServiceCatalogSource)
		}
	})
}

// TestServiceCatalogResolveAllocs keeps lookups cheap: a map lookup (two
// for a cell name), no allocation.
func TestServiceCatalogResolveAllocs(t *testing.T) {
	c := NewServiceCatalog()
	names := []ServiceName{}
	for _, in := range []string{"com.amazonaws.eu-west-1.eks", "com.amazonaws.eu-west-1.ekss", "com.amazonaws.us-east-1.timestream.ingest-cell1", "aws.api.us-east-1.freetier"} {
		n, ok := ParseServiceName(in)
		if !ok {
			t.Fatalf("ParseServiceName(%q) failed", in)
		}
		names = append(names, n)
	}
	allocs := testing.AllocsPerRun(100, func() {
		for _, n := range names {
			c.Resolve(n)
		}
	})
	if allocs != 0 {
		t.Errorf("Resolve allocates %v times per run, want 0", allocs)
	}
}

func BenchmarkServiceCatalogResolve(b *testing.B) {
	c := NewServiceCatalog()
	n, _ := ParseServiceName("com.amazonaws.eu-west-1.eks-auth")
	for b.Loop() {
		if c.Resolve(n) == nil {
			b.Fatal("eks-auth not found")
		}
	}
}
