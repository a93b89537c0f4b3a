package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/creachadair/jrpc2"
	"github.com/creachadair/jrpc2/handler"
	"github.com/vpcplan/vpcplan/internal/blockparse"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/vpcplan/vpcplan/validate"
)

// Options configure a Server.
type Options struct {
	// Version is reported in initialize's serverInfo.
	Version string
	// RuleDocURL returns the documentation URL of a rule, the diagnostics'
	// codeDescription; nil leaves it out.
	RuleDocURL func(id string) string
	// Debounce is how long edits must pause before the configuration is
	// analysed again and diagnostics are published; 0 analyses at once.
	Debounce time.Duration
	// Environ is the environment evaluation reads TF_VAR_name from, in
	// os.Environ's form; nil for none.
	Environ []string
	// MaxMessageSize bounds the body of a message from the client, in
	// bytes; 0 means DefaultMaxMessageSize.
	MaxMessageSize int
	// Limits bound the analysis as they bound the CLI's: the files read,
	// the configuration parsed and what evaluation builds. A zero field
	// means its bound's default (bounds.Defaults).
	Limits bounds.Limits
}

// DefaultMaxMessageSize is the largest message body the server reads by
// default: a didOpen of a file as large as vpcplan reads (internal/bounds'
// default file size, 256 MiB) fits with its JSON escaping.
const DefaultMaxMessageSize = 512 << 20

func (o Options) maxMessageSize() int {
	if o.MaxMessageSize > 0 {
		return o.MaxMessageSize
	}
	return DefaultMaxMessageSize
}

// DefaultDebounce is the pause after an edit before diagnostics are
// computed. It gathers the notifications a client sends together (a
// paste, a multi-cursor edit, a rename); keystrokes come further apart,
// and an edit during an analysis interrupts it, so a short pause costs
// nothing and leaves the rest of the 100 ms budget for a 1,000-resource
// configuration to the analysis.
const DefaultDebounce = 10 * time.Millisecond

// Server is a language server. Create it with New and serve one connection
// with Run.
type Server struct {
	opts     Options
	docs     *documents
	catalog  *schema.Catalog
	services *schema.ServiceCatalog
	rules    []*validate.Rule
	// parses keeps every file's parse by top-level blocks, so that an
	// analysis after an edit parses again only the edited block and those
	// after it in its file.
	parses *blockparse.Cache

	mu          sync.Mutex
	rpc         *jrpc2.Server
	initialized bool
	shutdown    bool
	exitCalled  bool
	exited      chan struct{} // closed by the exit notification
	folders     []string      // absolute paths of the workspace folders
	dirs        map[string]*dirState
}

// New returns a server with opts.
func New(opts Options) *Server {
	opts.Limits = opts.Limits.OrDefaults()
	return &Server{
		opts:     opts,
		docs:     newDocuments(),
		catalog:  schema.NewCatalog(),
		services: schema.NewServiceCatalog(),
		rules:    validate.DefaultRules(),
		parses:   blockparse.NewCache(exprbound.Prepare),
		dirs:     map[string]*dirState{},
		exited:   make(chan struct{}),
	}
}

// Run serves one client over r and w with LSP's header framing until the
// client sends exit, the input ends, or ctx is done. A badly framed or
// oversized message is skipped with a parse error and a log message (see
// tolerantLSP); it does not end the session. It returns nil when
// the client ended the session (exit, or the end of the input after
// shutdown).
func (s *Server) Run(ctx context.Context, r io.Reader, w io.Writer) error {
	wc, ok := w.(io.WriteCloser)
	if !ok {
		wc = nopCloser{w}
	}
	srv := jrpc2.NewServer(s.handlers(), &jrpc2.ServerOptions{
		AllowPush:      true,
		DisableBuiltin: true,
		NewContext:     func() context.Context { return ctx },
	})
	s.mu.Lock()
	s.rpc = srv
	s.mu.Unlock()
	srv.Start(newTolerantLSP(r, wc, s.opts.maxMessageSize(), func(problem string) {
		// Recv runs on jrpc2's reader: log from elsewhere.
		go s.logf(MessageWarning, "Bad input from the client: %s.", problem)
	}))
	stop := context.AfterFunc(ctx, srv.Stop)
	defer stop()
	waited := make(chan error, 1)
	go func() { waited <- srv.Wait() }()
	var err error
	select {
	case err = <-waited:
	case <-s.exited:
		// The reader may be blocked on input the client never closes:
		// the session is over without it.
		srv.Stop()
	}
	s.stopTimers()
	s.mu.Lock()
	exitedEarly := s.exitCalled && !s.shutdown
	s.mu.Unlock()
	if exitedEarly {
		return errExitWithoutShutdown
	}
	if err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrClosedPipe) {
		return nil
	}
	return err
}

// errExitWithoutShutdown is Run's error when the client sent exit before
// shutdown; LSP asks for exit code 1 then.
var errExitWithoutShutdown = errors.New("the client sent exit without shutdown")

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// handlers maps every method the server implements to its handler, each
// guarded against panics.
func (s *Server) handlers() handler.Map {
	m := handler.Map{
		"initialize":                          method(s, s.initialize),
		"initialized":                         notification(s, func(context.Context, *json.RawMessage) error { return nil }),
		"shutdown":                            method(s, s.shutdownRequest),
		"exit":                                notification(s, s.exit),
		"$/cancelRequest":                     notification(s, s.cancel),
		"$/setTrace":                          notification(s, func(context.Context, *json.RawMessage) error { return nil }),
		"textDocument/didOpen":                notification(s, s.didOpen),
		"textDocument/didChange":              notification(s, s.didChange),
		"textDocument/didClose":               notification(s, s.didClose),
		"textDocument/didSave":                notification(s, s.didSave),
		"workspace/didChangeWatchedFiles":     notification(s, s.didChangeWatchedFiles),
		"workspace/didChangeWorkspaceFolders": notification(s, s.didChangeWorkspaceFolders),
		"workspace/didChangeConfiguration":    notification(s, func(context.Context, *json.RawMessage) error { return nil }),
		"textDocument/completion":             method(s, s.completion),
		"textDocument/hover":                  method(s, s.hover),
		"textDocument/definition":             method(s, s.definition),
		"textDocument/documentSymbol":         method(s, s.documentSymbol),
		"textDocument/formatting":             method(s, s.formatting),
		"textDocument/codeAction":             method(s, s.codeAction),
	}
	return m
}

// errNotInitialized is LSP's ServerNotInitialized.
var errNotInitialized = &jrpc2.Error{Code: -32002, Message: "the server is not initialized"}

// method adapts a request handler: it decodes the parameters, refuses
// requests before initialize, and turns a panic into an internal error
// that is also logged to the client.
func method[P, R any](s *Server, f func(context.Context, *P) (R, error)) jrpc2.Handler {
	return func(ctx context.Context, req *jrpc2.Request) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				s.crashed(req.Method(), r, debug.Stack())
				result, err = nil, &jrpc2.Error{Code: jrpc2.InternalError, Message: fmt.Sprintf("vpcplan lsp: %s failed: %v", req.Method(), r)}
			}
		}()
		if req.Method() != "initialize" && !s.isInitialized() {
			return nil, errNotInitialized
		}
		p := new(P)
		if err := req.UnmarshalParams(p); err != nil {
			return nil, err
		}
		return f(ctx, p)
	}
}

// notification adapts a notification handler as method does requests;
// errors are logged to the client, since a notification has no answer.
func notification[P any](s *Server, f func(context.Context, *P) error) jrpc2.Handler {
	return func(ctx context.Context, req *jrpc2.Request) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				s.crashed(req.Method(), r, debug.Stack())
				result, err = nil, nil
			}
		}()
		p := new(P)
		if err := req.UnmarshalParams(p); err != nil {
			s.logf(MessageError, "%s: %v", req.Method(), err)
			return nil, nil
		}
		if err := f(ctx, p); err != nil {
			s.logf(MessageWarning, "%s: %v", req.Method(), err)
		}
		return nil, nil
	}
}

// crashed reports a recovered panic to the client's log.
func (s *Server) crashed(what string, value any, stack []byte) {
	s.logf(MessageError, "vpcplan lsp: %s crashed; this is a bug in vpcplan, please report it with this message.\npanic: %v\n\n%s", what, value, stack)
}

// logf sends window/logMessage; it does nothing before Run or after the
// connection closed.
func (s *Server) logf(typ int, format string, args ...any) {
	s.notify("window/logMessage", LogMessageParams{Type: typ, Message: fmt.Sprintf(format, args...)})
}

func (s *Server) notify(method string, params any) {
	s.mu.Lock()
	rpc := s.rpc
	s.mu.Unlock()
	if rpc == nil {
		return
	}
	_ = rpc.Notify(context.Background(), method, params)
}

func (s *Server) isInitialized() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.initialized
}

func (s *Server) initialize(_ context.Context, p *InitializeParams) (*InitializeResult, error) {
	var folders []string
	for _, f := range p.WorkspaceFolders {
		if path, err := uriToPath(f.URI); err == nil {
			folders = append(folders, path)
		}
	}
	if len(folders) == 0 && p.RootURI != "" {
		if path, err := uriToPath(p.RootURI); err == nil {
			folders = append(folders, path)
		}
	}
	if len(folders) == 0 && p.RootPath != "" && filepath.IsAbs(p.RootPath) {
		folders = append(folders, filepath.Clean(p.RootPath))
	}
	s.mu.Lock()
	s.initialized = true
	s.folders = folders
	s.mu.Unlock()
	return &InitializeResult{
		Capabilities: ServerCapabilities{
			TextDocumentSync:           TextDocumentSyncOptions{OpenClose: true, Change: SyncIncremental, Save: true},
			CompletionProvider:         &CompletionOptions{TriggerCharacters: []string{".", "\"", "="}},
			HoverProvider:              true,
			DefinitionProvider:         true,
			DocumentSymbolProvider:     true,
			DocumentFormattingProvider: true,
			CodeActionProvider:         &CodeActionOptions{CodeActionKinds: []string{"quickfix"}},
			Workspace: &WorkspaceCapabilities{WorkspaceFolders: &WorkspaceFoldersServerCapabilities{
				Supported: true, ChangeNotifications: true,
			}},
		},
		ServerInfo: &ServerInfo{Name: "vpcplan", Version: s.opts.Version},
	}, nil
}

func (s *Server) shutdownRequest(context.Context, *json.RawMessage) (any, error) {
	s.mu.Lock()
	s.shutdown = true
	s.mu.Unlock()
	s.stopTimers()
	return nil, nil
}

func (s *Server) exit(context.Context, *json.RawMessage) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.exitCalled {
		s.exitCalled = true
		close(s.exited)
	}
	return nil
}

func (s *Server) cancel(ctx context.Context, p *CancelParams) error {
	if rpc := jrpc2.ServerFromContext(ctx); rpc != nil && len(p.ID) > 0 {
		rpc.CancelRequest(string(p.ID))
	}
	return nil
}

func (s *Server) didChangeWorkspaceFolders(_ context.Context, p *DidChangeWorkspaceFoldersParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	removed := map[string]bool{}
	for _, f := range p.Event.Removed {
		if path, err := uriToPath(f.URI); err == nil {
			removed[path] = true
		}
	}
	var folders []string
	for _, f := range s.folders {
		if !removed[f] {
			folders = append(folders, f)
		}
	}
	for _, f := range p.Event.Added {
		if path, err := uriToPath(f.URI); err == nil {
			folders = append(folders, path)
		}
	}
	sort.Strings(folders)
	s.folders = folders
	return nil
}

// folderOf returns the workspace folder that holds path, the innermost
// one, or "" when it is outside every folder.
func (s *Server) folderOf(path string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	best := ""
	for _, f := range s.folders {
		if path == f || strings.HasPrefix(path, f+string(filepath.Separator)) {
			if len(f) > len(best) {
				best = f
			}
		}
	}
	return best
}
