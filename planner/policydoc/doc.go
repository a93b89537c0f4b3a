// Package policydoc evaluates the aws_iam_policy_document data source at
// plan time and decodes IAM policy documents.
//
// Render produces json, minified_json and id exactly as the AWS provider
// (v5 and later) does, byte for byte: the same statement order and merging
// of source and override documents, the same element order, the same
// collapsing of one-element lists, the same reverse sorting of sets, and the
// same order of principals and conditions that share a key, which comes from
// terraform-plugin-sdk's set hashing. Render never reads anything but its
// argument.
//
// Parse decodes any JSON policy document into a Document, a normalised form
// (every string-or-list element a list) for rules to reason over. It is
// independent of Render, whose decoding of source documents follows the
// provider's quirks instead.
package policydoc
