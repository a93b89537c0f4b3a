package planner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// PlanFileFormat and PlanFileVersion identify a saved plan. A plan file
// is self-contained: the configuration as planned, the variable values,
// the prior state, and the changes, so that apply carries out exactly what
// was shown.
const (
	PlanFileFormat  = "vpcplan-plan"
	PlanFileVersion = 1
)

// PlanFile is the content of a saved plan (plan -out).
type PlanFile struct {
	Format      string `json:"format"`
	Version     int    `json:"version"`
	ToolVersion string `json:"tool_version"`
	// Dir is the configuration directory file functions resolve against.
	Dir string `json:"dir"`
	// Config maps each configuration file name to its source.
	Config    map[string]string          `json:"config"`
	Variables map[string]json.RawMessage `json:"variables"`
	Destroy   bool                       `json:"destroy"`
	// Timestamp is when the plan was made, RFC 3339: plantimestamp() at
	// apply returns it.
	Timestamp string `json:"timestamp,omitempty"`
	// PriorState is the state the plan was made against; PriorExisted says
	// whether it was stored (a plan on empty state records a fresh
	// lineage that apply adopts).
	PriorState   json.RawMessage  `json:"prior_state"`
	PriorExisted bool             `json:"prior_existed"`
	Changes      []PlanFileChange `json:"changes"`
}

// PlanFileChange records one planned action, to check the re-made plan.
type PlanFileChange struct {
	Address string   `json:"address"`
	Actions []string `json:"actions"`
}

type typedValue struct {
	Value json.RawMessage `json:"value"`
	Type  json.RawMessage `json:"type"`
}

// EncodePlanFile renders a plan as a plan file.
func EncodePlanFile(p *Plan, toolVersion string) ([]byte, error) {
	pf := PlanFile{
		Format: PlanFileFormat, Version: PlanFileVersion, ToolVersion: toolVersion,
		Dir: p.Model.Config.Dir, Config: map[string]string{}, Variables: map[string]json.RawMessage{},
		Destroy: p.Destroy, PriorExisted: p.PriorExisted,
	}
	if !p.Timestamp.IsZero() {
		pf.Timestamp = p.Timestamp.UTC().Format(time.RFC3339Nano)
	}
	// The modules' files too, so that apply carries out this plan even when
	// they change on disk (LoadSources reads them back).
	for name, f := range p.Model.Config.AllFiles() {
		pf.Config[name] = string(f.Bytes)
	}
	for name, v := range p.Model.Variables {
		if !v.IsWhollyKnown() {
			continue
		}
		val, err := ctyjson.Marshal(v, v.Type())
		if err != nil {
			return nil, fmt.Errorf("variable %s: %w", name, err)
		}
		ty, err := ctyjson.MarshalType(v.Type())
		if err != nil {
			return nil, err
		}
		b, _ := json.Marshal(typedValue{Value: val, Type: ty})
		pf.Variables[name] = b
	}
	prior, err := p.Prior.Encode()
	if err != nil {
		return nil, err
	}
	pf.PriorState = prior
	for _, c := range p.Changes {
		pf.Changes = append(pf.Changes, PlanFileChange{Address: c.Addr.String(), Actions: c.Action.JSON()})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(pf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DecodePlanFile reads a plan file, refusing a corrupt file or one written
// by another version of vpcplan.
func DecodePlanFile(data []byte, toolVersion string) (*PlanFile, error) {
	var pf PlanFile
	if err := json.Unmarshal(data, &pf); err != nil {
		return nil, fmt.Errorf("the file is not a vpcplan plan file, or it is corrupt: %s", err)
	}
	if pf.Format != PlanFileFormat {
		return nil, fmt.Errorf("the file is not a vpcplan plan file")
	}
	if pf.Version != PlanFileVersion {
		return nil, fmt.Errorf("the plan file has format version %d, but this vpcplan reads version %d", pf.Version, PlanFileVersion)
	}
	if pf.ToolVersion != toolVersion {
		return nil, fmt.Errorf("the plan file was created by vpcplan %s, but this is %s; plan files cannot be transferred between different vpcplan versions", pf.ToolVersion, toolVersion)
	}
	if len(pf.PriorState) == 0 {
		return nil, fmt.Errorf("the plan file has no prior state; it is corrupt")
	}
	return &pf, nil
}

// Prior decodes the plan's prior state.
func (pf *PlanFile) Prior() (*state.State, error) { return state.Decode(pf.PriorState) }

// Time returns when the plan was made; the zero time when the file does
// not say.
func (pf *PlanFile) Time() time.Time {
	t, err := time.Parse(time.RFC3339Nano, pf.Timestamp)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Sources returns the configuration snapshot.
func (pf *PlanFile) Sources() map[string][]byte {
	out := make(map[string][]byte, len(pf.Config))
	for k, v := range pf.Config {
		out[k] = []byte(v)
	}
	return out
}

// Values decodes the saved variable values.
func (pf *PlanFile) Values() (map[string]cty.Value, error) {
	out := map[string]cty.Value{}
	for name, raw := range pf.Variables {
		var tv typedValue
		if err := json.Unmarshal(raw, &tv); err != nil {
			return nil, fmt.Errorf("variable %s: %w", name, err)
		}
		ty, err := ctyjson.UnmarshalType(tv.Type)
		if err != nil {
			return nil, fmt.Errorf("variable %s: %w", name, err)
		}
		v, err := ctyjson.Unmarshal(tv.Value, ty)
		if err != nil {
			return nil, fmt.Errorf("variable %s: %w", name, err)
		}
		out[name] = v
	}
	return out, nil
}

// Matches reports whether a plan made again from the file's inputs has the
// same actions as the file records.
func (pf *PlanFile) Matches(p *Plan) bool {
	if len(pf.Changes) != len(p.Changes) {
		return false
	}
	got := make([]PlanFileChange, len(p.Changes))
	for i, c := range p.Changes {
		got[i] = PlanFileChange{Address: c.Addr.String(), Actions: c.Action.JSON()}
	}
	want := append([]PlanFileChange(nil), pf.Changes...)
	sort.Slice(want, func(i, j int) bool { return want[i].Address < want[j].Address })
	sort.Slice(got, func(i, j int) bool { return got[i].Address < got[j].Address })
	for i := range want {
		if want[i].Address != got[i].Address || fmt.Sprint(want[i].Actions) != fmt.Sprint(got[i].Actions) {
			return false
		}
	}
	return true
}
