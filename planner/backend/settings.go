package backend

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/internal/inputfile"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Settings are what the command line and the environment say of the
// backend.
type Settings struct {
	// StatePath is -state: the local backend's state file.
	StatePath string
	// BackendConfig are the -backend-config arguments in order: KEY=VALUE,
	// or the path of a file of KEY = VALUE attributes.
	BackendConfig []string
	// Env holds the environment variables the backends read (PG_CONN_STR,
	// PG_SCHEMA_NAME, PG_SKIP_*): the caller reads the environment.
	Env map[string]string
	// Workspace selects the state; empty means "default".
	Workspace string
	// Limits bound the files the backend reads: -backend-config files
	// and the local backend's state file (FileSize). A zero field means
	// its bound's default.
	Limits bounds.Limits
}

// EnvVars are the environment variables Settings.Env may hold.
var EnvVars = []string{"PG_CONN_STR", "PG_SCHEMA_NAME", "PG_SKIP_SCHEMA_CREATION", "PG_SKIP_TABLE_CREATION", "PG_SKIP_INDEX_CREATION"}

// attrType is each backend's arguments and their types.
var attrTypes = map[string]map[string]cty.Type{
	"local": {"path": cty.String, "workspace_dir": cty.String},
	"pg": {
		"conn_str": cty.String, "schema_name": cty.String,
		"skip_schema_creation": cty.Bool, "skip_table_creation": cty.Bool, "skip_index_creation": cty.Bool,
	},
}

// values merges the block's arguments and the -backend-config ones,
// checking names and types. Values are constants: backends are configured
// before anything is evaluated, as in Terraform. Files of overrides are
// read within maxFileSize bytes.
func values(typ string, body hcl.Body, overrides []string, maxFileSize int64) (map[string]cty.Value, hcl.Diagnostics) {
	types := attrTypes[typ]
	out := map[string]cty.Value{}
	var diags hcl.Diagnostics
	if body != nil {
		attrs, moreDiags := body.JustAttributes()
		diags = append(diags, moreDiags...)
		for name, a := range attrs {
			v, moreDiags := constant(typ, types, name, a.Expr, a.NameRange)
			diags = append(diags, moreDiags...)
			if v != cty.NilVal {
				out[name] = v
			}
		}
	}
	for _, arg := range overrides {
		key, raw, ok := strings.Cut(arg, "=")
		if !ok {
			moreDiags := fileValues(typ, types, arg, out, maxFileSize)
			diags = append(diags, moreDiags...)
			continue
		}
		key = strings.TrimSpace(key)
		t, known := types[key]
		if !known {
			diags = append(diags, unknownArg(typ, key, nil))
			continue
		}
		v, err := convert.Convert(cty.StringVal(raw), t)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid backend configuration argument",
				Detail: fmt.Sprintf("The value of -backend-config=%s=... must be a %s.", key, t.FriendlyName())})
			continue
		}
		out[key] = v
	}
	return out, diags
}

func fileValues(typ string, types map[string]cty.Type, path string, out map[string]cty.Value, maxFileSize int64) hcl.Diagnostics {
	src, err := inputfile.ReadFile(path, maxFileSize)
	if err != nil {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid backend configuration argument",
			Detail: fmt.Sprintf("-backend-config=%q is neither KEY=VALUE nor a readable file: %s.", path, err)}}
	}
	f, diags := hclparse.NewParser().ParseHCL(src, path)
	if diags.HasErrors() {
		return diags
	}
	attrs, moreDiags := f.Body.JustAttributes()
	diags = append(diags, moreDiags...)
	for name, a := range attrs {
		v, moreDiags := constant(typ, types, name, a.Expr, a.NameRange)
		diags = append(diags, moreDiags...)
		if v != cty.NilVal {
			out[name] = v
		}
	}
	return diags
}

func constant(typ string, types map[string]cty.Type, name string, expr hcl.Expression, nameRange hcl.Range) (cty.Value, hcl.Diagnostics) {
	t, known := types[name]
	if !known {
		return cty.NilVal, hcl.Diagnostics{unknownArg(typ, name, &nameRange)}
	}
	if len(expr.Variables()) > 0 {
		return cty.NilVal, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Variables not allowed",
			Detail: "Variables may not be used here: a backend is configured before anything is evaluated. Use -backend-config or the environment instead.", Subject: expr.Range().Ptr()}}
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	if v.IsNull() {
		return cty.NilVal, nil
	}
	cv, err := convert.Convert(v, t)
	if err != nil {
		return cty.NilVal, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Incorrect attribute value type",
			Detail: fmt.Sprintf("Inappropriate value for attribute %q: %s required.", name, t.FriendlyName()), Subject: expr.Range().Ptr()}}
	}
	return cv, nil
}

func unknownArg(typ, name string, subject *hcl.Range) *hcl.Diagnostic {
	names := make([]string, 0, len(attrTypes[typ]))
	for n := range attrTypes[typ] {
		names = append(names, n)
	}
	sort.Strings(names)
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unsupported argument",
		Detail:  fmt.Sprintf("The %q backend has no argument named %q; its arguments are %s.", typ, name, strings.Join(names, ", ")),
		Subject: subject}
}

// str returns a string setting: the merged value, else the environment
// variable, else def.
func str(vals map[string]cty.Value, key string, env map[string]string, envVar, def string) string {
	if v, ok := vals[key]; ok {
		return v.AsString()
	}
	if e := env[envVar]; e != "" {
		return e
	}
	return def
}

// flag is str for the bool settings.
func flag(vals map[string]cty.Value, key string, env map[string]string, envVar string) (bool, error) {
	if v, ok := vals[key]; ok {
		return v.True(), nil
	}
	if e := env[envVar]; e != "" {
		b, err := strconv.ParseBool(e)
		if err != nil {
			return false, fmt.Errorf("%s=%q is not a boolean", envVar, e)
		}
		return b, nil
	}
	return false, nil
}
