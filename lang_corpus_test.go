package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mitchellh/go-wordwrap"
	"github.com/rogpeppe/go-internal/txtar"
)

// recordTerraform, when set, is the terraform binary TestLanguageCorpus
// runs on every case to rewrite its terraform.txtar.
var recordTerraform = flag.String("terraform", "", "rewrite testdata/lang/*/terraform.txtar from what this terraform binary prints")

// The language corpus compares vpcplan's language diagnostics with
// Terraform's, case by case. Each directory of testdata/lang holds a
// configuration that uses only what Terraform runs without providers
// (terraform_data, variables, locals, outputs, check blocks, built-in
// functions), and terraform.txtar: its comment gives the command line
// ("args: validate -no-color") and the exit code Terraform returned
// ("exit: 1"), its files "stdout" and "stderr" what Terraform printed.
// Recorded with Terraform v1.11.4:
//
//	go test -run TestLanguageCorpus -terraform=/usr/local/bin/terraform
//
// runs the binary in each directory (-chdir, an empty CLI configuration, a
// temporary HOME) and rewrites the files; a new case needs only its
// configuration and a terraform.txtar holding the args line.
//
// vpcplan runs in process with the same arguments (run with -chdir, in a
// copy of the directory), and
// must print exactly what Terraform printed, after normalizeTerraform, and
// exit with the same code. The cases in knownDifferences are the exception:
// vpcplan.txtar records what vpcplan prints instead (refreshed with
// -update), the test asserts that exactly, and it asserts that the
// difference still exists, so that a fixed one leaves the list.
func TestLanguageCorpus(t *testing.T) {
	archives, err := filepath.Glob(filepath.Join("testdata", "lang", "*", "terraform.txtar"))
	if err != nil || len(archives) < 55 {
		t.Fatalf("found %d cases (%v), want at least 55", len(archives), err)
	}
	seen := map[string]bool{}
	for _, archive := range archives {
		dir := filepath.Dir(archive)
		name := filepath.Base(dir)
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			tf, err := readCorpusOutput(archive)
			if err != nil {
				t.Fatal(err)
			}
			if *recordTerraform != "" {
				tf = recordTerraformOutput(t, *recordTerraform, dir, tf.Args)
				if err := writeCorpusOutput(archive, tf); err != nil {
					t.Fatal(err)
				}
			}
			got := runCorpusCase(t, dir, tf.Args)
			want := tf.normalized()
			reason, known := knownDifferences[name]
			if !known {
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("vpcplan %s mismatch with Terraform (-terraform +vpcplan):\n%s", tf.Args, diff)
				}
				return
			}
			if cmp.Equal(want, got) {
				t.Errorf("vpcplan now prints what Terraform prints; remove %q from knownDifferences (%s)", name, reason)
			}
			vpArchive := filepath.Join(dir, "vpcplan.txtar")
			if *updateDocs {
				got.Args = tf.Args
				if err := writeCorpusOutput(vpArchive, got); err != nil {
					t.Fatal(err)
				}
				return
			}
			vp, err := readCorpusOutput(vpArchive)
			if err != nil {
				t.Fatal(err)
			}
			vp.Args = ""
			if diff := cmp.Diff(vp, got); diff != "" {
				t.Errorf("vpcplan %s mismatch with its recorded known difference (%s) (-want +got):\n%s", tf.Args, reason, diff)
			}
		})
	}
	for name := range knownDifferences {
		if !seen[name] {
			t.Errorf("knownDifferences lists %q, which is not a case of testdata/lang", name)
		}
	}
}

// knownDifferences are the cases where vpcplan prints something other
// than Terraform, with the reason.
var knownDifferences = map[string]string{
	"invalid_reference_var_alone": "Terraform 1.11.4 also reports a reference to an undeclared input variable " +
		`with an empty name and no source ("on  line 0"), a bug of its reference check; vpcplan reports only the Invalid reference`,
	"self_reference_resource": "Terraform 1.11.4 passes validate and reports the self-reference twice at plan, " +
		`after "Planning failed"; vpcplan reports it once, at validate too, because the reference would make its evaluation graph cyclic`,
	"syntax_invalid_block_definition": "HCL v2.25, vpcplan's, recovers the block whose { is on the next line, " +
		`so the snippet says "in resource ..."; Terraform 1.11.4's HCL v2.23 does not`,
	"template_interpolation_list": `HCL v2.25, vpcplan's, adds the type it got ("string required, but have tuple"); ` +
		"Terraform 1.11.4's HCL v2.23 does not",
	"validate_variables_unknown": "vpcplan validate evaluates variables with their defaults (and -var values) so that " +
		"its rules check them; terraform validate leaves every input variable unknown",
	"validation_error_message_not_string": `go-cty v1.20, vpcplan's, adds the type it got to conversion errors ("string required, but have tuple"); ` +
		"Terraform 1.11.4's go-cty v1.16 does not",
	"variable_wrong_type_tfvars": `go-cty v1.20, vpcplan's, adds the type it got to conversion errors ("list of number required, but have string"); ` +
		"Terraform 1.11.4's go-cty v1.16 does not",
}

// Terraform's output is normalized where Terraform names itself as the
// program that is running, so that vpcplan's output is compared with what
// Terraform would print in its place. Everywhere else the word stays,
// because it names Terraform's language ("Unsupported Terraform Core
// version", "This configuration does not support Terraform version"),
// which vpcplan implements.
//
//   - programPhrases: in these phrases "Terraform" becomes "vpcplan". The
//     paragraph holding one is wrapped again as vpcplan wraps details (at
//     77 columns), since the shorter name moves the line breaks.
//   - programTexts: fixed texts vpcplan words differently on purpose,
//     replaced whole. vpcplan compares the configuration with its recorded
//     state, not with real infrastructure.
var (
	programPhrases = strings.NewReplacer(
		"Terraform encountered an error", "vpcplan encountered an error",
		"internal, Terraform requires that", "internal, vpcplan requires that",
		"Terraform cannot predict", "vpcplan cannot predict",
	)
	programTexts = strings.NewReplacer(
		"Terraform has compared your real infrastructure against your configuration\nand found no differences, so no changes are needed.",
		"vpcplan has compared your recorded infrastructure against your\nconfiguration and found no differences, so no changes are needed.",
	)
)

// normalizeTerraform applies programTexts and programPhrases to one
// stream of Terraform's output.
func normalizeTerraform(s string) string {
	s = programTexts.Replace(s)
	paragraphs := strings.Split(s, "\n\n")
	for i, p := range paragraphs {
		if strings.HasPrefix(p, " ") || strings.Contains(p, "\n ") {
			continue // a snippet, or a detail with indented lines
		}
		text := strings.Trim(p, "\n")
		before, after, _ := strings.Cut(p, text)
		joined := strings.ReplaceAll(text, "\n", " ")
		if replaced := programPhrases.Replace(joined); replaced != joined {
			paragraphs[i] = before + wordwrap.WrapString(replaced, 77) + after
		}
	}
	return strings.Join(paragraphs, "\n\n")
}

// corpusOutput is what one program printed for one case.
type corpusOutput struct {
	Args           string // the command line, without the program name
	Exit           int
	Stdout, Stderr string
}

// normalized returns the output with normalizeTerraform applied and the
// members of every cycle sorted: Terraform lists them in an order that
// changes from run to run (it comes from map iteration), vpcplan sorted.
func (o corpusOutput) normalized() corpusOutput {
	o.Args = ""
	o.Stdout = sortCycles(normalizeTerraform(o.Stdout))
	o.Stderr = sortCycles(normalizeTerraform(o.Stderr))
	return o
}

// sortCycles sorts the comma-separated members of each "Error: Cycle: "
// line.
func sortCycles(s string) string {
	const prefix = "Error: Cycle: "
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if rest, ok := strings.CutPrefix(line, prefix); ok {
			members := strings.Split(rest, ", ")
			sort.Strings(members)
			lines[i] = prefix + strings.Join(members, ", ")
		}
	}
	return strings.Join(lines, "\n")
}

// runCorpusCase runs vpcplan in process on a copy of a case directory
// (plan leaves its lock file behind).
func runCorpusCase(t *testing.T, dir, args string) corpusOutput {
	t.Helper()
	work := t.TempDir()
	if err := os.CopyFS(work, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), append([]string{"-chdir=" + work}, strings.Fields(args)...), &stdout, &stderr)
	return corpusOutput{Exit: code, Stdout: stdout.String(), Stderr: stderr.String()}
}

// recordTerraformOutput runs the terraform binary on a case directory with
// an empty CLI configuration and a temporary home directory, so that
// nothing of the user's setup shows in the output.
func recordTerraformOutput(t *testing.T, bin, dir, args string) corpusOutput {
	t.Helper()
	home := t.TempDir()
	rc := filepath.Join(home, "terraformrc")
	if err := os.WriteFile(rc, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append([]string{"-chdir=" + dir}, strings.Fields(args)...)...)
	cmd.Env = []string{"HOME=" + home, "TF_CLI_CONFIG_FILE=" + rc, "PATH=" + os.Getenv("PATH"), "CHECKPOINT_DISABLE=1"}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	out := corpusOutput{Args: args}
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("running %s: %v", bin, err)
		}
		out.Exit = ee.ExitCode()
	}
	out.Stdout, out.Stderr = stdout.String(), stderr.String()
	return out
}

// readCorpusOutput reads a terraform.txtar or vpcplan.txtar.
func readCorpusOutput(path string) (corpusOutput, error) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		return corpusOutput{}, err
	}
	var out corpusOutput
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		if v, ok := strings.CutPrefix(line, "args: "); ok {
			out.Args = v
		}
		if v, ok := strings.CutPrefix(line, "exit: "); ok {
			if out.Exit, err = strconv.Atoi(v); err != nil {
				return out, fmt.Errorf("%s: exit: %v", path, err)
			}
		}
	}
	if out.Args == "" && filepath.Base(path) == "terraform.txtar" {
		return out, fmt.Errorf("%s: no args line in the comment", path)
	}
	for _, f := range ar.Files {
		switch f.Name {
		case "stdout":
			out.Stdout = string(f.Data)
		case "stderr":
			out.Stderr = string(f.Data)
		default:
			return out, fmt.Errorf("%s: unexpected file %q", path, f.Name)
		}
	}
	return out, nil
}

// writeCorpusOutput writes out as a txtar archive. txtar ends every file
// with a newline, so output that does not end in one cannot be recorded.
func writeCorpusOutput(path string, out corpusOutput) error {
	for _, s := range []string{out.Stdout, out.Stderr} {
		if s != "" && !strings.HasSuffix(s, "\n") {
			return fmt.Errorf("%s: output %q does not end in a newline", path, s)
		}
	}
	ar := &txtar.Archive{
		Comment: []byte(fmt.Sprintf("args: %s\nexit: %d\n", out.Args, out.Exit)),
		Files:   []txtar.File{{Name: "stdout", Data: []byte(out.Stdout)}, {Name: "stderr", Data: []byte(out.Stderr)}},
	}
	return os.WriteFile(path, txtar.Format(ar), 0o644)
}
