package pgstore

import (
	"errors"
	"fmt"
	"regexp"

	"github.com/hashicorp/go-multierror"
)

// DefaultSchema is the schema Terraform's pg backend uses by default.
const DefaultSchema = "terraform_remote_state"

// DefaultWorkspace is the workspace used when none is selected.
const DefaultWorkspace = "default"

// Config is what a Store needs to reach its state.
type Config struct {
	// ConnStr is a libpq connection string or postgres:// URL.
	ConnStr string
	// Schema holds the tables; empty means DefaultSchema.
	Schema string
	// Workspace names the state among the schema's; empty means
	// DefaultWorkspace.
	Workspace string
	// SkipSchemaCreation, SkipTableCreation and SkipIndexCreation are
	// Terraform's skip_* settings: the schema, tables or index exist
	// already and the role may not create them.
	SkipSchemaCreation, SkipTableCreation, SkipIndexCreation bool
}

var workspaceRE = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)

// normalized fills the defaults and checks the names.
func (c Config) normalized() (Config, error) {
	if c.Schema == "" {
		c.Schema = DefaultSchema
	}
	if c.Workspace == "" {
		c.Workspace = DefaultWorkspace
	}
	var errs *multierror.Error
	if c.ConnStr == "" {
		errs = multierror.Append(errs, errors.New("conn_str is not set: give it in the backend block, with -backend-config=conn_str=..., or in PG_CONN_STR"))
	}
	if !workspaceRE.MatchString(c.Workspace) {
		errs = multierror.Append(errs, fmt.Errorf("the workspace name %q is not valid: use letters, digits, '_', '-' and '.'", c.Workspace))
	}
	if errs != nil {
		errs.ErrorFormat = listErrors
	}
	return c, errs.ErrorOrNil()
}
