package state

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/vpcplan/vpcplan/internal/jsonscan"
)

// errUnusual sends a document to encoding/json: the fast decoder handles
// state files as Terraform and vpcplan write them, and leaves anything
// else (unknown or differently cased keys, nulls where values belong) to
// the standard decoder, whose result is the reference.
var errUnusual = errors.New("unusual state layout")

// decodeFast decodes a state in one pass, keeping instance attributes and
// other raw JSON as sub-slices of data rather than copies. Any error means
// "decode it the standard way", never "the state is invalid".
func decodeFast(data []byte) (*State, error) {
	r := &jsonscan.Reader{B: data}
	s := &State{}
	err := r.Members(func(key string) error {
		var err error
		switch key {
		case "version":
			var n uint64
			n, err = r.Uint()
			s.Version = int(n)
		case "terraform_version":
			s.TerraformVersion, err = r.String()
		case "serial":
			s.Serial, err = r.Uint()
		case "lineage":
			s.Lineage, err = r.String()
		case "outputs":
			err = unmarshalRaw(r, &s.Outputs)
		case "resources":
			s.Resources = []*Resource{}
			err = r.Elements(func() error {
				res, err := decodeResource(r)
				s.Resources = append(s.Resources, res)
				return err
			})
		case "check_results":
			s.CheckResults, err = r.Raw()
		default:
			return errUnusual
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := r.End(); err != nil {
		return nil, err
	}
	return s, nil
}

func decodeResource(r *jsonscan.Reader) (*Resource, error) {
	res := &Resource{}
	err := r.Members(func(key string) error {
		var err error
		switch key {
		case "module":
			res.Module, err = r.String()
		case "mode":
			res.Mode, err = r.String()
		case "type":
			res.Type, err = r.String()
		case "name":
			res.Name, err = r.String()
		case "each":
			res.Each, err = r.String()
		case "provider":
			res.Provider, err = r.String()
		case "instances":
			res.Instances = []*Instance{}
			err = r.Elements(func() error {
				inst, err := decodeInstance(r)
				res.Instances = append(res.Instances, inst)
				return err
			})
		default:
			return errUnusual
		}
		return err
	})
	return res, err
}

func decodeInstance(r *jsonscan.Reader) (*Instance, error) {
	inst := &Instance{}
	err := r.Members(func(key string) error {
		var err error
		switch key {
		case "index_key":
			inst.IndexKey, err = r.Raw()
		case "status":
			inst.Status, err = r.String()
		case "deposed":
			inst.Deposed, err = r.String()
		case "schema_version":
			inst.SchemaVersion, err = r.Uint()
		case "attributes":
			inst.Attributes, err = r.Raw()
		case "attributes_flat":
			err = unmarshalRaw(r, &inst.AttributesFlat)
		case "sensitive_attributes":
			inst.SensitiveAttributes, err = r.Raw()
		case "identity_schema_version":
			var n uint64
			n, err = r.Uint()
			inst.IdentitySchemaVersion = &n
		case "identity":
			inst.Identity, err = r.Raw()
		case "private":
			inst.Private, err = r.String()
		case "dependencies":
			inst.Dependencies = []string{}
			err = r.Elements(func() error {
				d, err := r.String()
				inst.Dependencies = append(inst.Dependencies, d)
				return err
			})
		case "create_before_destroy":
			inst.CreateBeforeDestroy, err = r.Bool()
		default:
			return errUnusual
		}
		return err
	})
	return inst, err
}

// unmarshalRaw decodes the next value, a small one, with encoding/json.
func unmarshalRaw(r *jsonscan.Reader, v any) error {
	raw, err := r.Raw()
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%w: %v", errUnusual, err)
	}
	return nil
}
