package backend

import (
	"bytes"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/internal/inputfile"
	"github.com/vpcplan/vpcplan/planner/config"
)

var terraformBlockSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "terraform"}}}

var backendBlockSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "backend", LabelNames: []string{"type"}}}}

// ReadBlock returns the backend block of the configuration the paths name
// (as config.ConfigFiles reads them), or nil when there is none, and the
// files it parsed, for diagnostics' snippets. Only the
// files that mention "backend" are parsed, so configurations without one
// cost a read of their files. A later block (an override file's) replaces
// an earlier one, as Terraform merges them. Files are read within the file
// size bound of lim (a zero field meaning its default).
func ReadBlock(paths []string, lim bounds.Limits) (*config.Backend, map[string]*hcl.File) {
	files, _, diags := config.ConfigFiles(paths)
	if diags.HasErrors() {
		// The configuration's loader reports these where it reads it.
		return nil, nil
	}
	parser := hclparse.NewParser()
	var found *config.Backend
	for _, name := range files {
		src, err := inputfile.ReadFile(name, lim.FileSize)
		if err != nil || !bytes.Contains(src, []byte("backend")) {
			continue
		}
		var f *hcl.File
		var moreDiags hcl.Diagnostics
		if strings.HasSuffix(name, ".json") {
			f, moreDiags = parser.ParseJSON(src, name)
		} else {
			f, moreDiags = parser.ParseHCL(src, name)
		}
		if moreDiags.HasErrors() || f == nil {
			continue // the configuration's loader reports syntax errors
		}
		content, _, _ := f.Body.PartialContent(terraformBlockSchema)
		for _, tb := range content.Blocks {
			inner, _, _ := tb.Body.PartialContent(backendBlockSchema)
			for _, b := range inner.Blocks {
				found = &config.Backend{Type: b.Labels[0], Body: b.Body, DeclRange: b.DefRange}
			}
		}
	}
	return found, parser.Files()
}
