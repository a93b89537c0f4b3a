package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// moduleFiles is a root module calling ./modules/net twice (for_each)
// through a provider alias, and that module calling ./modules/net/sub,
// which inherits the provider.
var moduleFiles = map[string]string{
	"main.tf": `
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

module "net" {
  source   = "./modules/net"
  version  = ">= 1.0, < 2.0"
  for_each = toset(["a", "b"])
  cidr     = "10.1.0.0/16"
  vpc_id   = aws_vpc.main.id
  unused   = "not a variable of the module"
  providers = {
    aws = aws.west
  }
  depends_on = [aws_vpc.main]
}

output "net" {
  value = module.net["a"].subnet_id
}
`,
	"modules/net/main.tf": `
variable "cidr" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "size" {
  type    = number
  default = "8"
}

data "aws_region" "current" {}

resource "aws_subnet" "this" {
  count      = 1
  vpc_id     = var.vpc_id
  cidr_block = cidrsubnet(var.cidr, var.size, count.index)
}

module "sub" {
  source = "./sub"
  subnet = aws_subnet.this[0].id
}

output "subnet_id" {
  value = module.sub.id
}
`,
	"modules/net/sub/main.tf": `
variable "subnet" {
  type = string
}

resource "aws_route_table" "rt" {
  vpc_id = "vpc-123"
}

output "id" {
  value = var.subnet
}
`,
}

// loadModuleConfig loads moduleFiles into a temporary directory.
func loadModuleConfig(t *testing.T) *config.Config {
	t.Helper()
	dir := t.TempDir()
	for name, src := range moduleFiles {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := config.NewLoader(schema.NewCatalog())
	cfg, diags := l.Load([]string{dir})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	for _, mc := range cfg.Modules {
		if mc.Child == nil {
			t.Fatalf("module %q was not loaded", mc.Name)
		}
	}
	return cfg
}

func mustAddr(t *testing.T, s string) schema.InstanceAddr {
	t.Helper()
	a, diags := schema.ParseInstanceAddr(s)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return a
}

// modulePlan is a plan of synthetic changes over module instances,
// against a prior state that holds module instances too.
func modulePlan(t *testing.T) *planner.Plan {
	t.Helper()
	cfg := loadModuleConfig(t)
	obj := cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("x")})
	change := func(addr string, a planner.Action) *planner.Change {
		c := &planner.Change{Addr: mustAddr(t, addr), Action: a, Before: cty.NullVal(obj.Type()), After: obj}
		if a == planner.Delete {
			c.Before, c.After = obj, cty.NullVal(obj.Type())
		}
		return c
	}
	prior, err := state.Decode([]byte(`{
  "version": 4, "terraform_version": "1.11.4", "serial": 2, "lineage": "l", "outputs": {},
  "resources": [
    {"mode": "managed", "type": "aws_vpc", "name": "main", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"schema_version": 1, "attributes": {"id": "vpc-1"}}]},
    {"module": "module.old[\"z\"].module.deep", "mode": "managed", "type": "aws_vpc", "name": "gone", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"index_key": 0, "schema_version": 1, "attributes": {"id": "vpc-3"}}]},
    {"module": "module.net[\"a\"]", "mode": "data", "type": "aws_region", "name": "current", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"].west",
     "instances": [{"schema_version": 0, "attributes": {"name": "us-west-2"}}]},
    {"module": "module.net[\"a\"]", "mode": "managed", "type": "aws_subnet", "name": "this", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"].west",
     "instances": [{"index_key": 0, "schema_version": 1, "attributes": {"id": "subnet-1"}, "dependencies": ["aws_vpc.main"]}]}
  ]
}`))
	if err != nil {
		t.Fatal(err)
	}
	return &planner.Plan{
		Changes: []*planner.Change{
			change("aws_vpc.main", planner.NoOp),
			change(`module.net["a"].data.aws_region.current`, planner.NoOp),
			change(`module.net["a"].aws_subnet.this[0]`, planner.NoOp),
			change(`module.net["a"].module.sub.aws_route_table.rt`, planner.Create),
			change(`module.net["b"].aws_subnet.this[0]`, planner.Create),
			change(`module.net["b"].aws_subnet.this[10]`, planner.Create),
			change(`module.net["b"].aws_subnet.this[2]`, planner.Create),
			change(`module.old["z"].module.deep.aws_vpc.gone[0]`, planner.Delete),
		},
		Prior:        prior,
		PriorExisted: true,
		Model:        &config.Model{Config: cfg, Variables: map[string]cty.Value{}},
	}
}

// jsonTree is the part of the values representation the module tests
// compare: module addresses and the addresses of their resources.
type jsonTree struct {
	Address      string     `json:"address"`
	Resources    []jsonAddr `json:"resources"`
	ChildModules []jsonTree `json:"child_modules"`
}

type jsonAddr struct {
	Address string `json:"address"`
}

func tree(addr string, resources []string, children ...jsonTree) jsonTree {
	t := jsonTree{Address: addr, ChildModules: children}
	for _, r := range resources {
		t.Resources = append(t.Resources, jsonAddr{r})
	}
	return t
}

func TestPlanJSONModules(t *testing.T) {
	var buf bytes.Buffer
	if err := PlanJSON(&buf, modulePlan(t), "test", time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	var got struct {
		PlannedValues struct {
			RootModule jsonTree `json:"root_module"`
		} `json:"planned_values"`
		ResourceChanges []struct {
			Address       string `json:"address"`
			ModuleAddress string `json:"module_address"`
			Mode          string `json:"mode"`
			Name          string `json:"name"`
			Index         any    `json:"index"`
		} `json:"resource_changes"`
		PriorState struct {
			Values struct {
				RootModule jsonTree `json:"root_module"`
			} `json:"values"`
		} `json:"prior_state"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}

	// Planned values: deleted instances left out, every module instance
	// nested in its parent, children and resources sorted by address as
	// strings, as Terraform sorts them (this[10] before this[2]).
	wantPlanned := tree("", []string{"aws_vpc.main"},
		tree(`module.net["a"]`, []string{`module.net["a"].aws_subnet.this[0]`, `module.net["a"].data.aws_region.current`},
			tree(`module.net["a"].module.sub`, []string{`module.net["a"].module.sub.aws_route_table.rt`})),
		tree(`module.net["b"]`, []string{`module.net["b"].aws_subnet.this[0]`, `module.net["b"].aws_subnet.this[10]`, `module.net["b"].aws_subnet.this[2]`}),
	)
	if diff := cmp.Diff(wantPlanned, got.PlannedValues.RootModule); diff != "" {
		t.Errorf("planned_values.root_module mismatch (-want +got):\n%s", diff)
	}

	type rc struct{ Address, ModuleAddress, Mode, Name string }
	var gotChanges []rc
	for _, c := range got.ResourceChanges {
		gotChanges = append(gotChanges, rc{c.Address, c.ModuleAddress, c.Mode, c.Name})
	}
	wantChanges := []rc{
		{"aws_vpc.main", "", "managed", "main"},
		{`module.net["a"].data.aws_region.current`, `module.net["a"]`, "data", "current"},
		{`module.net["a"].aws_subnet.this[0]`, `module.net["a"]`, "managed", "this"},
		{`module.net["a"].module.sub.aws_route_table.rt`, `module.net["a"].module.sub`, "managed", "rt"},
		{`module.net["b"].aws_subnet.this[0]`, `module.net["b"]`, "managed", "this"},
		{`module.net["b"].aws_subnet.this[10]`, `module.net["b"]`, "managed", "this"},
		{`module.net["b"].aws_subnet.this[2]`, `module.net["b"]`, "managed", "this"},
		{`module.old["z"].module.deep.aws_vpc.gone[0]`, `module.old["z"].module.deep`, "managed", "gone"},
	}
	if diff := cmp.Diff(wantChanges, gotChanges); diff != "" {
		t.Errorf("resource_changes mismatch (-want +got):\n%s", diff)
	}

	// Prior state: a module instance without resources of its own
	// (module.old["z"]) is written on the way to its child.
	wantPrior := tree("", []string{"aws_vpc.main"},
		tree(`module.net["a"]`, []string{`module.net["a"].data.aws_region.current`, `module.net["a"].aws_subnet.this[0]`}),
		tree(`module.old["z"]`, nil,
			tree(`module.old["z"].module.deep`, []string{`module.old["z"].module.deep.aws_vpc.gone[0]`})),
	)
	if diff := cmp.Diff(wantPrior, got.PriorState.Values.RootModule); diff != "" {
		t.Errorf("prior_state.values.root_module mismatch (-want +got):\n%s", diff)
	}
}

func TestStateJSONModules(t *testing.T) {
	var buf bytes.Buffer
	if err := StateJSON(&buf, modulePlan(t).Prior, "test"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Values struct {
			RootModule struct {
				jsonTree
				ChildModules []struct {
					Address   string `json:"address"`
					Resources []struct {
						Address   string   `json:"address"`
						Index     any      `json:"index"`
						DependsOn []string `json:"depends_on"`
					} `json:"resources"`
				} `json:"child_modules"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	net := got.Values.RootModule.ChildModules
	if len(net) != 2 || net[0].Address != `module.net["a"]` || len(net[0].Resources) != 2 {
		t.Fatalf("child_modules = %+v, want module.net[\"a\"] with 2 resources first", net)
	}
	r := net[0].Resources[1]
	if r.Address != `module.net["a"].aws_subnet.this[0]` || r.Index != float64(0) || !cmp.Equal(r.DependsOn, []string{"aws_vpc.main"}) {
		t.Errorf("got %+v, want module.net[\"a\"].aws_subnet.this[0] with index 0 and its dependencies", r)
	}
}

func TestPlanJSONModuleCalls(t *testing.T) {
	var buf bytes.Buffer
	if err := PlanJSON(&buf, modulePlan(t), "test", time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Configuration struct {
			ProviderConfig map[string]json.RawMessage `json:"provider_config"`
			RootModule     struct {
				ModuleCalls map[string]json.RawMessage `json:"module_calls"`
				Outputs     map[string]json.RawMessage `json:"outputs"`
			} `json:"root_module"`
		} `json:"configuration"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	// The module's own provider configurations are inherited or passed,
	// so the only ones written are the root module's.
	var keys []string
	for k := range got.Configuration.ProviderConfig {
		keys = append(keys, k)
	}
	if diff := cmp.Diff([]string{"aws", "aws.west"}, sortedStrings(keys)); diff != "" {
		t.Errorf("provider_config keys (-want +got):\n%s", diff)
	}
	wantOutput := `{"expression":{"references":["module.net[\"a\"].subnet_id","module.net[\"a\"]"]}}`
	if diff := cmp.Diff(wantOutput, string(got.Configuration.RootModule.Outputs["net"])); diff != "" {
		t.Errorf("output mismatch (-want +got):\n%s", diff)
	}
	want := `{
  "source": "./modules/net",
  "expressions": {
    "cidr": {
      "constant_value": "10.1.0.0/16"
    },
    "vpc_id": {
      "references": [
        "aws_vpc.main.id",
        "aws_vpc.main"
      ]
    }
  },
  "module": {
    "outputs": {
      "subnet_id": {
        "expression": {
          "references": [
            "module.sub.id",
            "module.sub"
          ]
        }
      }
    },
    "resources": [
      {
        "address": "aws_subnet.this",
        "mode": "managed",
        "type": "aws_subnet",
        "name": "this",
        "provider_config_key": "aws.west",
        "expressions": {
          "cidr_block": {
            "references": [
              "var.cidr",
              "var.size",
              "count.index"
            ]
          },
          "vpc_id": {
            "references": [
              "var.vpc_id"
            ]
          }
        },
        "schema_version": 0,
        "count_expression": {
          "constant_value": 1
        }
      },
      {
        "address": "data.aws_region.current",
        "mode": "data",
        "type": "aws_region",
        "name": "current",
        "provider_config_key": "aws.west",
        "schema_version": 0
      }
    ],
    "module_calls": {
      "sub": {
        "source": "./sub",
        "expressions": {
          "subnet": {
            "references": [
              "aws_subnet.this[0].id",
              "aws_subnet.this[0]",
              "aws_subnet.this"
            ]
          }
        },
        "module": {
          "outputs": {
            "id": {
              "expression": {
                "references": [
                  "var.subnet"
                ]
              }
            }
          },
          "resources": [
            {
              "address": "aws_route_table.rt",
              "mode": "managed",
              "type": "aws_route_table",
              "name": "rt",
              "provider_config_key": "aws.west",
              "expressions": {
                "vpc_id": {
                  "constant_value": "vpc-123"
                }
              },
              "schema_version": 0
            }
          ],
          "variables": {
            "subnet": {}
          }
        }
      }
    },
    "variables": {
      "cidr": {},
      "size": {
        "default": 8
      },
      "vpc_id": {}
    }
  },
  "version_constraint": ">= 1.0, < 2.0",
  "depends_on": [
    "aws_vpc.main"
  ]
}`
	var indented bytes.Buffer
	if err := json.Indent(&indented, got.Configuration.RootModule.ModuleCalls["net"], "", "  "); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, indented.String()); diff != "" {
		t.Errorf("module_calls.net mismatch (-want +got):\n%s", diff)
	}
}

// TestPlanJSONModuleNotLoaded checks a call whose module was not loaded:
// its arguments are all written, its module is empty.
func TestPlanJSONModuleNotLoaded(t *testing.T) {
	cfg := loadModuleConfig(t)
	cfg.Modules[0].Child = nil
	jc := configurationJSON(cfg)
	call := jc.RootModule.ModuleCalls["net"]
	b, _ := json.Marshal(call.Module)
	if string(b) != "{}" {
		t.Errorf("module = %s, want {}", b)
	}
	var names []string
	for n := range call.Expressions {
		names = append(names, n)
	}
	if diff := cmp.Diff([]string{"cidr", "unused", "vpc_id"}, sortedStrings(names)); diff != "" {
		t.Errorf("expressions (-want +got):\n%s", diff)
	}
}

func sortedStrings(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
