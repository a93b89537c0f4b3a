package lsp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/creachadair/jrpc2"
	"github.com/vpcplan/vpcplan/internal/benchgen"
)

// BenchmarkEditToDiagnostics measures what a user waits for: from sending
// an edit of one attribute of a 1,000-resource configuration
// (benchgen.Blocks: 500 VPCs, 500 subnets) to receiving its diagnostics,
// through the LSP framing and the default debounce. The edits alternate
// between a valid and an invalid CIDR block (a /8 VPC), so every other
// publication holds a rule diagnostic. It reports the median and 95th
// percentile. The collector is set as the vpcplan binary sets it.
//
// In "one-file" the 1,000 resources are in main.tf, the edit in its first
// block: the worst case for the parse, since every block after the edit
// moves. In "20-files" they are spread over 20 files of 50, as larger
// configurations are written, and the edit is in the first file.
func BenchmarkEditToDiagnostics(b *testing.B) {
	b.Run("one-file", func(b *testing.B) { benchEdit(b, 1) })
	b.Run("20-files", func(b *testing.B) { benchEdit(b, 20) })
}

func benchEdit(b *testing.B, files int) {
	benchgen.CollectLikeTheBinary(b)
	dir := b.TempDir()
	if err := benchgen.Blocks(dir, 1000); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "main.tf")
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	if files > 1 {
		src = spread(b, dir, src, files)
	}
	published := make(chan PublishDiagnosticsParams, 16)
	cli := startServer(b, Options{Debounce: DefaultDebounce}, func(req *jrpc2.Request) {
		if req.Method() == "textDocument/publishDiagnostics" {
			var p PublishDiagnosticsParams
			if req.UnmarshalParams(&p) == nil {
				published <- p
			}
		}
	})
	ctx := context.Background()
	uri := pathToURI(path)
	if err := cli.CallResult(ctx, "initialize", InitializeParams{WorkspaceFolders: []WorkspaceFolder{{URI: pathToURI(dir)}}}, new(InitializeResult)); err != nil {
		b.Fatal(err)
	}
	if err := cli.Notify(ctx, "textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, Version: 1, Text: string(src)}}); err != nil {
		b.Fatal(err)
	}
	wait := func(version int) PublishDiagnosticsParams {
		for p := range published {
			if p.URI == uri && p.Version != nil && *p.Version == version {
				return p
			}
		}
		panic("unreachable")
	}
	wait(1)
	// The first VPC's CIDR: `  cidr_block = "10.0.0.0/24"`.
	lineNo := 0
	lines := strings.Split(string(src), "\n")
	for lineNo < len(lines) && !strings.Contains(lines[lineNo], "cidr_block") {
		lineNo++
	}
	start := strings.Index(lines[lineNo], `"`) + 1
	var took []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		// The edit changes the text's length, as typing does, so every
		// block after it moves and is parsed again.
		cidr, old := "10.0.0.0/24", "10.0.0.0/8"
		if i%2 == 0 {
			cidr, old = old, cidr
		}
		version := i + 2
		t0 := time.Now()
		err := cli.Notify(ctx, "textDocument/didChange", DidChangeTextDocumentParams{
			TextDocument: VersionedTextDocumentIdentifier{URI: uri, Version: version},
			ContentChanges: []TextDocumentContentChangeEvent{{
				Range: &Range{Start: Position{Line: lineNo, Character: start}, End: Position{Line: lineNo, Character: start + len(old)}}, Text: cidr,
			}},
		})
		if err != nil {
			b.Fatal(err)
		}
		p := wait(version)
		took = append(took, time.Since(t0))
		if bad := i%2 == 0; bad != (len(p.Diagnostics) > 0 && p.Diagnostics[0].Code == "aws_vpc_cidr_block_invalid") {
			b.Fatalf("edit %d (%s): published %v", i, cidr, p.Diagnostics)
		}
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
}

// spread moves the VPC and subnet pairs of main.tf (benchgen.Blocks) into
// n files, main.tf keeping the provider and the first share, and returns
// main.tf's new text.
func spread(b *testing.B, dir string, src []byte, n int) []byte {
	const sep = "\nresource \"aws_vpc\""
	chunks := strings.Split(string(src), sep)
	head, pairs := chunks[0], chunks[1:]
	per := (len(pairs) + n - 1) / n
	var first []byte
	for i := range n {
		var sb strings.Builder
		if i == 0 {
			sb.WriteString(head)
		}
		for _, p := range pairs[i*per : min((i+1)*per, len(pairs))] {
			sb.WriteString(sep + p)
		}
		name := filepath.Join(dir, "main.tf")
		if i > 0 {
			name = filepath.Join(dir, fmt.Sprintf("part%02d.tf", i))
		}
		if err := os.WriteFile(name, []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			first = []byte(sb.String())
		}
	}
	return first
}
