// Package state holds vpcplan's state: the record of what apply created,
// in Terraform's state v4 layout, so that tools reading Terraform state read
// vpcplan's, and vpcplan reads a real terraform.tfstate as prior state
// (keeping resources of types outside its catalog untouched).
//
// A Store persists snapshots. Every Store guarantees:
//   - Save bumps Serial only when the content differs from the snapshot
//     last loaded or saved, and refuses a state of a foreign lineage.
//   - Save never leaves a partly written state: the file store writes a
//     temporary file beside the state, syncs it, renames it over the
//     state and syncs the directory; the previous snapshot stays in the
//     backup.
//   - A lock dies with its holder, and a conflict names the holder
//     (*LockError).
//
// The conformance suite in package statetest checks every Store.
package state
