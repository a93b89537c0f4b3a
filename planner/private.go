package planner

import (
	"encoding/base64"
	"encoding/json"
	"sort"

	"github.com/zclconf/go-cty/cty"
)

// privateExternalKey is the key under which apply records, in an
// instance's private data, the paths of its arguments that derived from
// values outside vpcplan's model (config.Instance.ExternalPaths) when it
// was applied. Terraform keeps private data as base64 of a JSON object
// that only the provider reads, and the AWS provider ignores keys it does
// not know, so the record travels with the state harmlessly.
const privateExternalKey = "vpcplan_external_paths"

// withExternalPaths returns the private data old with the external paths
// recorded (or the record removed when there are none), keeping every
// other key. Data that is not base64 JSON of an object is kept unless
// there is something to record.
func withExternalPaths(old string, paths []cty.Path) string {
	fields := map[string]json.RawMessage{}
	if old != "" {
		raw, err := base64.StdEncoding.DecodeString(old)
		if err != nil || json.Unmarshal(raw, &fields) != nil {
			if len(paths) == 0 {
				return old
			}
			fields = map[string]json.RawMessage{}
		}
	}
	if len(paths) == 0 {
		if _, ok := fields[privateExternalKey]; !ok {
			return old
		}
		delete(fields, privateExternalKey)
	} else {
		fields[privateExternalKey] = EncodePaths(uniquePaths(paths))
	}
	if len(fields) == 0 {
		return ""
	}
	raw, _ := json.Marshal(fields) // sorted keys
	return base64.StdEncoding.EncodeToString(raw)
}

// uniquePaths returns the paths sorted, each once.
func uniquePaths(paths []cty.Path) []cty.Path {
	out := append([]cty.Path(nil), paths...)
	sort.Slice(out, func(i, j int) bool { return pathString(out[i]) < pathString(out[j]) })
	kept := out[:0]
	for i, p := range out {
		if i == 0 || !p.Equals(out[i-1]) {
			kept = append(kept, p)
		}
	}
	return kept
}
