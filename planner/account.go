package planner

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
)

// AssumedAccount is the account id vpcplan uses for a state whose provider
// configurations do not say which account they use (no
// allowed_account_ids, no assume_role): they are taken to share one set of
// credentials, so one account, and apply needs one for ids, ARNs and
// data "aws_caller_identity". It derives from the state's lineage, so the
// state records it: every plan and apply of one state agree on it, and a
// new state gets another. Rules never see it: an instance's Account stays
// unknown, so no rule concludes that two resources sit in different
// accounts from it.
func AssumedAccount(lineage string) string {
	sum := sha256.Sum256([]byte("vpcplan assumed account\x00" + lineage))
	n := binary.BigEndian.Uint64(sum[:8]) % 1_000_000_000_000
	return fmt.Sprintf("%012d", n)
}
