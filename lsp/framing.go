package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/creachadair/jrpc2/channel"
)

// tolerantLSP is jrpc2's LSP channel (channel.LSP sends every message) with
// a receiving side that survives bad framing: a header line that is not
// "Name: value", a missing or invalid Content-Length, or a body larger
// than its bound (skipped without being held in memory). jrpc2 stops
// the session at the first error its channel returns; instead, such a
// message is handed on as text that is not JSON, which jrpc2 answers with
// a JSON-RPC parse error (-32700), and reading goes on with the next
// header. onBad is told what was wrong, for the client's log.
type tolerantLSP struct {
	channel.Channel // Send and Close
	rd              *bufio.Reader
	max             int
	onBad           func(string)
}

func newTolerantLSP(r io.Reader, wc io.WriteCloser, max int, onBad func(string)) channel.Channel {
	return &tolerantLSP{Channel: channel.LSP(nil, wc), rd: bufio.NewReader(r), max: max, onBad: onBad}
}

// notJSON is what a badly framed message is handed on as.
var notJSON = []byte("\x00badly framed message")

// Recv returns the next message's body. Errors are those of the input
// (io.EOF at its end); framing problems are reported to onBad.
func (t *tolerantLSP) Recv() ([]byte, error) {
	length := -1
	var bad error
	for {
		raw, err := t.rd.ReadString('\n')
		if err != nil && (err != io.EOF || raw == "") {
			return nil, err
		}
		line := strings.TrimRight(raw, "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		switch {
		case !ok:
			bad = fmt.Errorf("the header line %q is not \"Name: value\"", truncate(line, 80))
		case strings.EqualFold(strings.TrimSpace(name), "Content-Length"):
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || n < 0 {
				bad = fmt.Errorf("the Content-Length %q is not a byte count", truncate(strings.TrimSpace(value), 80))
				continue
			}
			length = int(min(n, 1<<62))
		}
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
	}
	if bad == nil && length < 0 {
		bad = errors.New("the header has no Content-Length")
	}
	if bad != nil {
		t.onBad(bad.Error() + "; the message was skipped")
		return notJSON, nil
	}
	if length > t.max {
		if _, err := io.CopyN(io.Discard, t.rd, int64(length)); err != nil {
			return nil, err
		}
		t.onBad(fmt.Sprintf("a message of %d bytes is larger than the %d the server reads; it was skipped", length, t.max))
		return notJSON, nil
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(t.rd, body); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	if problem := envelopeProblem(body); problem != "" {
		t.onBad(problem + "; the message was skipped")
		return notJSON, nil
	}
	return body, nil
}

// envelopeProblem says what makes body something other than one JSON-RPC
// 2.0 message ("" when nothing does). jrpc2 finds the same problems, but
// answers them only when it dispatches the message: one that has no id
// and is still queued when the session stops makes jrpc2 (v1.3.6) send
// its error to the closed connection and panic. Refused here, such a
// message gets its parse error at once. LSP has no batches.
func envelopeProblem(body []byte) string {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil || obj == nil {
		if first := bytes.TrimLeft(body, " \t\r\n"); len(first) > 0 && first[0] == '[' {
			return "a batch of messages, which LSP does not use"
		}
		return "the message is not a JSON object"
	}
	var version, method string
	if json.Unmarshal(obj["jsonrpc"], &version) != nil || version != "2.0" {
		return `the message's "jsonrpc" is not "2.0"`
	}
	if raw, ok := obj["method"]; ok && (json.Unmarshal(raw, &method) != nil || method == "") {
		return `the message's "method" is not a name`
	}
	if raw, ok := obj["params"]; ok {
		if first := bytes.TrimLeft(raw, " \t\r\n"); len(first) == 0 || !strings.ContainsRune("[{n", rune(first[0])) {
			return `the message's "params" is neither an array nor an object`
		}
	}
	if raw, ok := obj["id"]; ok {
		if first := bytes.TrimLeft(raw, " \t\r\n"); len(first) == 0 || !strings.ContainsRune(`"-0123456789n`, rune(first[0])) {
			return `the message's "id" is neither a string nor a number`
		}
	}
	_, isResult := obj["result"]
	_, isError := obj["error"]
	if method != "" && (isResult || isError) {
		return "the message is both a request and a response"
	}
	unknown := ""
	for key := range obj {
		switch key {
		case "jsonrpc", "id", "method", "params", "result", "error":
		default:
			if unknown == "" || key < unknown {
				unknown = key // the first in order, whatever the map's order
			}
		}
	}
	if unknown != "" {
		return fmt.Sprintf("the message has the unknown field %q", truncate(unknown, 40))
	}
	return ""
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
