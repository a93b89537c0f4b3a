package planner

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"github.com/vpcplan/vpcplan/planner/state"
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

// PlanAccount is the assumed account a plan against prior evaluates the
// configuration with (config.Options.AssumedAccount): the state's
// AssumedAccount, or "" when there is no state yet. A new state's lineage,
// and so its account, is only fixed when apply first saves it, so before
// that the account is unknown, as it would be to Terraform without
// credentials: data "aws_caller_identity" reads (known after apply), and so
// does every value built from it. A plan therefore never shows an account
// id that a second plan of the same configuration would not (each plan
// picks a new random lineage), and the apply fills in the account that the
// state then keeps, so the next plan has no changes. A count or for_each
// that depends on the account cannot be planned on a new state; the
// provider's allowed_account_ids makes the account known.
func PlanAccount(prior *state.State) string {
	if prior == nil {
		return ""
	}
	return AssumedAccount(prior.Lineage)
}
