package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creachadair/jrpc2"
	"github.com/creachadair/jrpc2/channel"
	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/internal/bounds"
)

func TestDiagnosticsFollowEdits(t *testing.T) {
	c := newClient(t, map[string]string{"main.tf": endpointConfig})
	uri := c.open("main.tf", "")
	c.waitDiagnostics(uri, func(p PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })

	// An incremental edit: "Interface" becomes "interface" (line 26,
	// characters 25-26 hold the I).
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument: VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{
			Range: &Range{Start: Position{Line: 26, Character: 25}, End: Position{Line: 26, Character: 26}}, Text: "i",
		}},
	})
	p := c.waitDiagnostics(uri, hasCode("aws_vpc_endpoint_type_invalid"))
	d := find(p, "aws_vpc_endpoint_type_invalid")
	want := Range{Start: Position{Line: 26, Character: 24}, End: Position{Line: 26, Character: 35}}
	if diff := cmp.Diff(want, d.Range); diff != "" {
		t.Errorf("diagnostic range mismatch (-want +got):\n%s", diff)
	}
	if d.Severity != SeverityError || d.CodeDescription == nil || d.CodeDescription.Href != "https://example.com/aws_vpc_endpoint_type_invalid.md" {
		t.Errorf("got severity %d and code description %+v, want an error linking to the rule doc", d.Severity, d.CodeDescription)
	}
	if p.Version == nil || *p.Version != 2 {
		t.Errorf("got version %v, want 2", p.Version)
	}

	// A full-text change fixes it again; the diagnostics are cleared.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 3},
		ContentChanges: []TextDocumentContentChangeEvent{{Text: endpointConfig}},
	})
	c.waitDiagnostics(uri, func(p PublishDiagnosticsParams) bool {
		return p.Version != nil && *p.Version == 3 && len(p.Diagnostics) == 0
	})
}

func TestDiagnosticsSyntaxAndSchema(t *testing.T) {
	c := newClient(t, map[string]string{"main.tf": endpointConfig})
	uri := c.open("main.tf", "")
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument: VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{
			Text: "resource \"aws_vpc\" \"main\" {\n  cidr_blok = \"10.0.0.0/16\"\n}\n",
		}},
	})
	p := c.waitDiagnostics(uri, func(p PublishDiagnosticsParams) bool {
		return len(p.Diagnostics) > 0 && strings.HasPrefix(p.Diagnostics[0].Message, "Unsupported argument")
	})
	if got := p.Diagnostics[0].Range.Start; got != (Position{Line: 1, Character: 2}) {
		t.Errorf("got start %+v, want 1:2", got)
	}
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 3},
		ContentChanges: []TextDocumentContentChangeEvent{{Text: "resource \"aws_vpc\" \"main\" {\n  cidr_block = \n"}},
	})
	c.waitDiagnostics(uri, func(p PublishDiagnosticsParams) bool {
		return p.Version != nil && *p.Version == 3 && len(p.Diagnostics) > 0 && p.Diagnostics[0].Severity == SeverityError
	})
}

// TestLimits: the bounds given in Options bound the analysis as the
// global -max-* options bound validate: an open document nested past the
// nesting bound is refused with the bound's error, and the default bound
// lets it through.
func TestLimits(t *testing.T) {
	src := "locals {\n  x = [[[[[[[[]]]]]]]]\n}\n"
	c := newClientWith(t, map[string]string{"main.tf": endpointConfig}, bounds.Limits{Nesting: 5})
	uri := c.open("main.tf", src)
	p := c.waitDiagnostics(uri, func(p PublishDiagnosticsParams) bool { return len(p.Diagnostics) > 0 })
	want := "Configuration nested too deeply\n\nThis file nests brackets, braces, parentheses, templates or unary operators deeper than vpcplan reads: it reaches 6 levels, past the nesting depth bound of 5 (raise it with -max-nesting=N). The file was not parsed."
	if got := p.Diagnostics[0].Message; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	c = newClient(t, map[string]string{"main.tf": endpointConfig})
	uri = c.open("main.tf", src)
	c.waitDiagnostics(uri, func(p PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
}

func TestOtherFilesAndWatchedChanges(t *testing.T) {
	c := newClient(t, map[string]string{
		"main.tf":    endpointConfig,
		"subnets.tf": "resource \"aws_subnet\" \"b\" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = \"10.0.2.0/24\"\n}\n",
	})
	uri := c.open("main.tf", "")
	c.waitDiagnostics(uri, func(p PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
	// Removing the VPC from the open document breaks the reference in the
	// file on disk: its diagnostics are published too.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{Text: strings.Replace(endpointConfig, `"aws_vpc" "main"`, `"aws_vpc" "other"`, 1)}},
	})
	c.waitDiagnostics(c.uri("subnets.tf"), func(p PublishDiagnosticsParams) bool {
		return len(p.Diagnostics) > 0 && strings.HasPrefix(p.Diagnostics[0].Message, "Reference to undeclared resource")
	})
}

func TestCompletion(t *testing.T) {
	c := newClient(t, map[string]string{"main.tf": endpointConfig})
	uri := c.open("main.tf", "")
	c.waitDiagnostics(uri, func(p PublishDiagnosticsParams) bool { return true })
	edit := func(text string) {
		c.notify("textDocument/didChange", DidChangeTextDocumentParams{
			TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 2},
			ContentChanges: []TextDocumentContentChangeEvent{{Text: text}},
		})
	}
	complete := func(line, char int) []string {
		var list CompletionList
		c.call("textDocument/completion", CompletionParams{TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: Position{Line: line, Character: char}}}, &list)
		var labels []string
		for _, it := range list.Items {
			labels = append(labels, it.Label)
		}
		return labels
	}
	tests := map[string]struct {
		text       string
		line, char int
		want       []string // a subset, in this order
	}{
		"block types": {
			text: endpointConfig + "\nre", line: 31, char: 2,
			want: []string{"resource", "data", "variable"},
		},
		"resource types": {
			text: endpointConfig + "\nresource \"aws_vpc_e", line: 31, char: 19,
			want: []string{"aws_vpc", "aws_vpc_endpoint", "aws_vpc_endpoint_policy"},
		},
		"attribute names, required first": {
			text: endpointConfig + "\nresource \"aws_vpc_endpoint\" \"x\" {\n  \n}\n", line: 32, char: 2,
			want: []string{"vpc_id", "auto_accept", "vpc_endpoint_type", "dns_options", "count"},
		},
		"endpoint types in a string": {
			text: strings.Replace(endpointConfig, `"Interface"`, `"`, 1), line: 26, char: 25,
			want: []string{"Interface", "Gateway", "GatewayLoadBalancer", "Resource", "ServiceNetwork"},
		},
		"endpoint types without quotes": {
			text: strings.Replace(endpointConfig, `"Interface"`, ``, 1), line: 26, char: 24,
			want: []string{`"Interface"`, `"Gateway"`},
		},
		"service names for the Region": {
			text: strings.Replace(endpointConfig, `"com.amazonaws.eu-west-1.ssm"`, `"com.amazonaws.`, 1), line: 25, char: 39,
			want: []string{"com.amazonaws.eu-west-1.s3", "com.amazonaws.eu-west-1.ssm"},
		},
		"resource names": {
			text: strings.Replace(endpointConfig, `vpc_id              = aws_vpc.main.id`, `vpc_id              = aws_vpc.`, 1), line: 24, char: 32,
			want: []string{"main"},
		},
		"attributes of a reference": {
			text: strings.Replace(endpointConfig, `vpc_id              = aws_vpc.main.id`, `vpc_id              = aws_vpc.main.`, 1), line: 24, char: 37,
			want: []string{"arn", "cidr_block", "id"},
		},
		"variables": {
			text: strings.Replace(endpointConfig, `cidr_block           = var.cidr`, `cidr_block           = var.`, 1), line: 12, char: 29,
			want: []string{"cidr"},
		},
		"enum values from descriptions": {
			text: endpointConfig + "\nresource \"aws_route53_resolver_endpoint\" \"r\" {\n  direction = \"\n}\n", line: 32, char: 15,
			want: []string{"INBOUND", "OUTBOUND"},
		},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			edit(test.text)
			got := complete(test.line, test.char)
			if !subsequence(test.want, got) {
				t.Errorf("got %q, want %q among them in this order", got, test.want)
			}
		})
	}
}

// subsequence reports whether want appears in got in order.
func subsequence(want, got []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}

func TestHover(t *testing.T) {
	c := newClient(t, map[string]string{"main.tf": strings.Replace(endpointConfig, `"Interface"`, `"interface"`, 1)})
	uri := c.open("main.tf", "")
	c.waitDiagnostics(uri, hasCode("aws_vpc_endpoint_type_invalid"))
	hover := func(line, char int) string {
		var h *Hover
		c.call("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: Position{Line: line, Character: char}}, &h)
		if h == nil {
			return ""
		}
		return h.Contents.Value
	}
	tests := map[string]struct {
		line, char int
		want       []string
	}{
		"attribute":     {line: 24, char: 4, want: []string{"**vpc_id** `string, required, forces replacement`", "The ID of the VPC the endpoint is created in."}},
		"resource type": {line: 23, char: 14, want: []string{"**aws_vpc_endpoint** (resource)"}},
		"reference":     {line: 24, char: 33, want: []string{"**aws_vpc.main.id**"}},
		"variable":      {line: 12, char: 28, want: []string{"**var.cidr** (variable)", "The VPC's CIDR block."}},
		"diagnostic":    {line: 26, char: 28, want: []string{"`aws_vpc_endpoint_type_invalid`", "**How to fix:**", "https://example.com/aws_vpc_endpoint_type_invalid.md"}},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			got := hover(test.line, test.char)
			for _, w := range test.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %q, want it to contain %q", got, w)
				}
			}
		})
	}
	if got := hover(3, 0); got != "" {
		t.Errorf("got %q on a closing brace, want no hover", got)
	}
}

func TestDefinition(t *testing.T) {
	c := newClient(t, map[string]string{
		"main.tf":    endpointConfig,
		"subnets.tf": "resource \"aws_subnet\" \"b\" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = \"10.0.2.0/24\"\n}\n",
	})
	uri := c.open("subnets.tf", "")
	var locs []Location
	c.call("textDocument/definition", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: Position{Line: 1, Character: 20}}, &locs)
	want := []Location{{URI: c.uri("main.tf"), Range: Range{Start: Position{Line: 11, Character: 0}, End: Position{Line: 11, Character: 25}}}}
	if diff := cmp.Diff(want, locs); diff != "" {
		t.Errorf("definition mismatch (-want +got):\n%s", diff)
	}
	main := c.open("main.tf", "")
	c.call("textDocument/definition", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: main}, Position: Position{Line: 12, Character: 28}}, &locs)
	if len(locs) != 1 || locs[0].Range.Start.Line != 5 {
		t.Errorf("got %+v, want var.cidr's declaration on line 5", locs)
	}
	locs = nil
	c.call("textDocument/definition", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: main}, Position: Position{Line: 0, Character: 0}}, &locs)
	if len(locs) != 0 {
		t.Errorf("got %+v off a reference, want none", locs)
	}
}

func TestDocumentSymbols(t *testing.T) {
	c := newClient(t, map[string]string{"main.tf": endpointConfig})
	uri := c.open("main.tf", "")
	var syms []DocumentSymbol
	c.call("textDocument/documentSymbol", DocumentSymbolParams{TextDocument: TextDocumentIdentifier{URI: uri}}, &syms)
	var names []string
	for _, s := range syms {
		names = append(names, s.Name)
	}
	want := []string{`provider "aws"`, `variable "cidr"`, `resource "aws_vpc" "main"`, `resource "aws_subnet" "a"`, `resource "aws_vpc_endpoint" "ssm"`}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("symbols mismatch (-want +got):\n%s", diff)
	}
	if got := syms[2].Children[0].Name; got != "cidr_block" {
		t.Errorf("got first child %q, want cidr_block", got)
	}
}

func TestFormatting(t *testing.T) {
	c := newClient(t, map[string]string{"main.tf": "resource \"aws_vpc\" \"main\" {\ncidr_block = \"10.0.0.0/16\"\n  enable_dns_support = true\n}\n"})
	uri := c.open("main.tf", "")
	var edits []TextEdit
	c.call("textDocument/formatting", DocumentFormattingParams{TextDocument: TextDocumentIdentifier{URI: uri}}, &edits)
	want := []TextEdit{{Range: Range{End: Position{Line: 4}}, NewText: "resource \"aws_vpc\" \"main\" {\n  cidr_block         = \"10.0.0.0/16\"\n  enable_dns_support = true\n}\n"}}
	if diff := cmp.Diff(want, edits); diff != "" {
		t.Errorf("formatting mismatch (-want +got):\n%s", diff)
	}
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{Text: "resource \"aws_vpc\" {\n"}},
	})
	err := c.cli.CallResult(context.Background(), "textDocument/formatting", DocumentFormattingParams{TextDocument: TextDocumentIdentifier{URI: uri}}, &edits)
	if err == nil {
		t.Error("got no error formatting a document with syntax errors")
	}
}

func TestCodeActionIgnore(t *testing.T) {
	src := strings.Replace(endpointConfig, `"Interface"`, `"interface"`, 1)
	c := newClient(t, map[string]string{"main.tf": src})
	uri := c.open("main.tf", "")
	p := c.waitDiagnostics(uri, hasCode("aws_vpc_endpoint_type_invalid"))
	d := find(p, "aws_vpc_endpoint_type_invalid")
	var params CodeActionParams
	params.TextDocument.URI = uri
	params.Range = d.Range
	params.Context.Diagnostics = []Diagnostic{d}
	var actions []CodeAction
	c.call("textDocument/codeAction", params, &actions)
	if len(actions) != 1 {
		t.Fatalf("got %d actions, want 1", len(actions))
	}
	edits := actions[0].Edit.Changes[uri]
	want := []TextEdit{{Range: Range{Start: Position{Line: 26}, End: Position{Line: 26}}, NewText: "  # vpcplan-ignore: aws_vpc_endpoint_type_invalid\n"}}
	if diff := cmp.Diff(want, edits); diff != "" {
		t.Fatalf("edit mismatch (-want +got):\n%s", diff)
	}
	// Applying the edit silences the rule.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &edits[0].Range, Text: edits[0].NewText}},
	})
	c.waitDiagnostics(uri, func(p PublishDiagnosticsParams) bool {
		return p.Version != nil && *p.Version == 2 && len(p.Diagnostics) == 0
	})
}

func TestBadInput(t *testing.T) {
	c := newClient(t, map[string]string{"main.tf": endpointConfig})
	// An unknown method is MethodNotFound; the server goes on.
	err := c.cli.CallResult(context.Background(), "textDocument/unknown", struct{}{}, nil)
	if code := jrpc2.ErrorCode(err); code != jrpc2.MethodNotFound {
		t.Errorf("got %v for an unknown method, want MethodNotFound", err)
	}
	// Invalid parameters are InvalidParams.
	err = c.cli.CallResult(context.Background(), "textDocument/hover", json.RawMessage(`{"position": "x"}`), nil)
	if code := jrpc2.ErrorCode(err); code != jrpc2.InvalidParams {
		t.Errorf("got %v for invalid parameters, want InvalidParams", err)
	}
	// A document that is not open is an error, not a crash.
	var h *Hover
	err = c.cli.CallResult(context.Background(), "textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: "file:///nowhere/x.tf"}}, &h)
	if err == nil {
		t.Error("got no error for a document that is not open")
	}
	// A document outside the workspace is checked on its own.
	out := t.TempDir() + "/alone.tf"
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: pathToURI(out), Version: 1, Text: "resource \"aws_vpc\" \"x\" {\n  cidr_block = \"10.0.0.0/8\"\n}\n"}})
	c.waitDiagnostics(pathToURI(out), hasCode("aws_vpc_cidr_block_invalid"))
	// Positions past the end are clamped; a half-typed file still answers.
	uri := c.open("main.tf", "resource \"aws_vpc_endpoint\" \"x\" {\n  vpc_endpoint_type = \"")
	var list CompletionList
	c.call("textDocument/completion", CompletionParams{TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: Position{Line: 40, Character: 99}}}, &list)
	if len(list.Items) == 0 {
		t.Error("got no completion at the end of a half-typed file")
	}
	// The server still answers.
	var syms []DocumentSymbol
	c.call("textDocument/documentSymbol", DocumentSymbolParams{TextDocument: TextDocumentIdentifier{URI: uri}}, &syms)
}

func TestPanicIsRecovered(t *testing.T) {
	s := New(Options{})
	s.initialized = true
	h := method(s, func(context.Context, *struct{}) (any, error) { panic("boom") })
	reqs, err := jrpc2.ParseRequests([]byte(`{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = h(context.Background(), reqs[0].ToRequest())
	if code := jrpc2.ErrorCode(err); code != jrpc2.InternalError {
		t.Errorf("got %v, want an internal error", err)
	}
}

func TestWatchedFilesAndClose(t *testing.T) {
	c := newClient(t, map[string]string{"main.tf": endpointConfig})
	uri := c.open("main.tf", "")
	c.waitDiagnostics(uri, func(p PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
	// A file written outside the editor is seen once the client says so.
	if err := os.WriteFile(filepath.Join(c.dir, "extra.tf"), []byte("resource \"aws_vpc\" \"bad\" {\n  cidr_block = \"10.0.0.0/8\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: c.uri("extra.tf"), Type: 1}}})
	c.waitDiagnostics(c.uri("extra.tf"), hasCode("aws_vpc_cidr_block_invalid"))
	// Closing a document goes back to the file on disk: the open text had
	// a mistake the file does not.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{Text: strings.Replace(endpointConfig, `"Interface"`, `"interface"`, 1)}},
	})
	c.waitDiagnostics(uri, hasCode("aws_vpc_endpoint_type_invalid"))
	c.notify("textDocument/didClose", DidCloseTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: uri}})
	c.waitDiagnostics(uri, func(p PublishDiagnosticsParams) bool { return p.Version == nil && len(p.Diagnostics) == 0 })
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: c.uri("extra.tf")}})
}

func TestWorkspaceFolders(t *testing.T) {
	s := New(Options{})
	if _, err := s.initialize(context.Background(), &InitializeParams{RootURI: "file:///work/a"}); err != nil {
		t.Fatal(err)
	}
	if got := s.folderOf("/work/a/x/main.tf"); got != "/work/a" {
		t.Errorf("got folder %q, want /work/a", got)
	}
	var p DidChangeWorkspaceFoldersParams
	p.Event.Added = []WorkspaceFolder{{URI: "file:///work/a/x"}}
	p.Event.Removed = []WorkspaceFolder{{URI: "file:///work/a"}}
	if err := s.didChangeWorkspaceFolders(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	if got := s.folderOf("/work/a/x/main.tf"); got != "/work/a/x" {
		t.Errorf("got folder %q, want /work/a/x", got)
	}
	if got := s.folderOf("/work/a/main.tf"); got != "" {
		t.Errorf("got folder %q outside every folder, want none", got)
	}
}

func TestShutdownExit(t *testing.T) {
	tests := map[string]struct {
		shutdown bool
		wantErr  bool
	}{
		"exit after shutdown":   {shutdown: true},
		"exit without shutdown": {wantErr: true}, // LSP: exit code 1
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			sr, cw := io.Pipe()
			cr, sw := io.Pipe()
			srv := New(Options{})
			done := make(chan error, 1)
			go func() { done <- srv.Run(context.Background(), sr, sw) }()
			cli := jrpc2.NewClient(channel.LSP(cr, cw), nil)
			defer cli.Close()
			ctx := context.Background()
			if err := cli.Notify(ctx, "initialize", InitializeParams{}); err != nil {
				t.Fatal(err)
			}
			if test.shutdown {
				if err := cli.Notify(ctx, "shutdown", nil); err != nil {
					t.Fatal(err)
				}
			}
			if err := cli.Notify(ctx, "exit", nil); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				if (err != nil) != test.wantErr {
					t.Errorf("Run returned %v, want error %v", err, test.wantErr)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Run did not return after exit")
			}
		})
	}
}

func TestInvalidJSON(t *testing.T) {
	cw, out, done := rawSession(Options{})
	for _, body := range []string{`{"jsonrpc": "2.0", "id": 1, "method": `, `{"jsonrpc":"2.0","id":2,"method":"initialize","params":{}}`} {
		if _, err := fmt.Fprintf(cw, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
			t.Fatal(err)
		}
	}
	var got string
	deadline := time.After(5 * time.Second)
	for !strings.Contains(got, `"id":2`) {
		select {
		case s := <-out:
			got += s
		case <-deadline:
			t.Fatalf("no answer to the request after invalid JSON; got %q", got)
		}
	}
	if !strings.Contains(got, `"code":-32700`) {
		t.Errorf("got %q, want a parse error for the invalid message", got)
	}
	cw.Close()
	if err := <-done; err != nil {
		t.Errorf("Run returned %v at the end of the input, want nil", err)
	}
}

// TestCancelTraceConfiguration sends the notifications the server accepts
// without acting on a document: $/cancelRequest for a request that is not
// running (or does not exist), $/setTrace and
// workspace/didChangeConfiguration. None is an error, and the session
// answers the next request.
func TestCancelTraceConfiguration(t *testing.T) {
	c := newClient(t, map[string]string{"main.tf": endpointConfig})
	uri := c.open("main.tf", "")
	c.notify("$/cancelRequest", CancelParams{ID: json.RawMessage(`99`)})
	c.notify("$/cancelRequest", CancelParams{ID: json.RawMessage(`"x"`)})
	c.notify("$/setTrace", map[string]string{"value": "verbose"})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{}})
	var h *Hover
	c.call("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: Position{Line: 24, Character: 4}}, &h)
	if h == nil || !strings.Contains(h.Contents.Value, "vpc_id") {
		t.Errorf("got hover %+v after the notifications, want vpc_id's", h)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, l := range c.logs {
		if l.Type == MessageError {
			t.Errorf("logged an error: %s", l.Message)
		}
	}
}
