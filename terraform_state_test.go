package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestTerraformStateApply applies the configuration of
// testdata/script/plan_terraform_state.txtar to its Terraform state and
// compares the state JSON before and after, as testscript cannot: apply
// changes only what its plan changes (aws_subnet.a updated,
// aws_internet_gateway.main created) and leaves everything else equal in
// meaning, outputs and terraform_version included.
func TestTerraformStateApply(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "script", "plan_terraform_state.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var original []byte
	for _, f := range ar.Files {
		if f.Name != "main.tf" && f.Name != "terraform.tfstate" {
			continue
		}
		if f.Name == "terraform.tfstate" {
			original = f.Data
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	statePath := filepath.Join(dir, "terraform.tfstate")
	runOK := func(want int, args ...string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != want {
			t.Fatalf("vpcplan %q = %d, want %d\nstdout:\n%s\nstderr:\n%s", args, code, want, stdout.String(), stderr.String())
		}
	}
	runOK(exitOK, "apply", "-no-color", "-auto-approve", "-input=false", "-state="+statePath, dir)
	applied, err := os.ReadFile(statePath)
	if err != nil {
		t.Fatal(err)
	}

	type instance map[string]any
	type resource struct {
		Module    string     `json:"module"`
		Mode      string     `json:"mode"`
		Type      string     `json:"type"`
		Name      string     `json:"name"`
		Provider  string     `json:"provider"`
		Instances []instance `json:"instances"`
	}
	type stateFile struct {
		Version          int                       `json:"version"`
		TerraformVersion string                    `json:"terraform_version"`
		Serial           int                       `json:"serial"`
		Lineage          string                    `json:"lineage"`
		Outputs          map[string]map[string]any `json:"outputs"`
		Resources        []resource                `json:"resources"`
		CheckResults     any                       `json:"check_results"`
	}
	decode := func(data []byte) (stateFile, map[string]resource) {
		t.Helper()
		var s stateFile
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatal(err)
		}
		byAddr := map[string]resource{}
		for _, r := range s.Resources {
			byAddr[r.Module+" "+r.Mode+"."+r.Type+"."+r.Name] = r
		}
		return s, byAddr
	}
	before, beforeRes := decode(original)
	after, afterRes := decode(applied)

	if after.TerraformVersion != before.TerraformVersion || after.Lineage != before.Lineage || after.Version != 4 {
		t.Errorf("header: got version %d, terraform_version %q, lineage %q; want 4, %q, %q", after.Version, after.TerraformVersion, after.Lineage, before.TerraformVersion, before.Lineage)
	}
	if after.Serial <= before.Serial {
		t.Errorf("serial %d after apply, want more than %d", after.Serial, before.Serial)
	}
	if diff := cmp.Diff(before.Outputs, after.Outputs); diff != "" {
		t.Errorf("outputs changed (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(before.CheckResults, after.CheckResults); diff != "" {
		t.Errorf("check_results changed (-before +after):\n%s", diff)
	}
	changed := map[string]bool{" managed.aws_subnet.a": true}
	for addr, r := range beforeRes {
		if changed[addr] {
			continue
		}
		if diff := cmp.Diff(r, afterRes[addr]); diff != "" {
			t.Errorf("%s changed (-before +after):\n%s", addr, diff)
		}
	}
	if _, ok := afterRes[" managed.aws_internet_gateway.main"]; !ok || len(afterRes) != len(beforeRes)+1 {
		t.Errorf("got resources %v, want those before and aws_internet_gateway.main", sortedKeys(afterRes))
	}
	// The updated subnet keeps what only the provider knows.
	was, now := beforeRes[" managed.aws_subnet.a"].Instances[0], afterRes[" managed.aws_subnet.a"].Instances[0]
	if now["schema_version"] != was["schema_version"] {
		t.Errorf("aws_subnet.a schema_version = %v, want the provider's %v", now["schema_version"], was["schema_version"])
	}
	if tags := now["attributes"].(map[string]any)["tags"]; !cmp.Equal(tags, map[string]any{"Name": "prod-network-a", "Tier": "private"}) {
		t.Errorf("aws_subnet.a tags = %v, want the new Tier tag", tags)
	}

	// A second plan converges.
	runOK(exitOK, "plan", "-no-color", "-detailed-exitcode", "-input=false", "-state="+statePath, dir)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
