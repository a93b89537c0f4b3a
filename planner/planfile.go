package planner

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"time"

	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// PlanFileFormat and PlanFileVersion identify a saved plan. A plan file
// is self-contained: the configuration as planned, the variable values,
// the prior state, and the changes, so that apply carries out exactly what
// was shown. Version 2 added the checksum.
const (
	PlanFileFormat  = "vpcplan-plan"
	PlanFileVersion = 2
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
	// Checksum is "sha256:" and the hex SHA-256 of the file as written
	// without it, so that a file altered after it was written (a changed
	// CIDR block that still parses) is refused instead of applied.
	Checksum string `json:"checksum,omitempty"`
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
	sum, err := pf.sum()
	if err != nil {
		return nil, err
	}
	pf.Checksum = sum
	return pf.encode()
}

// encode writes pf as a plan file: indented JSON, map keys sorted, so
// that decoding a file and encoding it again gives the same bytes.
func (pf *PlanFile) encode() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(pf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sum returns the checksum of pf as encoded without its checksum.
func (pf *PlanFile) sum() (string, error) {
	c := *pf
	c.Checksum = ""
	data, err := c.encode()
	if err != nil {
		return "", err
	}
	h := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(h[:]), nil
}

// DecodePlanFile reads a plan file, refusing a corrupt or altered file
// and one written by another version of vpcplan. Its errors say where the
// file stops being a plan file: the line and column of a syntax error,
// the field of a value of the wrong type.
func DecodePlanFile(data []byte, toolVersion string) (*PlanFile, error) {
	pf, err := decodePlanFile(data)
	if err != nil {
		return nil, err
	}
	// The checksum before the tool version: an altered file is reported as
	// altered whichever vpcplan reads it.
	sum, err := pf.sum()
	if err != nil {
		return nil, fmt.Errorf("the plan file cannot be checked: %s", err)
	}
	switch {
	case pf.Checksum == "":
		return nil, fmt.Errorf("the plan file has no \"checksum\" field, which vpcplan writes into every plan file; it was altered after it was written")
	case pf.Checksum != sum:
		return nil, fmt.Errorf("the plan file's checksum does not match its content: it was altered or damaged after it was written (it records %s; its content gives %s)", pf.Checksum, sum)
	}
	if pf.ToolVersion != toolVersion {
		return nil, fmt.Errorf("the plan file was created by vpcplan %s, but this is %s; plan files cannot be transferred between different vpcplan versions", pf.ToolVersion, toolVersion)
	}
	return pf, nil
}

// decodePlanFile reads a plan file and checks its format and version,
// but not its checksum.
func decodePlanFile(data []byte) (*PlanFile, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, fmt.Errorf("the file is a zip archive, as Terraform's plan files are, not a plan file vpcplan wrote")
	}
	var pf PlanFile
	if err := json.Unmarshal(data, &pf); err != nil {
		return nil, fmt.Errorf("the file is not a vpcplan plan file, or it is corrupt: %s", jsonErrorAt(data, err))
	}
	if pf.Format != PlanFileFormat {
		var st struct {
			Lineage   string          `json:"lineage"`
			Resources json.RawMessage `json:"resources"`
		}
		if pf.Format == "" && json.Unmarshal(data, &st) == nil && st.Lineage != "" && st.Resources != nil {
			return nil, fmt.Errorf("the file is a state (lineage %s), not a plan file", st.Lineage)
		}
		return nil, fmt.Errorf("the file is not a vpcplan plan file: its \"format\" field is %q, not %q", pf.Format, PlanFileFormat)
	}
	if pf.Version != PlanFileVersion {
		return nil, fmt.Errorf("the plan file has format version %d, but this vpcplan reads version %d; make the plan again with this vpcplan", pf.Version, PlanFileVersion)
	}
	if len(pf.PriorState) == 0 {
		return nil, fmt.Errorf("the plan file has no \"prior_state\" field; it is corrupt")
	}
	return &pf, nil
}

// jsonErrorAt describes an error of encoding/json with the line and
// column where it happened, in JSON's words rather than Go's.
func jsonErrorAt(data []byte, err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax) && syntax.Offset >= int64(len(data)):
		line, col := position(data, int64(len(data)))
		return fmt.Sprintf("the file ends at line %d, column %d, in the middle of a JSON value: it is truncated", line, col)
	case errors.As(err, &syntax) && syntax.Offset > 0:
		// Offset counts the bytes read, the offending one included.
		line, col := position(data, syntax.Offset-1)
		return fmt.Sprintf("%s at line %d, column %d (byte %d)", syntax.Error(), line, col, syntax.Offset-1)
	case errors.As(err, &typ) && typ.Offset > 0 && typ.Offset <= int64(len(data)):
		// Offset is just past the value.
		line, col := position(data, typ.Offset-1)
		return fmt.Sprintf("the %q field holds a JSON %s where a plan file has %s, ending at line %d, column %d (byte %d)", typ.Field, typ.Value, jsonKind(typ.Type), line, col, typ.Offset-1)
	}
	return err.Error()
}

// position returns the line and column (1-based, in bytes) of the byte at
// offset in data.
func position(data []byte, offset int64) (line, col int) {
	line, col = 1, 1
	for _, b := range data[:offset] {
		if b == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// jsonKind names the JSON kind a Go type decodes from.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	default:
		return "an object"
	}
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
