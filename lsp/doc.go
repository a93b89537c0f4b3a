// Package lsp is vpcplan's language server: the Language Server Protocol
// (3.17) over a JSON-RPC 2.0 connection (github.com/creachadair/jrpc2 with
// its LSP framing), on the same loader, schema and rules as the CLI.
//
// A Server keeps the open documents and, per directory, the last analysis
// of the configuration they belong to: every configuration file of the
// directory, read from disk, with open documents overriding their files.
// After an edit the directory is analysed again (load, evaluate, rules,
// ignores: exactly what `vpcplan validate` does) once edits pause for
// Options.Debounce, and its diagnostics are published. Completion, hover,
// go to definition, symbols, formatting and code actions read the open
// document's text and the directory's last analysis, so they answer while
// the configuration is half typed, from what still parses.
//
// The package never prints, never reads the environment and never exits:
// the connection's reader and writer are passed in, and problems reach the
// client as LSP errors or window/logMessage notifications. A panic in a
// handler is recovered, answered as an internal error and logged to the
// client; it never ends the server.
package lsp
