package planner

import (
	"encoding/json"
	"fmt"

	"github.com/zclconf/go-cty/cty"
)

// pathStep is one step of a path in Terraform's state and plan JSON:
// {"type":"get_attr","value":"name"} or {"type":"index","value":...}.
type pathStep struct {
	Type  string          `json:"type"`
	Value json.RawMessage `json:"value"`
}

// decodePaths reads sensitive_attributes.
func decodePaths(raw json.RawMessage) ([]cty.Path, error) {
	var steps [][]pathStep
	if err := json.Unmarshal(raw, &steps); err != nil {
		return nil, err
	}
	var out []cty.Path
	for _, ss := range steps {
		var p cty.Path
		for _, s := range ss {
			switch s.Type {
			case "get_attr":
				var name string
				if err := json.Unmarshal(s.Value, &name); err != nil {
					return nil, err
				}
				p = append(p, cty.GetAttrStep{Name: name})
			case "index":
				var key any
				if err := json.Unmarshal(s.Value, &key); err != nil {
					return nil, err
				}
				switch k := key.(type) {
				case string:
					p = append(p, cty.IndexStep{Key: cty.StringVal(k)})
				case float64:
					p = append(p, cty.IndexStep{Key: cty.NumberFloatVal(k)})
				default:
					return nil, fmt.Errorf("unsupported index key %v", key)
				}
			default:
				return nil, fmt.Errorf("unsupported path step %q", s.Type)
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// EncodePaths writes paths as sensitive_attributes; never null.
func EncodePaths(paths []cty.Path) json.RawMessage {
	out := make([][]pathStep, 0, len(paths))
	for _, p := range paths {
		steps := make([]pathStep, 0, len(p))
		for _, s := range p {
			switch s := s.(type) {
			case cty.GetAttrStep:
				v, _ := json.Marshal(s.Name)
				steps = append(steps, pathStep{Type: "get_attr", Value: v})
			case cty.IndexStep:
				var v []byte
				if s.Key.Type() == cty.String {
					v, _ = json.Marshal(s.Key.AsString())
				} else if s.Key.Type() == cty.Number {
					f, _ := s.Key.AsBigFloat().Float64()
					v, _ = json.Marshal(f)
				}
				steps = append(steps, pathStep{Type: "index", Value: v})
			}
		}
		out = append(out, steps)
	}
	data, _ := json.Marshal(out)
	return data
}

// pathString writes a path as Terraform's messages do: vpc_id,
// rule[0].destination, tags["Name"].
func pathString(p cty.Path) string {
	var b []byte
	for _, s := range p {
		switch s := s.(type) {
		case cty.GetAttrStep:
			if len(b) > 0 {
				b = append(b, '.')
			}
			b = append(b, s.Name...)
		case cty.IndexStep:
			switch {
			case s.Key.Type() == cty.String:
				b = fmt.Appendf(b, "[%q]", s.Key.AsString())
			case s.Key.Type() == cty.Number:
				b = fmt.Appendf(b, "[%s]", s.Key.AsBigFloat().Text('f', -1))
			default:
				b = append(b, "[*]"...)
			}
		}
	}
	return string(b)
}
