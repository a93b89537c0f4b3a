package planner_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// TestApplyKeepsWhatItDoesNotManage applies a change to a state Terraform
// wrote and checks that what vpcplan does not manage is written back as it
// was: outputs it cannot compute, terraform_version, instances of types
// outside the catalog and an unchanged instance with
// attributes its schema does not know; and that an instance of a module the configuration no longer calls is destroyed.
func TestApplyKeepsWhatItDoesNotManage(t *testing.T) {
	dir := t.TempDir()
	src := `
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
resource "terraform_data" "naming" {
  input = "net"
}
resource "random_pet" "gone" {}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
  tags = {
    Name = terraform_data.naming.output
  }
}
output "name" {
  value = terraform_data.naming.output
}
output "pet" {
  value = random_pet.gone.id
}
output "new_pet" {
  value = random_pet.gone.id
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// The VPC as vpcplan records it, plus an attribute of another
	// provider version.
	const vpc = `{"arn":"arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-1","assign_generated_ipv6_cidr_block":null,"cidr_block":"10.0.0.0/16","default_network_acl_id":"acl-1","default_route_table_id":"rtb-1","default_security_group_id":"sg-1","dhcp_options_id":"dopt-1","enable_dns_hostnames":false,"enable_dns_support":true,"enable_network_address_usage_metrics":null,"future_flag":true,"id":"vpc-1","instance_tenancy":"default","ipv4_ipam_pool_id":null,"ipv4_netmask_length":null,"ipv6_association_id":null,"ipv6_cidr_block":null,"ipv6_cidr_block_network_border_group":null,"ipv6_ipam_pool_id":null,"ipv6_netmask_length":null,"main_route_table_id":"rtb-1","owner_id":"111111111111","region":"eu-west-1","tags":null,"tags_all":{}}`
	prior := state.New("1.9.8")
	prior.Outputs = map[string]*state.OutputState{
		"name": {Value: json.RawMessage(`"net"`), Type: json.RawMessage(`"string"`)},
		"pet":  {Value: json.RawMessage(`"calm-owl"`), Type: json.RawMessage(`"string"`)},
		"old":  {Value: json.RawMessage(`1`), Type: json.RawMessage(`"number"`)},
	}
	prior.Resources = []*state.Resource{
		{Mode: "managed", Type: "aws_vpc", Name: "main", Provider: `provider["registry.terraform.io/hashicorp/aws"]`, Instances: []*state.Instance{
			{SchemaVersion: 1, Attributes: json.RawMessage(vpc), SensitiveAttributes: json.RawMessage(`[]`), Private: "eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ=="},
		}},
		{Mode: "managed", Type: "terraform_data", Name: "naming", Provider: `provider["terraform.io/builtin/terraform"]`, Instances: []*state.Instance{
			{Attributes: json.RawMessage(`{"id":"d-1","input":{"value":"net","type":"string"},"output":{"value":"net","type":"string"},"triggers_replace":null}`), SensitiveAttributes: json.RawMessage(`[]`)},
		}},
		{Module: "module.vpc", Mode: "managed", Type: "aws_vpc", Name: "this", Provider: `provider["registry.terraform.io/hashicorp/aws"]`, Instances: []*state.Instance{
			{IndexKey: json.RawMessage(`0`), SchemaVersion: 1, Attributes: json.RawMessage(`{"id":"vpc-2","cidr_block":"10.1.0.0/16"}`)},
		}},
	}
	store := &state.MemStore{}
	if err := store.Save(prior); err != nil {
		t.Fatal(err)
	}
	prior, _ = store.Load()

	catalog := schema.NewCatalog()
	loader := config.NewLoader(catalog)
	cfg, diags := loader.Load([]string{dir})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	idx, diags := planner.IndexPrior(prior, catalog)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	walk := planner.NewWalk(idx, planner.Options{ToolVersion: "test"})
	m, diags := loader.Evaluate(context.Background(), cfg, walk.EvalOptions(config.Options{Mode: config.PlanMode, Foreign: planner.ForeignValues(prior)}))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	p, diags := walk.Plan(context.Background(), m, prior)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	got, _, diags := planner.Apply(context.Background(), p, planner.ApplyOptions{
		Store:       store,
		Catalog:     catalog,
		ToolVersion: "test",
		Evaluate: func(ctx context.Context, known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
			return loader.Evaluate(ctx, cfg, config.Options{Mode: config.PlanMode, Known: known, Finalize: finalize, Foreign: planner.ForeignValues(p.Prior)})
		},
	})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}

	if got.TerraformVersion != "1.9.8" {
		t.Errorf("terraform_version = %q, want the prior state's \"1.9.8\"", got.TerraformVersion)
	}
	outputs := map[string]string{}
	for name, o := range got.Outputs {
		outputs[name] = string(o.Value) + " " + string(o.Type)
	}
	wantOutputs := map[string]string{
		"name":    `"net" "string"`,      // from the recorded terraform_data
		"pet":     `"calm-owl" "string"`, // unknown to vpcplan: the recorded value stands
		"new_pet": `null "dynamic"`,      // unknown and never recorded
	}
	if diff := cmp.Diff(wantOutputs, outputs); diff != "" {
		t.Errorf("outputs mismatch (-want +got):\n%s", diff)
	}
	byAddr := map[string]*state.Instance{}
	for _, r := range got.Resources {
		for _, inst := range r.Instances {
			byAddr[r.Module+"|"+r.Type+"."+r.Name] = inst
		}
	}
	// A module instance whose call the configuration no longer has is
	// destroyed, as Terraform destroys it.
	if inst := byAddr["module.vpc|aws_vpc.this"]; inst != nil {
		t.Errorf("module.vpc.aws_vpc.this[0] kept, want it destroyed: the configuration calls no module \"vpc\"")
	}
	for _, r := range prior.Resources {
		if r.Module != "" {
			continue
		}
		want := r.Instances[0]
		inst := byAddr[r.Module+"|"+r.Type+"."+r.Name]
		if diff := cmp.Diff(want, inst); diff != "" {
			t.Errorf("%s %s.%s changed (-want +got):\n%s", r.Module, r.Type, r.Name, diff)
		}
	}
	subnet := byAddr["|aws_subnet.a"]
	if subnet == nil {
		t.Fatal("aws_subnet.a was not created")
	}
	var attrs struct {
		Tags map[string]string `json:"tags"`
	}
	if err := json.Unmarshal(subnet.Attributes, &attrs); err != nil || attrs.Tags["Name"] != "net" {
		t.Errorf("aws_subnet.a tags = %v (%v), want Name = \"net\" from terraform_data.naming", attrs.Tags, err)
	}
}
