package pgstore

import "hash/fnv"

// lockKey is the advisory lock key of a workspace: a hash of the schema
// and the workspace, so that every state has its own (Terraform's creation
// lock, -1, is one key for every state of the database, and blocks
// unrelated projects). Terraform's keys are the rows' ids, small positive
// numbers; these are spread over all of int64.
func lockKey(schema, workspace string) int64 {
	return hashKey("vpcplan-lock\x00" + schema + "\x00" + workspace)
}

// creationKey serializes the creation of one schema's tables.
func creationKey(schema string) int64 {
	return hashKey("vpcplan-create\x00" + schema)
}

func hashKey(s string) int64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return int64(h.Sum64())
}
