package state

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/google/uuid"
	"github.com/vpcplan/vpcplan/internal/parallel"
)

// FormatVersion is the state format vpcplan reads and writes: Terraform's
// version 4.
const FormatVersion = 4

// State is one snapshot in Terraform's state v4 layout. Attributes are kept
// as raw JSON, so resources vpcplan does not know pass through unchanged.
type State struct {
	Version          int                     `json:"version"`
	TerraformVersion string                  `json:"terraform_version"`
	Serial           uint64                  `json:"serial"`
	Lineage          string                  `json:"lineage"`
	Outputs          map[string]*OutputState `json:"outputs"`
	Resources        []*Resource             `json:"resources"`
	CheckResults     json.RawMessage         `json:"check_results,omitempty"`
}

// OutputState is one root module output.
type OutputState struct {
	Value     json.RawMessage `json:"value"`
	Type      json.RawMessage `json:"type"`
	Sensitive bool            `json:"sensitive,omitempty"`
}

// Resource is one resource block's instances.
type Resource struct {
	Module    string      `json:"module,omitempty"`
	Mode      string      `json:"mode"` // "managed" or "data"
	Type      string      `json:"type"`
	Name      string      `json:"name"`
	Each      string      `json:"each,omitempty"` // "list" or "map" in old states
	Provider  string      `json:"provider"`
	Instances []*Instance `json:"instances"`
}

// Instance is one resource instance object.
type Instance struct {
	// IndexKey is null, a number (count) or a string (for_each).
	IndexKey              json.RawMessage   `json:"index_key,omitempty"`
	Status                string            `json:"status,omitempty"`
	Deposed               string            `json:"deposed,omitempty"`
	SchemaVersion         uint64            `json:"schema_version"`
	Attributes            json.RawMessage   `json:"attributes,omitempty"`
	AttributesFlat        map[string]string `json:"attributes_flat,omitempty"`
	SensitiveAttributes   json.RawMessage   `json:"sensitive_attributes,omitempty"`
	IdentitySchemaVersion *uint64           `json:"identity_schema_version,omitempty"`
	Identity              json.RawMessage   `json:"identity,omitempty"`
	Private               string            `json:"private,omitempty"`
	Dependencies          []string          `json:"dependencies,omitempty"`
	CreateBeforeDestroy   bool              `json:"create_before_destroy,omitempty"`
}

// New returns an empty state with a fresh lineage.
func New(toolVersion string) *State {
	return &State{
		Version:          FormatVersion,
		TerraformVersion: toolVersion,
		Lineage:          uuid.NewString(),
		Outputs:          map[string]*OutputState{},
	}
}

// Decode parses a state file. It refuses malformed JSON and format
// versions other than 4, saying what to do.
func Decode(data []byte) (*State, error) {
	// The fast decoder reads state files as they are written; anything it
	// does not expect is decoded by encoding/json, and only a failure, or
	// a file of another version, pays for the probe that explains what is
	// wrong.
	s, err := decodeFast(data)
	if err != nil {
		s = &State{}
		if err := json.Unmarshal(data, s); err != nil {
			return nil, explainUndecodable(data, err)
		}
	}
	if s.Version != FormatVersion {
		return nil, explainUndecodable(data, nil)
	}
	if s.Lineage == "" {
		return nil, fmt.Errorf("the state has no lineage")
	}
	if s.Outputs == nil {
		s.Outputs = map[string]*OutputState{}
	}
	s.Sort()
	if err := checkDuplicates(s); err != nil {
		return nil, err
	}
	return s, nil
}

// checkDuplicates fails when a sorted state records a resource, or an
// instance of one (the same key, current or the same deposed object),
// twice: Terraform never writes that, and which of the two is real cannot
// be told.
func checkDuplicates(s *State) error {
	for i, r := range s.Resources {
		if i > 0 {
			p := s.Resources[i-1]
			if p.Module == r.Module && p.Mode == r.Mode && p.Type == r.Type && p.Name == r.Name {
				return fmt.Errorf("the state records %s twice; it was edited or merged by hand: keep one of the two entries", r.Addr())
			}
		}
		// Instances are sorted by key: the objects of one key (current
		// and deposed, rare) are a run, compared pairwise.
		for start := 0; start < len(r.Instances); {
			end := start + 1
			for end < len(r.Instances) && bytes.Equal(bytes.TrimSpace(r.Instances[start].IndexKey), bytes.TrimSpace(r.Instances[end].IndexKey)) {
				end++
			}
			for a := start; a < end; a++ {
				for b := a + 1; b < end; b++ {
					if r.Instances[a].Deposed == r.Instances[b].Deposed {
						addr, err := r.InstanceAddr(r.Instances[b])
						if err != nil {
							return err
						}
						return fmt.Errorf("the state records %s twice; it was edited or merged by hand: keep one of the two entries", addr)
					}
				}
			}
			start = end
		}
	}
	return nil
}

// explainUndecodable says why data is not a state of FormatVersion, given
// the error of decoding it as one (nil when it decoded with another
// version).
func explainUndecodable(data []byte, decodeErr error) error {
	var probe struct {
		Version          *int   `json:"version"`
		TerraformVersion string `json:"terraform_version"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return fmt.Errorf("the state is not valid JSON (%s); it may be truncated or corrupt: restore it from the .backup file or from version control", jsonErrText(err))
	}
	if probe.Version == nil {
		return fmt.Errorf("the state has no format version; it is not a Terraform or vpcplan state file")
	}
	if *probe.Version != FormatVersion {
		return fmt.Errorf("the state uses format version %d, which this version of vpcplan does not support (it reads version %d). This state file was created by %q", *probe.Version, FormatVersion, probe.TerraformVersion)
	}
	if decodeErr == nil {
		return fmt.Errorf("the state does not have the state v4 layout")
	}
	return fmt.Errorf("the state does not have the state v4 layout: %s", jsonErrText(decodeErr))
}

func jsonErrText(err error) string {
	if se, ok := err.(*json.SyntaxError); ok {
		return fmt.Sprintf("%s at byte %d", se.Error(), se.Offset)
	}
	return err.Error()
}

// Encode renders the state as Terraform writes it: two-space indentation,
// fields in Terraform's order, resources and instances sorted, and a final
// newline.
func (s *State) Encode() ([]byte, error) {
	content, err := s.encodeContent()
	if err != nil {
		return nil, err
	}
	return s.withHeader(content), nil
}

// withHeader completes an encodeContent encoding into the whole file.
func (s *State) withHeader(content []byte) []byte {
	return bytes.Join(s.framed(content), nil)
}

// framed returns the pieces of the file around content (header, content,
// closing brace), for writers that need not join them.
func (s *State) framed(content []byte) [][]byte {
	header := fmt.Sprintf("{\n  \"version\": %d,\n  \"terraform_version\": %s,\n  \"serial\": %d,\n  \"lineage\": %s,\n",
		s.Version, quote(s.TerraformVersion), s.Serial, quote(s.Lineage))
	return [][]byte{[]byte(header), content, []byte("}\n")}
}

// encodeContent renders everything but the header fields (version, tool
// version, serial, lineage): what tells two snapshots apart. Each
// instance is indented on its own, so the cost is linear in the state's
// size.
func (s *State) encodeContent() ([]byte, error) {
	s.Sort()
	outputs := s.Outputs
	if outputs == nil {
		outputs = map[string]*OutputState{}
	}
	ob, err := json.MarshalIndent(outputs, "  ", "  ")
	if err != nil {
		return nil, err
	}
	insts, err := s.encodeInstances()
	if err != nil {
		return nil, err
	}
	size := len(ob) + len(s.CheckResults)*2 + 64
	for _, r := range s.Resources {
		size += 256 + len(r.Module) + len(r.Type) + len(r.Name) + len(r.Each) + len(r.Provider)
	}
	for _, b := range insts {
		size += len(b) + 16
	}
	var buf bytes.Buffer
	buf.Grow(size)
	buf.WriteString("  \"outputs\": ")
	buf.Write(ob)
	buf.WriteString(",\n  \"resources\": [")
	k := 0
	for i, r := range s.Resources {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    {\n")
		if r.Module != "" {
			fmt.Fprintf(&buf, "      \"module\": %s,\n", quote(r.Module))
		}
		fmt.Fprintf(&buf, "      \"mode\": %s,\n      \"type\": %s,\n      \"name\": %s,\n", quote(r.Mode), quote(r.Type), quote(r.Name))
		if r.Each != "" {
			fmt.Fprintf(&buf, "      \"each\": %s,\n", quote(r.Each))
		}
		fmt.Fprintf(&buf, "      \"provider\": %s,\n      \"instances\": [", quote(r.Provider))
		for j := range r.Instances {
			if j > 0 {
				buf.WriteByte(',')
			}
			buf.WriteString("\n        ")
			buf.Write(insts[k])
			k++
		}
		if len(r.Instances) > 0 {
			buf.WriteString("\n      ")
		}
		buf.WriteString("]\n    }")
	}
	if len(s.Resources) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]")
	if len(s.CheckResults) > 0 {
		buf.WriteString(",\n  \"check_results\": ")
		if err := json.Indent(&buf, s.CheckResults, "  ", "  "); err != nil {
			return nil, err
		}
	}
	buf.WriteString("\n")
	return buf.Bytes(), nil
}

// encodeInstances renders every instance, in resource order, indented for
// its place in the file. Instances are independent, so they are rendered
// in parallel; the first error in order wins.
func (s *State) encodeInstances() ([][]byte, error) {
	var all []*Instance
	for _, r := range s.Resources {
		all = append(all, r.Instances...)
	}
	out := make([][]byte, len(all))
	errs := make([]error, len(all))
	parallel.For(len(all), func(i int) {
		ib, err := json.Marshal(all[i])
		if err != nil {
			errs[i] = err
			return
		}
		var buf bytes.Buffer
		if err := json.Indent(&buf, ib, "        ", "  "); err != nil {
			errs[i] = err
			return
		}
		out[i] = buf.Bytes()
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Sort orders resources by module, mode, type and name, and instances by
// key (numbers before strings), as Terraform writes them.
func (s *State) Sort() {
	sort.SliceStable(s.Resources, func(i, j int) bool {
		a, b := s.Resources[i], s.Resources[j]
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		if a.Mode != b.Mode {
			return a.Mode < b.Mode
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Name < b.Name
	})
	for _, r := range s.Resources {
		sort.SliceStable(r.Instances, func(i, j int) bool { return keyLess(r.Instances[i], r.Instances[j]) })
	}
}

func keyLess(a, b *Instance) bool {
	ka, na := parseKey(a.IndexKey)
	kb, nb := parseKey(b.IndexKey)
	if na != nb {
		return na // numbers (and no key) first
	}
	if na {
		x, _ := strconv.ParseFloat(ka, 64)
		y, _ := strconv.ParseFloat(kb, 64)
		if x != y {
			return x < y
		}
	} else if ka != kb {
		return ka < kb
	}
	return a.Deposed < b.Deposed
}

// parseKey returns the key text and whether it is a number (or absent).
func parseKey(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return "-1", true
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, false
	}
	return string(raw), true
}

// Equal reports whether two states hold the same content, ignoring serial
// and the tool version that wrote them.
func Equal(a, b *State) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Lineage != b.Lineage {
		return false
	}
	ea, err1 := a.encodeContent()
	eb, err2 := b.encodeContent()
	return err1 == nil && err2 == nil && bytes.Equal(ea, eb)
}

// DeepCopy returns an independent copy.
func (s *State) DeepCopy() *State {
	data, err := s.Encode()
	if err != nil {
		panic(fmt.Sprintf("state does not encode: %s", err)) // programmer error: states always encode
	}
	c, err := Decode(data)
	if err != nil {
		panic(fmt.Sprintf("state does not decode its own encoding: %s", err))
	}
	return c
}
