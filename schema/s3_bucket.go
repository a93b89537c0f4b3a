package schema

import "github.com/zclconf/go-cty/cty"

// S3Bucket is aws_s3_bucket. Besides the current arguments it keeps the
// inline configuration blocks the provider deprecated in v4 but still accepts
// (acl, grant, cors_rule, lifecycle_rule, logging, object_lock_configuration,
// policy, replication_configuration, server_side_encryption_configuration,
// versioning, website and friends), so that older code decodes; their
// standalone resources are the preferred form. The bucket's id is its name.
var S3Bucket = managed(TypeS3Bucket,
	"A general purpose S3 bucket.",
	map[string]*Attribute{
		"bucket":           optionalComputed(cty.String, "The name of the bucket; Terraform generates a unique name when it and bucket_prefix are omitted.").forceNew(),
		"bucket_prefix":    optionalComputed(cty.String, "A prefix from which a unique bucket name is generated; conflicts with bucket.").forceNew(),
		"bucket_namespace": optionalComputed(cty.String, "The namespace of the bucket name: \"global\" (the default) or \"account-regional\".").forceNew(),
		"force_destroy":    optional(cty.Bool, "Whether destroying the bucket first deletes every object in it, locked objects included.").withDefault(cty.False),
		"object_lock_enabled": optionalComputed(cty.Bool,
			"Whether the bucket is created with S3 Object Lock enabled.").forceNew(),

		// Deprecated inline arguments, each superseded by its own resource.
		"acceleration_status": optionalComputed(cty.String, "Deprecated: the Transfer Acceleration status, Enabled or Suspended; use aws_s3_bucket_accelerate_configuration."),
		"acl":                 optionalComputed(cty.String, "Deprecated: the canned ACL to apply; conflicts with grant; use aws_s3_bucket_acl."),
		"policy":              optionalComputed(cty.String, "Deprecated: the bucket policy JSON document; use aws_s3_bucket_policy."),
		"request_payer":       optionalComputed(cty.String, "Deprecated: who pays for requests and data transfer, BucketOwner or Requester; use aws_s3_bucket_request_payment_configuration."),

		"arn":                         computed(cty.String, "The ARN of the bucket, arn:<partition>:s3:::<name>."),
		"bucket_domain_name":          computed(cty.String, "The bucket's global domain name, <name>.s3.amazonaws.com."),
		"bucket_regional_domain_name": computed(cty.String, "The bucket's Region-specific domain name, <name>.s3.<region>.amazonaws.com."),
		"bucket_region":               computed(cty.String, "The AWS Region the bucket resides in; before version 6 of the provider, region held it."),
		"hosted_zone_id":              computed(cty.String, "The Route 53 hosted zone ID of the bucket's Region."),
		"website_domain":              computed(cty.String, "Deprecated: the domain of the website endpoint, if the bucket is a website."),
		"website_endpoint":            computed(cty.String, "Deprecated: the website endpoint, if the bucket is a website."),
	},
	map[string]*NestedBlock{
		"cors_rule": listBlock(0, 0, "Deprecated: a Cross-Origin Resource Sharing rule; use aws_s3_bucket_cors_configuration.", Block{Attributes: map[string]*Attribute{
			"allowed_headers": optional(cty.List(cty.String), "Headers allowed in a preflight request."),
			"allowed_methods": required(cty.List(cty.String), "HTTP methods allowed: GET, PUT, POST, DELETE or HEAD."),
			"allowed_origins": required(cty.List(cty.String), "Origins allowed to access the bucket."),
			"expose_headers":  optional(cty.List(cty.String), "Response headers that browsers may expose to scripts."),
			"max_age_seconds": optional(cty.Number, "Seconds a browser may cache the preflight response."),
		}}).computed(),
		"grant": setBlock(0, 0, "Deprecated: an ACL grant; conflicts with acl; use aws_s3_bucket_acl.", Block{Attributes: map[string]*Attribute{
			"id":          optional(cty.String, "The canonical user ID of the grantee, for type CanonicalUser."),
			"type":        required(cty.String, "The type of grantee: CanonicalUser or Group."),
			"uri":         optional(cty.String, "The URI of the grantee group, for type Group."),
			"permissions": required(cty.Set(cty.String), "The permissions granted: READ, WRITE, READ_ACP, WRITE_ACP or FULL_CONTROL."),
		}}).computed(),
		"lifecycle_rule": listBlock(0, 0, "Deprecated: an object lifecycle rule; use aws_s3_bucket_lifecycle_configuration.", Block{
			Attributes: map[string]*Attribute{
				"id":                                     optionalComputed(cty.String, "A unique identifier of the rule, at most 255 characters."),
				"prefix":                                 optional(cty.String, "The object key prefix the rule applies to."),
				"tags":                                   optional(cty.Map(cty.String), "Object tags the rule applies to."),
				"enabled":                                required(cty.Bool, "Whether the rule is in effect."),
				"abort_incomplete_multipart_upload_days": optional(cty.Number, "Days after initiation by which an incomplete multipart upload is aborted."),
			},
			Blocks: map[string]*NestedBlock{
				"expiration": singleBlock("When current object versions expire.", Block{Attributes: map[string]*Attribute{
					"date":                         optional(cty.String, "The date after which objects expire."),
					"days":                         optional(cty.Number, "Days after creation after which objects expire."),
					"expired_object_delete_marker": optional(cty.Bool, "Whether S3 removes delete markers that have no noncurrent versions."),
				}}),
				"noncurrent_version_expiration": singleBlock("When noncurrent object versions expire.", Block{Attributes: map[string]*Attribute{
					"days": optional(cty.Number, "Days after becoming noncurrent after which versions expire."),
				}}),
				"transition": setBlock(0, 0, "When current object versions move to another storage class.", Block{Attributes: map[string]*Attribute{
					"date":          optional(cty.String, "The date after which objects transition."),
					"days":          optional(cty.Number, "Days after creation after which objects transition."),
					"storage_class": required(cty.String, "The storage class objects transition to."),
				}}),
				"noncurrent_version_transition": setBlock(0, 0, "When noncurrent object versions move to another storage class.", Block{Attributes: map[string]*Attribute{
					"days":          optional(cty.Number, "Days after becoming noncurrent after which versions transition."),
					"storage_class": required(cty.String, "The storage class noncurrent versions transition to."),
				}}),
			},
		}).computed(),
		"logging": singleBlock("Deprecated: server access logging; use aws_s3_bucket_logging.", Block{Attributes: map[string]*Attribute{
			"target_bucket": required(cty.String, "The name of the bucket that receives the log objects.").refersTo(bucketRefs()...),
			"target_prefix": optional(cty.String, "A key prefix for the log objects."),
		}}).computed(),
		"object_lock_configuration": singleBlock("Deprecated: the Object Lock configuration; use object_lock_enabled and aws_s3_bucket_object_lock_configuration.", Block{
			Attributes: map[string]*Attribute{
				"object_lock_enabled": optional(cty.String, "Deprecated: Enabled to enable Object Lock; use the top-level object_lock_enabled.").forceNew(),
			},
			Blocks: map[string]*NestedBlock{
				"rule": singleBlock("The default retention applied to new objects.", Block{Blocks: map[string]*NestedBlock{
					"default_retention": singleBlock("The default retention period.", Block{Attributes: map[string]*Attribute{
						"mode":  required(cty.String, "The retention mode: GOVERNANCE or COMPLIANCE."),
						"days":  optional(cty.Number, "The retention period in days."),
						"years": optional(cty.Number, "The retention period in years."),
					}}).required(),
				}}),
			},
		}).computed(),
		"replication_configuration": singleBlock("Deprecated: the replication configuration; use aws_s3_bucket_replication_configuration.", Block{
			Attributes: map[string]*Attribute{
				"role": required(cty.String, "The ARN of the IAM role S3 assumes to replicate objects.").refersTo(arnOf(TypeIAMRole)),
			},
			Blocks: map[string]*NestedBlock{
				"rules": setBlock(1, 0, "A replication rule.", Block{
					Attributes: map[string]*Attribute{
						"id":                               optional(cty.String, "A unique identifier of the rule, at most 255 characters."),
						"prefix":                           optional(cty.String, "The object key prefix the rule applies to."),
						"priority":                         optional(cty.Number, "The priority of the rule when several rules match an object."),
						"status":                           required(cty.String, "Whether the rule is Enabled or Disabled."),
						"delete_marker_replication_status": optional(cty.String, "Enabled to replicate delete markers."),
					},
					Blocks: map[string]*NestedBlock{
						"destination": singleBlock("Where replicated objects are stored.", Block{
							Attributes: map[string]*Attribute{
								"bucket":             required(cty.String, "The ARN of the destination bucket.").refersTo(arnOf(TypeS3Bucket)),
								"account_id":         optional(cty.String, "The account ID of the destination bucket's owner."),
								"storage_class":      optional(cty.String, "The storage class of the replicas."),
								"replica_kms_key_id": optional(cty.String, "The ARN of the KMS key that encrypts the replicas.").refersTo(arnOf(TypeKMSKey)),
							},
							Blocks: map[string]*NestedBlock{
								"access_control_translation": singleBlock("Changes replica ownership to the destination account.", Block{Attributes: map[string]*Attribute{
									"owner": required(cty.String, "The replica owner override; only Destination is valid."),
								}}),
								"replication_time": singleBlock("S3 Replication Time Control.", Block{Attributes: map[string]*Attribute{
									"minutes": optional(cty.Number, "The replication time threshold in minutes; only 15 is valid.").withDefault(cty.NumberIntVal(15)),
									"status":  optional(cty.String, "Whether Replication Time Control is Enabled.").withDefault(cty.StringVal("Enabled")),
								}}),
								"metrics": singleBlock("Replication metrics and events.", Block{Attributes: map[string]*Attribute{
									"minutes": optional(cty.Number, "The event threshold in minutes.").withDefault(cty.NumberIntVal(15)),
									"status":  optional(cty.String, "Whether replication metrics are Enabled.").withDefault(cty.StringVal("Enabled")),
								}}),
							},
						}).required(),
						"filter": singleBlock("The objects the rule applies to.", Block{Attributes: map[string]*Attribute{
							"prefix": optional(cty.String, "The object key prefix."),
							"tags":   optional(cty.Map(cty.String), "Object tags that must all match."),
						}}),
						"source_selection_criteria": singleBlock("Extra conditions on the source objects.", Block{Blocks: map[string]*NestedBlock{
							"sse_kms_encrypted_objects": singleBlock("Replication of objects encrypted with SSE-KMS.", Block{Attributes: map[string]*Attribute{
								"enabled": required(cty.Bool, "Whether SSE-KMS encrypted objects are replicated."),
							}}),
						}}),
					},
				}),
			},
		}).computed(),
		"server_side_encryption_configuration": singleBlock("Deprecated: default encryption; use aws_s3_bucket_server_side_encryption_configuration.", Block{Blocks: map[string]*NestedBlock{
			"rule": singleBlock("The default encryption rule.", Block{
				Attributes: map[string]*Attribute{
					"bucket_key_enabled": optional(cty.Bool, "Whether S3 Bucket Keys are used for SSE-KMS."),
				},
				Blocks: map[string]*NestedBlock{
					"apply_server_side_encryption_by_default": singleBlock("The encryption applied to new objects.", Block{Attributes: map[string]*Attribute{
						"sse_algorithm":     required(cty.String, "The server-side encryption algorithm: AES256, aws:kms or aws:kms:dsse."),
						"kms_master_key_id": optional(cty.String, "The KMS key ID or ARN for SSE-KMS.").refersTo(kmsKeyRefs()...),
					}}).required(),
				},
			}).required(),
		}}).computed(),
		"versioning": singleBlock("Deprecated: the versioning state; use aws_s3_bucket_versioning.", Block{Attributes: map[string]*Attribute{
			"enabled":    optional(cty.Bool, "Whether versioning is enabled; once enabled it can only be suspended.").withDefault(cty.False),
			"mfa_delete": optional(cty.Bool, "Whether MFA delete is enabled.").withDefault(cty.False),
		}}).computed(),
		"website": singleBlock("Deprecated: static website hosting; use aws_s3_bucket_website_configuration.", Block{Attributes: map[string]*Attribute{
			"index_document":           optional(cty.String, "The index document, unless redirect_all_requests_to is set."),
			"error_document":           optional(cty.String, "The document returned on a 4XX error."),
			"redirect_all_requests_to": optional(cty.String, "A host name, optionally with a protocol, to which every request is redirected."),
			"routing_rules":            optional(cty.String, "A JSON array of routing rules."),
		}}).computed(),
	},
	false).withTimeouts("create", "read", "update", "delete")
