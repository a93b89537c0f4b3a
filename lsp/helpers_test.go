package lsp

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/creachadair/jrpc2"
	"github.com/creachadair/jrpc2/channel"
	"github.com/vpcplan/vpcplan/internal/bounds"
)

// testClient is an LSP client connected to a Server over pipes, with the
// LSP framing, as an editor is.
type testClient struct {
	t   *testing.T
	cli *jrpc2.Client
	dir string

	mu    sync.Mutex
	diags map[string][]PublishDiagnosticsParams // by URI, in arrival order
	logs  []LogMessageParams
	note  chan struct{}
}

// newClient starts a server on dir (a workspace folder holding files) and
// initializes it.
func newClient(t *testing.T, files map[string]string) *testClient {
	t.Helper()
	return newClientWith(t, files, bounds.Limits{})
}

// newClientWith is newClient with the server's bounds set to lim.
func newClientWith(t *testing.T, files map[string]string, lim bounds.Limits) *testClient {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := &testClient{t: t, dir: dir, diags: map[string][]PublishDiagnosticsParams{}, note: make(chan struct{}, 1)}
	c.cli = startServer(t, Options{Version: "test", Debounce: time.Millisecond, RuleDocURL: func(id string) string { return "https://example.com/" + id + ".md" }, Limits: lim}, c.onNotify)
	var res InitializeResult
	c.call("initialize", InitializeParams{WorkspaceFolders: []WorkspaceFolder{{URI: pathToURI(dir), Name: "test"}}}, &res)
	c.notify("initialized", struct{}{})
	return c
}

func (c *testClient) onNotify(req *jrpc2.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch req.Method() {
	case "textDocument/publishDiagnostics":
		var p PublishDiagnosticsParams
		if err := req.UnmarshalParams(&p); err == nil {
			c.diags[p.URI] = append(c.diags[p.URI], p)
		}
	case "window/logMessage":
		var p LogMessageParams
		if err := req.UnmarshalParams(&p); err == nil {
			c.logs = append(c.logs, p)
		}
	}
	select {
	case c.note <- struct{}{}:
	default:
	}
}

func (c *testClient) call(method string, params, result any) {
	c.t.Helper()
	if err := c.cli.CallResult(context.Background(), method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.cli.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *testClient) uri(name string) string { return pathToURI(filepath.Join(c.dir, name)) }

// open opens a file of the workspace with its text on disk, or src.
func (c *testClient) open(name, src string) string {
	c.t.Helper()
	if src == "" {
		b, err := os.ReadFile(filepath.Join(c.dir, name))
		if err != nil {
			c.t.Fatal(err)
		}
		src = string(b)
	}
	uri := c.uri(name)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "terraform", Version: 1, Text: src}})
	return uri
}

// waitDiagnostics waits for a publication for uri that satisfies ok and
// returns it.
func (c *testClient) waitDiagnostics(uri string, ok func(PublishDiagnosticsParams) bool) PublishDiagnosticsParams {
	c.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		c.mu.Lock()
		list := c.diags[uri]
		for i := len(list) - 1; i >= 0; i-- {
			if ok(list[i]) {
				p := list[i]
				c.mu.Unlock()
				return p
			}
		}
		c.mu.Unlock()
		select {
		case <-c.note:
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			c.mu.Lock()
			got, _ := json.MarshalIndent(c.diags[uri], "", "  ")
			c.mu.Unlock()
			c.t.Fatalf("no matching diagnostics for %s; got:\n%s", uri, got)
		}
	}
}

func hasCode(code string) func(PublishDiagnosticsParams) bool {
	return func(p PublishDiagnosticsParams) bool {
		for _, d := range p.Diagnostics {
			if d.Code == code {
				return true
			}
		}
		return false
	}
}

func find(p PublishDiagnosticsParams, code string) Diagnostic {
	for _, d := range p.Diagnostics {
		if d.Code == code {
			return d
		}
	}
	return Diagnostic{}
}

const endpointConfig = `provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

variable "cidr" {
  type        = string
  description = "The VPC's CIDR block."
  default     = "10.0.0.0/16"
}

resource "aws_vpc" "main" {
  cidr_block           = var.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.a.id]
  private_dns_enabled = true
}
`

// startServer runs a server with opts over pipes and returns a client
// connected to it; onNotify gets the server's notifications. The server
// is stopped when the test ends.
func startServer(tb testing.TB, opts Options, onNotify func(*jrpc2.Request)) *jrpc2.Client {
	sr, cw := io.Pipe()
	cr, sw := io.Pipe()
	srv := New(opts)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, sr, sw); sw.Close() }()
	cli := jrpc2.NewClient(channel.LSP(cr, cw), &jrpc2.ClientOptions{OnNotify: onNotify})
	tb.Cleanup(func() {
		cli.Close()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				tb.Errorf("Run: %v", err)
			}
		case <-time.After(5 * time.Second):
			tb.Error("the server did not stop")
		}
	})
	return cli
}
