package lsp

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// TestBadFraming sends badly framed and oversized messages between good
// ones: each bad one gets a parse error and a log message, and the
// session goes on to answer the request after them.
func TestBadFraming(t *testing.T) {
	cw, out, done := rawSession(Options{MaxMessageSize: 100})
	big := `{"jsonrpc":"2.0","method":"x","params":"` + strings.Repeat("a", 200) + `"}`
	frame := func(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }
	input := []string{
		frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`),
		"this is not a header\r\n\r\n",
		"X-Other: 1\r\n\r\n",
		"Content-Length: -5\r\n\r\n",
		"Content-Length: 99999999999999999999999\r\n\r\n",
		frame(big),
		// Well framed but not a JSON-RPC 2.0 message; without an id, jrpc2
		// would answer it only at dispatch (see envelopeProblem).
		frame(`{"jsosrpc":"2.0","method":"initialized","params":{}}`),
		frame(`[{"jsonrpc":"2.0","method":"initialized"}]`),
		frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`),
	}
	go func() {
		for _, s := range input {
			if _, err := io.WriteString(cw, s); err != nil {
				return
			}
		}
	}()
	var got string
	deadline := time.After(5 * time.Second)
	for !strings.Contains(got, `"id":2`) || strings.Count(got, "Bad input from the client") < 7 {
		select {
		case s := <-out:
			got += s
		case <-deadline:
			t.Fatalf("no answer to the request after the bad messages, or too few log messages; got %q", got)
		}
	}
	for _, want := range []string{
		`is not \"Name: value\"`,
		"the header has no Content-Length",
		`the Content-Length \"-5\" is not a byte count`,
		`the Content-Length \"99999999999999999999999\" is not a byte count`,
		fmt.Sprintf("a message of %d bytes is larger than the 100 the server reads", len(big)),
		`the message's \"jsonrpc\" is not \"2.0\"`,
		"a batch of messages, which LSP does not use",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no log message %q in %q", want, got)
		}
	}
	if n := strings.Count(got, `"code":-32700`); n != 7 {
		t.Errorf("got %d parse errors, want 7 (one per bad message) in %q", n, got)
	}
	cw.Close()
	if err := <-done; err != nil {
		t.Errorf("Run returned %v at the end of the input, want nil", err)
	}
}

// rawSession runs a server with opts on pipes without a client: the test
// writes the client's bytes to in and reads the server's from out; done
// gets Run's result.
func rawSession(opts Options) (in io.WriteCloser, out <-chan string, done <-chan error) {
	sr, cw := io.Pipe()
	cr, sw := io.Pipe()
	srv := New(opts)
	result := make(chan error, 1)
	go func() { result <- srv.Run(context.Background(), sr, sw) }()
	read := make(chan string, 16)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := cr.Read(buf)
			if n > 0 {
				read <- string(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	return cw, read, result
}
