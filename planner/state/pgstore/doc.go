// Package pgstore keeps vpcplan's state in PostgreSQL, in the layout of
// Terraform's pg backend, so that a team can point vpcplan at the database
// its Terraform already uses:
//
//	CREATE SCHEMA terraform_remote_state;
//	CREATE SEQUENCE public.global_states_id_seq AS bigint;
//	CREATE TABLE terraform_remote_state.states (
//	    id bigint NOT NULL DEFAULT nextval('public.global_states_id_seq') PRIMARY KEY,
//	    name text UNIQUE, -- the workspace
//	    data text         -- the state JSON
//	);
//
// Beside it, vpcplan_locks records who holds each workspace's lock, so that
// a conflict names its holder (Terraform's pg backend stores no lock info).
//
// Guarantees, on top of state.Store's:
//   - The tables are created on first use, under a transaction-level
//     advisory lock, and only when missing (a role that may read and write
//     the tables but not create them works once they exist).
//   - The lock is a session-level advisory lock keyed by (schema,
//     workspace): it dies with its holder's connection, and workspaces, and
//     schemas, lock independently. While the workspace has a row, the lock
//     on the row's id, which Terraform's pg backend takes, is held too.
//   - Every Save is one transaction that locks the row and checks that the
//     stored snapshot is still the one this Store last read or wrote, so an
//     update cannot be lost even without the lock (*ConflictError).
package pgstore
