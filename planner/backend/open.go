package backend

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"

	"github.com/hashicorp/go-multierror"
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/planner/state/pgstore"
	"github.com/zclconf/go-cty/cty"
)

// DefaultWorkspace is the workspace selected when none is.
const DefaultWorkspace = "default"

// Backend is an opened backend: the Store of the selected workspace.
type Backend struct {
	// Type is "local" or "pg".
	Type string
	// Workspace is the selected workspace.
	Workspace string
	// Store reads and writes the workspace's state.
	Store state.Store
	// Where says where the state lives, for messages: a file path, or the
	// pg schema and workspace.
	Where string
	close func() error
}

// Close releases the backend's resources (the database connection, and
// with it a lock left held).
func (b *Backend) Close() error {
	if b == nil || b.close == nil {
		return nil
	}
	return b.close()
}

var workspaceRE = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)

// Open opens the backend the block (nil for none) and the settings
// select. The diagnostics hold the errors that prevent it, naming the
// backend and the cause, and warnings; nothing is written.
func Open(ctx context.Context, block *config.Backend, s Settings) (*Backend, hcl.Diagnostics) {
	typ := "local"
	var body hcl.Body
	var subject *hcl.Range
	if block != nil {
		typ, body, subject = block.Type, block.Body, block.DeclRange.Ptr()
	}
	workspace := s.Workspace
	if workspace == "" {
		workspace = DefaultWorkspace
	}
	if !workspaceRE.MatchString(workspace) {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid workspace name",
			Detail: fmt.Sprintf("The workspace name %q is not allowed: use letters, digits, '_', '-' and '.'.", workspace)}}
	}
	var diags hcl.Diagnostics
	if _, ok := attrTypes[typ]; !ok {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Unsupported backend type",
			Detail:  fmt.Sprintf("vpcplan keeps state in the local file or in PostgreSQL (backend \"pg\"); it cannot use the %q backend, and keeps this configuration's state in the local file %s.", typ, s.StatePath),
			Subject: subject})
		typ, body = "local", nil
	}
	vals, moreDiags := values(typ, body, s.BackendConfig, s.Limits.FileSize)
	diags = append(diags, moreDiags...)
	if diags.HasErrors() {
		return nil, diags
	}
	switch typ {
	case "pg":
		b, moreDiags := openPG(ctx, vals, s, workspace, subject)
		return b, append(diags, moreDiags...)
	}
	path := str(vals, "path", nil, "", s.StatePath)
	if workspace != DefaultWorkspace {
		// Terraform's layout: terraform.tfstate.d/NAME/terraform.tfstate.
		dir := str(vals, "workspace_dir", nil, "", filepath.Base(s.StatePath)+".d")
		path = filepath.Join(dir, workspace, filepath.Base(s.StatePath))
	}
	return &Backend{Type: "local", Workspace: workspace, Store: &state.FileStore{Path: path, MaxSize: s.Limits.FileSize}, Where: path}, diags
}

func openPG(ctx context.Context, vals map[string]cty.Value, s Settings, workspace string, subject *hcl.Range) (*Backend, hcl.Diagnostics) {
	cfg := pgstore.Config{
		ConnStr:   str(vals, "conn_str", s.Env, "PG_CONN_STR", ""),
		Schema:    str(vals, "schema_name", s.Env, "PG_SCHEMA_NAME", pgstore.DefaultSchema),
		Workspace: workspace,
	}
	var errs *multierror.Error
	var err error
	if cfg.SkipSchemaCreation, err = flag(vals, "skip_schema_creation", s.Env, "PG_SKIP_SCHEMA_CREATION"); err != nil {
		errs = multierror.Append(errs, err)
	}
	if cfg.SkipTableCreation, err = flag(vals, "skip_table_creation", s.Env, "PG_SKIP_TABLE_CREATION"); err != nil {
		errs = multierror.Append(errs, err)
	}
	if cfg.SkipIndexCreation, err = flag(vals, "skip_index_creation", s.Env, "PG_SKIP_INDEX_CREATION"); err != nil {
		errs = multierror.Append(errs, err)
	}
	if err := errs.ErrorOrNil(); err != nil {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: `Invalid "pg" backend configuration`, Detail: err.Error() + ".", Subject: subject}}
	}
	st, err := pgstore.Open(ctx, cfg)
	if err != nil {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: `Failed to open the "pg" backend`, Detail: err.Error() + ".", Subject: subject}}
	}
	return &Backend{
		Type: "pg", Workspace: workspace, Store: st,
		Where: fmt.Sprintf("workspace %q of schema %q (PostgreSQL)", workspace, st.Schema()),
		close: st.Close,
	}, nil
}
