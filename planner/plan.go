package planner

import (
	"time"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// Action is what a plan does to one resource instance.
type Action int

const (
	NoOp Action = iota
	Create
	Read
	Update
	DeleteThenCreate // replace, the default order
	CreateThenDelete // replace under lifecycle create_before_destroy
	Delete
)

// Symbol is the action's three-column marker in the plan text.
func (a Action) Symbol() string {
	switch a {
	case Create:
		return "  +"
	case Read:
		return " <="
	case Update:
		return "  ~"
	case DeleteThenCreate:
		return "-/+"
	case CreateThenDelete:
		return "+/-"
	case Delete:
		return "  -"
	}
	return "   "
}

// JSON is the action list of Terraform's JSON plan representation.
func (a Action) JSON() []string {
	switch a {
	case Create:
		return []string{"create"}
	case Read:
		return []string{"read"}
	case Update:
		return []string{"update"}
	case DeleteThenCreate:
		return []string{"delete", "create"}
	case CreateThenDelete:
		return []string{"create", "delete"}
	case Delete:
		return []string{"delete"}
	}
	return []string{"no-op"}
}

// IsReplace reports whether the action replaces the instance.
func (a Action) IsReplace() bool { return a == DeleteThenCreate || a == CreateThenDelete }

// Change is the planned change of one resource instance.
//
//	Action            Before                After
//	Create            null                  planned value, unknown where AWS computes it
//	Update            prior value           planned value
//	DeleteThenCreate  prior value           planned value of the new object
//	CreateThenDelete  prior value           planned value of the new object
//	Delete            prior value           null
//	NoOp              prior value           the same value
type Change struct {
	Addr   schema.InstanceAddr
	Schema *schema.Resource
	Action Action
	// Reason is Terraform's action reason, such as
	// "replace_because_cannot_update" or
	// "delete_because_no_resource_config"; "" when there is none.
	Reason string
	Before cty.Value
	After  cty.Value
	// BeforeSensitive and AfterSensitive are the sensitive paths of each.
	BeforeSensitive []cty.Path
	AfterSensitive  []cty.Path
	// RequiresReplace lists the paths whose change forces the replacement.
	RequiresReplace []cty.Path
	// External lists the paths of After that keep their prior value
	// because they derive from values outside vpcplan's model that it
	// cannot know (see config.Instance.ExternalPaths), sorted.
	External []cty.Path
	// Provider is the provider address as state records it:
	// provider["registry.terraform.io/hashicorp/aws"] or with ".alias".
	Provider string
	// Dependencies are the resource blocks the instance depends on, sorted.
	Dependencies        []schema.Addr
	CreateBeforeDestroy bool
	// Moved is set when a moved block moved the instance from
	// PreviousAddr, where the prior state recorded it.
	Moved        bool
	PreviousAddr schema.InstanceAddr
	// Account and Region of the instance, "" when unknown; apply uses them
	// for ARNs.
	Account, Region, Partition string
}

// OutputChange is the planned change of one root module output.
type OutputChange struct {
	Name      string
	Action    Action // Create, Update, Delete or NoOp
	Before    cty.Value
	After     cty.Value
	Sensitive bool
	// External is set when After is the recorded value, kept because the
	// configuration's derives from values outside vpcplan's model.
	External bool
}

// Plan is a complete plan.
type Plan struct {
	// Destroy is true for a plan made with -destroy.
	Destroy bool
	// Changes holds every resource instance change, no-ops included,
	// sorted by address.
	Changes []*Change
	// Outputs holds every output change, sorted by name.
	Outputs []*OutputChange
	// Prior is the state the plan was made against (never nil: an empty
	// state with a fresh lineage when there was none), and PriorExisted
	// says whether it was stored.
	Prior        *state.State
	PriorExisted bool
	// Model is the evaluated configuration the plan was made from.
	Model *config.Model
	// Timestamp is when the plan was made; zero when unknown.
	Timestamp time.Time
}

// Counts returns Terraform's summary numbers: a replacement counts as one
// add and one destroy.
func (p *Plan) Counts() (add, change, destroy int) {
	for _, c := range p.Changes {
		if c.Addr.Resource.Mode == schema.DataMode {
			continue
		}
		switch c.Action {
		case Create:
			add++
		case Update:
			change++
		case Delete:
			destroy++
		case DeleteThenCreate, CreateThenDelete:
			add++
			destroy++
		}
	}
	return add, change, destroy
}

// ExternalCount returns how many values of the plan derive from values
// outside vpcplan's model and were assumed unchanged: arguments of
// instances (Change.External) and outputs.
func (p *Plan) ExternalCount() int {
	n := 0
	for _, c := range p.Changes {
		n += len(c.External)
	}
	for _, o := range p.Outputs {
		if o.External {
			n++
		}
	}
	return n
}

// HasChanges reports whether applying the plan would change anything:
// a resource or an output.
func (p *Plan) HasChanges() bool {
	for _, c := range p.Changes {
		if (c.Action != NoOp && c.Action != Read) || c.Moved {
			return true
		}
	}
	for _, o := range p.Outputs {
		if o.Action != NoOp {
			return true
		}
	}
	return false
}
