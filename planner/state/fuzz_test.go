package state

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzDecode is differential: the one-pass decoder must accept exactly the
// texts encoding/json accepts and read them the same way, and a state
// Decode accepts must survive DeepCopy (apply copies the prior state), so
// no text can make a later step panic.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(fullState))
	f.Add([]byte(`{"version": 4, "lineage": "l", "serial": 1, "resources": []}`))
	for _, bad := range []string{"+", "1.2.3", "0004", "-e-", "1.", "-", "01", ".5", "1e", "1e+"} {
		f.Add([]byte(`{"version": 4, "lineage": "l", "resources": [{"instances": [{"index_key": ` + bad + `}]}]}`))
		f.Add([]byte(`{"version": 4, "lineage": "l", "resources": [], "check_results": ` + bad + `}`))
	}
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "*.tfstate"))
	hostile, _ := filepath.Glob(filepath.Join("testdata", "hostile", "*.tfstate"))
	seeds = append(seeds, hostile...)
	for _, name := range seeds {
		if data, err := os.ReadFile(name); err == nil && len(data) < 1<<16 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		valid := json.Valid(data)
		fast, fastErr := decodeFast(data)
		if fastErr == nil {
			if !valid {
				t.Fatalf("decodeFast accepted a text encoding/json rejects: %q", data)
			}
			var want State
			if err := json.Unmarshal(data, &want); err == nil {
				if diff := cmp.Diff(&want, fast); diff != "" {
					t.Fatalf("decodeFast differs from encoding/json (-want +got):\n%s", diff)
				}
			}
		}
		s, err := Decode(data)
		if err != nil {
			return
		}
		if !valid {
			t.Fatalf("Decode accepted a text encoding/json rejects: %q", data)
		}
		c := s.DeepCopy()
		a, errA := s.Encode()
		b, errB := c.Encode()
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Fatalf("DeepCopy changed the state: %v %v", errA, errB)
		}
	})
}
