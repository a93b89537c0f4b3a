// Package backend chooses where the state lives, as Terraform's backends
// do: the configuration's terraform { backend "TYPE" { ... } } block,
// completed by -backend-config KEY=VALUE (or files of KEY = VALUE lines)
// and by environment variables the caller passes in, opens the Store of
// the selected workspace.
//
// Supported types are "local" (the state file, the default) and "pg"
// (planner/state/pgstore). Precedence, as in Terraform: -backend-config,
// then the block, then the environment, then the defaults.
package backend
