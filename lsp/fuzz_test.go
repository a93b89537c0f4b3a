package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzServer feeds any byte stream to a server as its client's input: it
// must end the session without a panic, whatever the framing, JSON,
// methods, URIs, positions and document texts. The seeds are whole
// sessions on the examples: initialize, open, incremental edits,
// completion, hover, definition, symbols, formatting and code actions.
// Analyses run inside the requests (the debounce never fires), so each
// input's work ends with it.
func FuzzServer(f *testing.F) {
	examples, err := filepath.Glob(filepath.Join("..", "examples", "*.hcl"))
	if err != nil || len(examples) == 0 {
		f.Fatalf("no examples: %v", err)
	}
	for _, name := range examples {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(session(string(src)))
	}
	f.Add([]byte("Content-Length: 5\r\n\r\n{\"id\""))
	f.Fuzz(func(t *testing.T, input []byte) {
		s := New(Options{Debounce: time.Hour, MaxMessageSize: 1 << 20})
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := s.Run(ctx, bytes.NewReader(input), nopCloser{io.Discard}); ctx.Err() != nil {
			t.Fatalf("the session did not end with its input (Run: %v)", err)
		}
	})
}

// session frames a client's session on one document with text src.
func session(src string) []byte {
	const uri = "file:///fuzz/main.tf"
	var b bytes.Buffer
	id := 0
	send := func(method string, params any, request bool) {
		msg := map[string]any{"jsonrpc": "2.0", "method": method, "params": params}
		if request {
			id++
			msg["id"] = id
		}
		body, _ := json.Marshal(msg)
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(body), body)
	}
	at := func(line, char int) map[string]any {
		return map[string]any{"textDocument": map[string]string{"uri": uri}, "position": Position{Line: line, Character: char}}
	}
	send("initialize", InitializeParams{}, true)
	send("initialized", struct{}{}, false)
	send("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "terraform", Version: 1, Text: src}}, false)
	send("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &Range{Start: Position{Line: 2, Character: 2}, End: Position{Line: 2, Character: 4}}, Text: "x = aws_vpc."}},
	}, false)
	send("textDocument/completion", at(2, 14), true)
	send("textDocument/hover", at(5, 4), true)
	send("textDocument/definition", at(8, 20), true)
	send("textDocument/documentSymbol", map[string]any{"textDocument": map[string]string{"uri": uri}}, true)
	send("textDocument/formatting", map[string]any{"textDocument": map[string]string{"uri": uri}}, true)
	send("textDocument/codeAction", map[string]any{"textDocument": map[string]string{"uri": uri}, "range": Range{End: Position{Line: 10}}, "context": map[string]any{"diagnostics": []any{}}}, true)
	send("shutdown", nil, true)
	send("exit", nil, false)
	return b.Bytes()
}
