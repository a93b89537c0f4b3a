package network

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// WriteJSON writes the report as indented JSON.
func WriteJSON(w io.Writer, r *Report) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// hopsText joins a path's hops: "aws_route_table.a -> aws_vpc_endpoint.s3".
func hopsText(p Path) string {
	var parts []string
	for _, h := range p.Hops {
		parts = append(parts, h.Addr)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " -> ")
}

// WriteTable writes the paths as a table per VPC, each path's notes below
// it, then the access points and the problems.
func WriteTable(w io.Writer, r *Report) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	blocks := map[string][]string{}
	for _, v := range r.VPCs {
		blocks[v.Addr] = v.Blocks
	}
	vpc := ""
	for _, p := range r.Paths {
		if p.VPC != vpc {
			if vpc != "" {
				fmt.Fprintln(tw)
			}
			vpc = p.VPC
			if b := blocks[vpc]; len(b) > 0 {
				fmt.Fprintf(tw, "VPC %s (%s)\n", vpc, strings.Join(b, ", "))
			} else {
				fmt.Fprintf(tw, "VPC %s\n", vpc)
			}
			fmt.Fprintf(tw, "  FROM\tSERVICE\tPATH\tVIA\n")
		}
		verdict := string(p.Verdict)
		if p.Public {
			verdict += " (public)"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", p.From, p.Service, verdict, hopsText(p))
		for _, n := range p.Notes {
			fmt.Fprintf(tw, "  \t\t\tnote: %s\n", n)
		}
	}
	if len(r.Paths) == 0 {
		fmt.Fprintln(tw, "No VPC subnets in the configuration.")
	}
	if len(r.AccessPoints) > 0 {
		fmt.Fprintf(tw, "\nACCESS POINT\tVPC\tVERDICT\tS3 ENDPOINTS\n")
		for _, a := range r.AccessPoints {
			eps := strings.Join(a.Endpoints, ", ")
			if eps == "" {
				eps = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.AccessPoint, a.VPC, a.Verdict, eps)
			for _, reason := range a.Reasons {
				fmt.Fprintf(tw, "\t\t\t%s\n", reason)
			}
		}
	}
	if len(r.Targets) > 0 {
		fmt.Fprintf(tw, "\nTARGET\tFROM\tVERDICT\tVIA\n")
		for _, t := range r.Targets {
			verdict := string(t.Verdict)
			if t.Public {
				verdict += " (public)"
			}
			via := strings.Join(t.Via, ", ")
			if via == "" {
				via = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.Target, t.From, verdict, via)
			for _, n := range t.Notes {
				fmt.Fprintf(tw, "\t\t\tnote: %s\n", n)
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if r.Cost != nil {
		fmt.Fprintln(w)
		if err := WriteCost(w, *r.Cost); err != nil {
			return err
		}
	}
	if r.Traffic != nil {
		fmt.Fprintln(w)
		if err := WriteTraffic(w, *r.Traffic, r.Cost); err != nil {
			return err
		}
	}
	if len(r.Problems) > 0 {
		fmt.Fprintf(w, "\nProblems:\n")
		for _, pr := range r.Problems {
			fmt.Fprintf(w, "  %s: %s\n", pr.Addr, pr.Detail)
		}
	}
	return nil
}

// graphEdge is one edge of the path graph.
type graphEdge struct{ from, to, label string }

// graph returns the nodes (addresses, sorted) and edges (sorted) of the
// paths: origin -> hops -> the service, or -> "internet" for public
// paths.
func graph(r *Report) (nodes []string, edges []graphEdge) {
	seenNode := map[string]bool{}
	seenEdge := map[graphEdge]bool{}
	node := func(n string) {
		if !seenNode[n] {
			seenNode[n] = true
			nodes = append(nodes, n)
		}
	}
	for _, p := range r.Paths {
		if p.Verdict == NoPath || p.Verdict == Unknown {
			continue
		}
		from := p.From
		if from == "on-premises" {
			from = "on-premises (" + p.VPC + ")"
		}
		chain := []string{from}
		for _, h := range p.Hops {
			chain = append(chain, h.Addr)
		}
		end := p.Service
		if p.Public {
			end = "internet: " + p.Service
		}
		chain = append(chain, end)
		for i, n := range chain {
			node(n)
			if i == 0 {
				continue
			}
			label := ""
			if i == 1 {
				label = p.Service
			}
			e := graphEdge{chain[i-1], n, label}
			if !seenEdge[e] {
				seenEdge[e] = true
				edges = append(edges, e)
			}
		}
	}
	sort.Strings(nodes)
	sort.Slice(edges, func(i, j int) bool {
		a, b := edges[i], edges[j]
		if a.from != b.from {
			return a.from < b.from
		}
		if a.to != b.to {
			return a.to < b.to
		}
		return a.label < b.label
	})
	return nodes, edges
}

// WriteDOT writes the paths as a Graphviz digraph.
func WriteDOT(w io.Writer, r *Report) error {
	nodes, edges := graph(r)
	fmt.Fprintln(w, "digraph paths {")
	fmt.Fprintln(w, "  rankdir=LR;")
	for _, n := range nodes {
		fmt.Fprintf(w, "  %q;\n", n)
	}
	for _, e := range edges {
		if e.label != "" {
			fmt.Fprintf(w, "  %q -> %q [label=%q];\n", e.from, e.to, e.label)
		} else {
			fmt.Fprintf(w, "  %q -> %q;\n", e.from, e.to)
		}
	}
	_, err := fmt.Fprintln(w, "}")
	return err
}

// WriteMermaid writes the paths as a Mermaid flowchart (GitHub renders it
// in a ```mermaid block).
func WriteMermaid(w io.Writer, r *Report) error {
	nodes, edges := graph(r)
	id := map[string]string{}
	fmt.Fprintln(w, "flowchart LR")
	for i, n := range nodes {
		id[n] = fmt.Sprintf("n%d", i)
		fmt.Fprintf(w, "  n%d[\"%s\"]\n", i, strings.ReplaceAll(n, `"`, "#quot;"))
	}
	for _, e := range edges {
		if e.label != "" {
			fmt.Fprintf(w, "  %s -->|%s| %s\n", id[e.from], e.label, id[e.to])
		} else {
			fmt.Fprintf(w, "  %s --> %s\n", id[e.from], id[e.to])
		}
	}
	return nil
}

// WriteCost writes the monthly fixed cost per endpoint and, for interface
// endpoints, per Availability Zone, then the total.
func WriteCost(w io.Writer, c Cost) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "RESOURCE\tKIND\tREGION\tUNITS\tPER UNIT-HOUR\tMONTHLY\n")
	for _, l := range c.Lines {
		if !l.Priced || l.Kind == KindGateway {
			note := l.Note
			if l.Kind == KindGateway {
				note = "$0.00 (" + note + ")"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\t%s\n", l.Addr, l.Kind, l.Region, units(l.Item), note)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t$%g\t%s\n", l.Addr, l.Kind, l.Region, units(l.Item), l.HourlyUSD, Dollars(l.MonthlyUSD))
		if len(l.Zones) == l.Units && l.Units > 1 {
			for _, z := range l.Zones {
				fmt.Fprintf(tw, "  %s\t\t\t1 AZ\t$%g\t%s\n", z, l.HourlyUSD, Dollars(l.HourlyUSD*HoursPerMonth))
			}
		}
	}
	total := "Monthly endpoint cost: " + Dollars(c.MonthlyUSD) + incomplete(c.Complete, c.Unpriced)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%s\n(%d hours a month; data processing charges depend on traffic and are not included)\n", total, HoursPerMonth)
	return err
}

// incomplete is what follows a total that is only a lower bound: "" when
// it is complete, else " (incomplete)", naming the Regions without prices.
func incomplete(complete bool, unpriced []string) string {
	switch {
	case complete:
		return ""
	case len(unpriced) > 0:
		return " (incomplete: no price data for " + strings.Join(unpriced, ", ") + ")"
	}
	return " (incomplete)"
}

// units describes an item's billed units.
func units(it Item) string {
	switch {
	case it.Units < 0:
		return "?"
	case it.Kind == KindInterface:
		return fmt.Sprintf("%d AZ", it.Units)
	case it.Kind == KindResolver:
		return fmt.Sprintf("%d IP", it.Units)
	}
	return fmt.Sprintf("%d", it.Units)
}

// WriteTraffic writes the processing charges of the traffic on its current
// paths with their arithmetic, the total with the fixed cost (when given),
// then the S3 and DynamoDB paths compared.
func WriteTraffic(w io.Writer, t TrafficCost, fixed *Cost) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "TRAFFIC\tSERVICE\tGB/MONTH\tPATH\tPROCESSING\n")
	for _, l := range t.Lines {
		charge := l.Arithmetic
		if !l.Priced {
			charge = l.Note
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", l.VPC, l.Service, gbText(l.GB), l.Path, charge)
	}
	if len(t.Lines) == 0 {
		fmt.Fprintln(tw, "No traffic for the services shown.")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	total := "Monthly processing charges: " + Dollars(t.ProcessingUSD) + incomplete(t.Complete, t.Unpriced)
	fmt.Fprintln(w, total)
	if fixed != nil {
		line := fmt.Sprintf("Monthly endpoint cost with traffic: %s fixed + %s processing = %s", Dollars(fixed.MonthlyUSD), Dollars(t.ProcessingUSD), Dollars(fixed.MonthlyUSD+t.ProcessingUSD))
		if !fixed.Complete || !t.Complete {
			line += " (incomplete)"
		}
		fmt.Fprintln(w, line)
	}
	for _, c := range t.Comparisons {
		fmt.Fprintf(w, "\n%s to %s, %s GB a month in %s:\n", c.VPC, c.Service, gbText(c.GB), c.Region)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, o := range c.Options {
			cost, arith := "-", o.Note
			if o.Priced {
				cost, arith = Dollars(o.MonthlyUSD), o.Arithmetic
				if o.Note != "" {
					arith += " (" + o.Note + ")"
				}
			}
			var marks []string
			if o.Current {
				marks = append(marks, "current")
			}
			if o.Path == c.Cheapest {
				marks = append(marks, "cheapest")
			}
			mark := ""
			if len(marks) > 0 {
				mark = "[" + strings.Join(marks, ", ") + "]"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", o.Path, cost, mark, arith)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}
