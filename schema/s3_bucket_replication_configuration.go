package schema

import "github.com/zclconf/go-cty/cty"

// S3BucketReplicationConfiguration is
// aws_s3_bucket_replication_configuration. The whole configuration is sent
// again on every change, so only bucket forces replacement. A rule with a
// filter is a V2 rule and needs delete_marker_replication; priority is only
// sent for V2 rules.
var S3BucketReplicationConfiguration = managed(TypeS3BucketReplicationConfiguration,
	"The replication configuration of a versioned S3 bucket.",
	map[string]*Attribute{
		"bucket": bucketName("The name of the source bucket."),
		"role":   required(cty.String, "The ARN of the IAM role S3 assumes to replicate objects.").refersTo(arnOf(TypeIAMRole)),
		"token":  optional(cty.String, "A token that allows replication to be enabled on a bucket with Object Lock.").sensitive(),
	},
	map[string]*NestedBlock{
		"rule": listBlock(1, 1000, "A replication rule.", Block{
			Attributes: map[string]*Attribute{
				"id":       optionalComputed(cty.String, "A unique identifier of the rule, at most 255 characters."),
				"priority": optional(cty.Number, "The priority of the rule when several rules match an object; higher wins."),
				"prefix":   optional(cty.String, "Deprecated: the object key prefix of a V1 rule; use filter."),
				"status":   required(cty.String, "Whether the rule is Enabled or Disabled."),
			},
			Blocks: map[string]*NestedBlock{
				"delete_marker_replication":   statusBlock("Whether delete markers are replicated; required for rules with a filter.", "Enabled or Disabled."),
				"existing_object_replication": statusBlock("Whether objects that existed before the rule are replicated.", "Enabled or Disabled."),
				"filter": singleBlock("The objects the rule applies to; an empty filter matches every object.", Block{
					Attributes: map[string]*Attribute{
						"prefix": optional(cty.String, "The object key prefix."),
					},
					Blocks: map[string]*NestedBlock{
						"tag": singleBlock("A single object tag that must match.", Block{Attributes: map[string]*Attribute{
							"key":   required(cty.String, "The tag key."),
							"value": required(cty.String, "The tag value."),
						}}),
						"and": singleBlock("A prefix and several tags that must all match.", Block{Attributes: map[string]*Attribute{
							"prefix": optional(cty.String, "The object key prefix."),
							"tags":   optional(cty.Map(cty.String), "Object tags that must all match."),
						}}),
					},
				}),
				"source_selection_criteria": singleBlock("Extra conditions on the source objects.", Block{Blocks: map[string]*NestedBlock{
					"replica_modifications":     statusBlock("Replication of metadata changes made to replicas.", "Enabled or Disabled."),
					"sse_kms_encrypted_objects": statusBlock("Replication of objects encrypted with SSE-KMS; needs destination.encryption_configuration.", "Enabled or Disabled."),
				}}),
				"destination": singleBlock("Where replicated objects are stored.", Block{
					Attributes: map[string]*Attribute{
						"bucket":        required(cty.String, "The ARN of the destination bucket.").refersTo(arnOf(TypeS3Bucket)),
						"account":       optional(cty.String, "The account ID of the destination bucket's owner, for changing replica ownership."),
						"storage_class": optional(cty.String, "The storage class of the replicas; the source object's when omitted."),
					},
					Blocks: map[string]*NestedBlock{
						"access_control_translation": singleBlock("Changes replica ownership to the destination account; needs account.", Block{Attributes: map[string]*Attribute{
							"owner": required(cty.String, "The replica owner override; only Destination is valid."),
						}}),
						"encryption_configuration": singleBlock("How replicas are encrypted.", Block{Attributes: map[string]*Attribute{
							"replica_kms_key_id": required(cty.String, "The ARN of the KMS key, in the destination Region, that encrypts the replicas.").refersTo(arnOf(TypeKMSKey)),
						}}),
						"metrics": singleBlock("Replication metrics and events.", Block{
							Attributes: map[string]*Attribute{
								"status": required(cty.String, "Whether replication metrics are Enabled or Disabled."),
							},
							Blocks: map[string]*NestedBlock{
								"event_threshold": singleBlock("The time after which an object not yet replicated emits an event.", Block{Attributes: map[string]*Attribute{
									"minutes": required(cty.Number, "The threshold in minutes; only 15 is valid."),
								}}),
							},
						}),
						"replication_time": singleBlock("S3 Replication Time Control; needs metrics.", Block{
							Attributes: map[string]*Attribute{
								"status": required(cty.String, "Whether Replication Time Control is Enabled or Disabled."),
							},
							Blocks: map[string]*NestedBlock{
								"time": singleBlock("The time by which replication completes.", Block{Attributes: map[string]*Attribute{
									"minutes": required(cty.Number, "The time in minutes; only 15 is valid."),
								}}).required(),
							},
						}),
					},
				}).required(),
			},
		}),
	},
	true)
