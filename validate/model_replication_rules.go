package validate

import (
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
)

// replicationRule is one rule block of a replication configuration
// (network.ReplicationRule, which the MRAP replication index reads too).
type replicationRule = network.ReplicationRule

// replicationRules returns the known rule blocks of a replication
// configuration.
func replicationRules(rc *config.Instance) []replicationRule { return network.ReplicationRules(rc) }
