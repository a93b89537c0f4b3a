package schema

import (
	"regexp"
	"sort"
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
		if s.Global && s.NamePrefix != "" {
			t.Errorf("%s: global with a name prefix", s.Name)
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
			if got := NewServiceCatalog().Resolve(n); got == nil || got.Name != s.Name {
				t.Errorf("%s: FullName %q resolves to %v", s.Name, full, got)
			}
		}
	}
	for _, et := range EndpointTypes() {
		checkDate(t, string(et), et.Since())
	}
	checkDate(t, "EndpointServiceCrossRegionSince", EndpointServiceCrossRegionSince)
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
		want := []string{"ecr.api", "ecr.dkr", "ecs", "iam", "kinesis-firehose", "kms", "kms-fips", "lambda", "route53", "s3"}
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
