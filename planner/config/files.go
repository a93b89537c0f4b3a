package config

import "strings"

// This file decides which files of a directory are configuration, as
// Terraform's configs package does (parser_config_dir.go), with vpcplan's
// own .hcl files beside Terraform's .tf files:
//
//	*.tf, *.hcl                  native syntax
//	*.tf.json, *.hcl.json        JSON syntax
//	override.tf, *_override.tf   override files (and the same for the
//	                             other three extensions), merged into the
//	                             others after them
//
// Test files (*.tftest.hcl, *.tftest.json), mock data (*.tfmock.hcl,
// *.tfmock.json), query and state migration files (*.tfquery.*,
// *.tfmigrate.hcl), hidden files (.terraform.lock.hcl, .vpcplan.hcl) and
// editor backups are not configuration; subdirectories (.terraform/
// included) are never read.

// configExtensions are the extensions of configuration files, the JSON
// ones first so that "x.tf.json" is not taken for ".json" of "x.tf".
var configExtensions = []string{".tf.json", ".hcl.json", ".tf", ".hcl"}

// notConfigSuffixes end files that share an extension with configuration
// but are something else.
var notConfigSuffixes = []string{".tftest.hcl", ".tftest.json", ".tfmock.hcl", ".tfmock.json", ".tfquery.hcl", ".tfquery.json", ".tfmigrate.hcl"}

// configExt returns the configuration extension of a file name, or "".
func configExt(name string) string {
	for _, ext := range configExtensions {
		if strings.HasSuffix(name, ext) {
			return ext
		}
	}
	return ""
}

// isIgnoredFile reports whether a file in a directory is skipped whatever
// its extension: hidden files and editor backups, as Terraform's
// IsIgnoredFile.
func isIgnoredFile(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")
}

// isConfigFile reports whether the loader reads the file when it finds it in
// a directory.
func isConfigFile(name string) bool {
	if isIgnoredFile(name) || configExt(name) == "" {
		return false
	}
	for _, s := range notConfigSuffixes {
		if strings.HasSuffix(name, s) {
			return false
		}
	}
	return true
}

// isJSONFile reports whether a configuration file is in the JSON syntax.
func isJSONFile(name string) bool { return strings.HasSuffix(name, ".json") }

// isOverrideFile reports whether a configuration file (by its base name)
// is an override file: override.tf or *_override.tf, or the same with
// .tf.json, .hcl or .hcl.json.
func isOverrideFile(base string) bool {
	ext := configExt(base)
	if ext == "" {
		return false
	}
	stem := strings.TrimSuffix(base, ext)
	return stem == "override" || strings.HasSuffix(stem, "_override")
}
