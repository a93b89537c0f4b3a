package main

import (
	"context"
	"fmt"
	"os"

	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

const explainHelp = `Usage: vpcplan explain [options] [PATH...]

  Explain the network the configuration declares: for every subnet of
  every VPC (through its associated or main route table), and for
  on-premises clients arriving through an INBOUND Route 53 Resolver
  endpoint, which way requests to S3, DynamoDB and every service with an
  endpoint in the configuration go (gateway endpoint, interface endpoint,
  GWLB inspection, NAT or internet gateway), whether each VPC-origin S3
  access point can be reached, and how each VPC and the on-premises side
  reach each Multi-Region Access Point (only through an interface endpoint
  to com.amazonaws.s3-global.accesspoint) and Object Lambda access point.

Options:

  -format=FORMAT     table (default), dot or mermaid.
  -json              Produce the report as JSON.
  -cost              Add the monthly fixed cost of the endpoints, Resolver
                     endpoints and NAT gateways, per endpoint and zone, from
                     vpcplan's dated price table (a Region without prices
                     says so; no figure is estimated).
  -traffic=FILE      GB a month per VPC and service, in HCL (or JSON for a
                     name ending in .json). Adds the per-GB processing
                     charges of the current paths (interface and GWLB
                     endpoints, NAT gateways) to the -cost breakdown, with
                     the arithmetic, and compares the gateway endpoint,
                     interface endpoint and NAT gateway paths for S3 and
                     DynamoDB. One block per VPC, labelled with its address;
                     one attribute per service ("_" for "." in a name):

                         traffic "aws_vpc.main" {
                           s3       = 500 # GB a month
                           dynamodb = 20
                         }

                     JSON: {"traffic": {"aws_vpc.main": {"s3": 500}}}
                     Name the file *.traffic (or *.traffic.json): every
                     *.hcl file of the directory is configuration.
  -service=NAME      Only paths to this service (s3, dynamodb, ssm, ...).
  -no-color          Accepted for symmetry; explain prints no colour.
  -var 'NAME=VALUE'  Set a value for an input variable.
  -var-file=FILE     Set input variables from a file.
`

func runExplain(ctx context.Context, env *environment, args []string) int {
	fs := newFlags("explain")
	jsonOut := fs.Bool("json", false, "")
	format := fs.String("format", "table", "")
	service := fs.String("service", "", "")
	cost := fs.Bool("cost", false, "")
	trafficFile := fs.String("traffic", "", "")
	fs.Bool("no-color", false, "")
	var vars []config.VarArg
	fs.Var(varArgs{list: &vars}, "var", "")
	fs.Var(varArgs{list: &vars, file: true}, "var-file", "")
	if code, ok := parseFlags(env, fs, args, explainHelp); !ok {
		return code
	}
	write := map[string]func(*network.Report) error{
		"table":   func(r *network.Report) error { return network.WriteTable(env.stdout, r) },
		"dot":     func(r *network.Report) error { return network.WriteDOT(env.stdout, r) },
		"mermaid": func(r *network.Report) error { return network.WriteMermaid(env.stdout, r) },
	}[*format]
	if *jsonOut {
		write = func(r *network.Report) error { return network.WriteJSON(env.stdout, r) }
	}
	if write == nil {
		fmt.Fprintf(env.stderr, "Error parsing command-line flags: unknown format %q; use table, dot or mermaid\n\n%s", *format, explainHelp)
		return exitError
	}
	services := schema.NewServiceCatalog()
	loader := newLoader(env, schema.NewCatalog())
	m, diags := loadAndEvaluate(ctx, env, loader, fs.Args(), config.Options{Mode: config.ValidateMode, Vars: vars})
	if diags.HasErrors() || m == nil {
		printDiagnostics(env, loader.Snippets(), diags, true)
		return exitError
	}
	opts := network.Options{Service: *service}
	if *cost || *trafficFile != "" {
		opts.Prices = network.DefaultPrices()
	}
	if *trafficFile != "" {
		src, err := os.ReadFile(*trafficFile)
		if err != nil {
			fmt.Fprintf(env.stderr, "Error reading the traffic file: %s\n", err)
			return exitError
		}
		flows, f, diags := network.ParseTraffic(*trafficFile, src, m, services)
		if len(diags) > 0 {
			files := mergeFiles(loader.Snippets(), nil)
			if f != nil {
				files[*trafficFile] = f
			}
			printDiagnostics(env, files, diags, true)
		}
		if diags.HasErrors() {
			return exitError
		}
		opts.Traffic = flows
		if opts.Traffic == nil {
			opts.Traffic = []network.TrafficFlow{}
		}
	}
	r := network.Explain(m, services, opts)
	if err := write(r); err != nil {
		fmt.Fprintf(env.stderr, "Error writing output: %s\n", err)
		return exitError
	}
	return exitOK
}
