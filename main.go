// Command vpcplan plans AWS private connectivity: it validates
// Terraform-compatible configurations of VPCs, VPC endpoints, S3 access
// points, Multi-Region Access Points, replication and Object Lambda
// against the rules AWS enforces, prints plans and applies them to its
// state.
//
// This file only wires: it parses arguments, decides colour and width, and
// maps results to exit codes. Everything else lives in the packages.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/planner/render"
)

// Exit codes, as Terraform uses them.
const (
	exitOK    = 0
	exitError = 1
	// exitFmtParse is fmt's code for input it cannot parse.
	exitFmtParse = 2
	// exitFmtCheck is fmt -check's code for files that need formatting.
	exitFmtCheck = 3
)

// version is the vpcplan version; release builds set it with -ldflags.
var version = "0.1.0"

// issuesURL is where bug reports go.
const issuesURL = "https://github.com/vpcplan/vpcplan/issues"

func main() {
	// vpcplan is a short-lived process whose heap is mostly live until it
	// exits (the evaluated model, the prior state): collecting at 200%
	// growth instead of 100% halves the collector's work for large
	// configurations. No memory limit: with a 100,000-instance state the
	// live heap alone passes 1 GiB, and a limit near it makes the
	// collector run without pause (a no-op plan took 18 s instead of 7).
	// GOGC and GOMEMLIMIT in the environment still take precedence.
	// internal/benchgen.BinaryGCPercent keeps the benchmarks in step.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := guard(os.Stderr, func() int { return run(ctx, os.Args[1:], os.Stdout, os.Stderr) })
	stop()
	os.Exit(code)
}

// guard runs f and returns its exit code; a panic in f (always a bug in
// vpcplan) becomes a crash report on stderr and exit code 1, as Terraform
// reports its crashes. Deferred unlocks run while the panic unwinds, and
// state is only ever replaced whole (a temporary file renamed over it), so
// the state file holds what was last saved.
func guard(stderr io.Writer, f func() int) (code int) {
	defer func() {
		if r := recover(); r != nil {
			reportCrash(stderr, r, debug.Stack())
			code = exitError
		}
	}()
	return f()
}

// reportCrash writes the crash report: an error diagnostic asking for a
// bug report, then the panic value and the stack.
func reportCrash(w io.Writer, value any, stack []byte) {
	d := &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "vpcplan crashed",
		Detail: "This is always a bug in vpcplan, not a problem with the configuration. " +
			"The state file holds what was saved before the crash.\n\n" +
			"Please report it at " + issuesURL + ", with the output of \"vpcplan version\", " +
			"the command that crashed, and the panic message and stack trace below.",
	}
	_ = render.Diagnostic(w, nil, d, render.Options{Width: 78})
	fmt.Fprintf(w, "\npanic: %v\n\n%s", value, stack)
}

// command is one subcommand.
type command struct {
	name     string
	synopsis string
	run      func(ctx context.Context, env *environment, args []string) int
}

func commands() []command {
	return []command{
		{"validate", "Check whether the configuration is valid", runValidate},
		{"plan", "Show changes required by the current configuration", runPlan},
		{"apply", "Create or update infrastructure in the state", runApply},
		{"destroy", "Destroy previously-created infrastructure", runDestroy},
		{"show", "Show the current state or a saved plan", runShow},
		{"output", "Show output values from the state", runOutput},
		{"state", "Advanced state management", runState},
		{"force-unlock", "Release a stuck lock on the current state", runForceUnlock},
		{"rules", "List the rules and their documentation", runRules},
		{"graph", "Print the dependency graph in DOT format", runGraph},
		{"explain", "Explain traffic paths, reachability and endpoint cost", runExplain},
		{"fmt", "Reformat configuration files in the canonical style", runFmt},
		{"lsp", "Run the language server for editors (LSP over stdio)", runLSP},
		{"version", "Show the current vpcplan version", runVersion},
	}
}

// environment is what commands may know of the process: its streams, its
// environment variables and working directory, the colour and width
// decisions made here, and the bounds the global options set.
type environment struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	environ        []string
	cwd            string
	color          bool // colour allowed: stdout is a terminal and NO_COLOR unset
	width          int
	interactive    bool          // stdin is a terminal
	limits         bounds.Limits // the -max-* options (extractBounds)
}

func (e *environment) getenv(name string) string {
	for _, kv := range e.environ {
		if k, v, ok := strings.Cut(kv, "="); ok && k == name {
			return v
		}
	}
	return ""
}

// run runs vpcplan with args (without the program name) and returns the
// exit code. Global options come before the subcommand, as Terraform takes
// them: -chdir=DIR, -help and -version; -no-color is accepted there too,
// and anywhere after the subcommand by every command.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	args, noColor := extractNoColor(args)
	dir, args, err := extractChdir(args)
	if err != nil {
		fmt.Fprintf(stderr, "Invalid -chdir option: %s\n", err)
		return exitError
	}
	if dir != "" {
		// run is the process's entry point, so it may change the working
		// directory; it changes it back because tests call it in process.
		prev, err := os.Getwd()
		if err == nil {
			err = os.Chdir(dir)
		}
		if err != nil {
			fmt.Fprintf(stderr, "Error handling -chdir option: %s\n", err)
			return exitError
		}
		defer os.Chdir(prev)
	}
	args, limits, err := extractBounds(args)
	if err != nil {
		fmt.Fprintf(stderr, "Invalid global option: %s\n", err)
		return exitError
	}
	env := &environment{stdout: stdout, stderr: stderr, stdin: os.Stdin, environ: os.Environ(), width: 78, limits: limits}
	env.cwd, _ = os.Getwd()
	if !noColor && isTerminal(stderr) && env.getenv("NO_COLOR") == "" && env.getenv("TERM") != "dumb" {
		env.color = true
	}
	if w := terminalWidth(stderr); w > 0 {
		env.width = w
	}
	env.interactive = isTerminal(os.Stdin)

	if len(args) == 0 {
		usage(stdout)
		return exitError
	}
	switch args[0] {
	case "-help", "--help", "-h", "help":
		// vpcplan -help plan is vpcplan plan -help.
		if len(args) > 1 {
			if c := findCommand(args[1]); c != nil {
				return c.run(ctx, env, []string{"-help"})
			}
		}
		usage(stdout)
		return exitOK
	case "-version", "--version", "-v":
		return runVersion(ctx, env, args[1:])
	}
	if strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(stderr, "Invalid flags before the subcommand. If these flags are for\nthe subcommand, please put them after the subcommand.\n\nTo see all of vpcplan's commands and global options, run:\n  vpcplan -help\n")
		return exitError
	}
	if c := findCommand(args[0]); c != nil {
		return c.run(ctx, env, args[1:])
	}
	fmt.Fprintf(stderr, "vpcplan has no command named %q.", args[0])
	if s := suggestCommand(args[0]); s != "" {
		fmt.Fprintf(stderr, " Did you mean %q?", s)
	}
	fmt.Fprintf(stderr, "\n\nTo see all of vpcplan's commands, run:\n  vpcplan -help\n")
	return exitError
}

// findCommand returns the subcommand with the name, or nil.
func findCommand(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return &c
		}
	}
	return nil
}

// extractNoColor removes every -no-color (or --no-color) before a "--"
// from args, as Terraform's commands do, and reports whether there was one.
func extractNoColor(args []string) ([]string, bool) {
	out := make([]string, 0, len(args))
	found := false
	for i, a := range args {
		if a == "--" {
			out = append(out, args[i:]...)
			break
		}
		if a == "-no-color" || a == "--no-color" {
			found = true
			continue
		}
		out = append(out, a)
	}
	return out, found
}

// extractChdir removes the global -chdir=DIR option from the options
// before the subcommand and returns DIR ("" when absent). Its errors are
// Terraform's.
func extractChdir(args []string) (string, []string, error) {
	for i, a := range args {
		if !strings.HasPrefix(a, "-") {
			break // the subcommand: -chdir comes before it
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a, "-"), "=")
		if name != "chdir" && name != "-chdir" {
			continue
		}
		if !hasValue || value == "" {
			return "", args, errors.New("must include an equals sign followed by a directory path, like -chdir=example")
		}
		return value, append(append([]string{}, args[:i]...), args[i+1:]...), nil
	}
	return "", args, nil
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: vpcplan [global options] <subcommand> [args]\n\n")
	fmt.Fprintf(w, "vpcplan checks and plans AWS private connectivity written in Terraform's language.\n\n")
	fmt.Fprintf(w, "Main commands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-13s %s\n", c.name, c.synopsis)
	}
	fmt.Fprint(w, `
Global options (use these before the subcommand, if any):
  -chdir=DIR    Switch to a different working directory before executing the
                given subcommand.
  -help         Show this help output, or the help for a specified subcommand.
  -no-color     Do not use colour in the output; every command takes it too.
  -version      An alias for the "version" subcommand.
`)
	fmt.Fprint(w, boundsUsage())
}

func suggestCommand(given string) string {
	best, bestDist := "", 3
	for _, c := range commands() {
		if d := editDistance(given, c.name); d < bestDist {
			best, bestDist = c.name, d
		}
	}
	return best
}

const versionHelp = `Usage: vpcplan [global options] version [options]

  Displays the version of vpcplan.

Options:

  -json       Output the version information as a JSON object, in the shape
              of terraform version -json.
`

// versionOutput is version -json's object: Terraform's keys, so that tools
// reading terraform version -json read it too (terraform_version holds
// vpcplan's version, as in the state and the JSON plan), plus
// vpcplan_version. vpcplan installs no providers and never checks for a
// newer release, so provider_selections is empty and terraform_outdated
// false.
type versionOutput struct {
	FormatVersion      string            `json:"format_version"`
	VpcplanVersion     string            `json:"vpcplan_version"`
	TerraformVersion   string            `json:"terraform_version"`
	Platform           string            `json:"platform"`
	ProviderSelections map[string]string `json:"provider_selections"`
	Outdated           bool              `json:"terraform_outdated"`
}

func runVersion(_ context.Context, env *environment, args []string) int {
	fs := newFlags("version")
	jsonOut := fs.Bool("json", false, "")
	if code, ok := parseFlags(env, fs, args, versionHelp); !ok {
		return code
	}
	platform := runtime.GOOS + "_" + runtime.GOARCH
	if *jsonOut {
		data, _ := json.MarshalIndent(versionOutput{
			FormatVersion: "1.0", VpcplanVersion: version, TerraformVersion: version,
			Platform: platform, ProviderSelections: map[string]string{},
		}, "", "  ")
		fmt.Fprintf(env.stdout, "%s\n", data)
		return exitOK
	}
	fmt.Fprintf(env.stdout, "vpcplan v%s\non %s\n", version, platform)
	return exitOK
}
