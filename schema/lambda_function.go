package schema

import "github.com/zclconf/go-cty/cty"

// LambdaFunction is aws_lambda_function. Its id is the function name. The
// code comes from exactly one of filename, s3_bucket and s3_key, or
// image_uri; a Zip package also needs handler and runtime.
var LambdaFunction = managed(TypeLambdaFunction,
	"An AWS Lambda function.",
	map[string]*Attribute{
		"architectures":                      optionalComputed(cty.List(cty.String), "The instruction set architecture, one of x86_64 (the default) and arm64."),
		"code_signing_config_arn":            optional(cty.String, "The ARN of the code signing configuration."),
		"description":                        optional(cty.String, "A description of the function."),
		"filename":                           optional(cty.String, "The path of the local deployment package; conflicts with s3_bucket and image_uri."),
		"function_name":                      required(cty.String, "The name of the function.").forceNew(),
		"handler":                            optional(cty.String, "The function entrypoint in the code, for Zip packages."),
		"image_uri":                          optional(cty.String, "The ECR image URI of the deployment package, for Image packages."),
		"kms_key_arn":                        optional(cty.String, "The ARN of the KMS key that encrypts the environment variables.").refersTo(arnOf(TypeKMSKey)),
		"layers":                             optional(cty.List(cty.String), "The ARNs of up to five layer versions."),
		"memory_size":                        optional(cty.Number, "The memory available to the function in MB, 128 to 10240.").withDefault(cty.NumberIntVal(128)),
		"package_type":                       optional(cty.String, "The deployment package type: Zip or Image.").forceNew().withDefault(cty.StringVal("Zip")),
		"publish":                            optional(cty.Bool, "Whether creating or changing the function publishes a new version.").withDefault(cty.False),
		"publish_to":                         optional(cty.String, "Where a published version goes: LATEST_PUBLISHED, for functions on a capacity provider."),
		"replace_security_groups_on_destroy": optional(cty.Bool, "Deprecated: whether destroying the function first replaces its security groups on its network interfaces."),
		"replacement_security_group_ids":     optional(cty.Set(cty.String), "The security groups put on the network interfaces when replace_security_groups_on_destroy is set.").refersTo(idOf(TypeSecurityGroup)),
		"reserved_concurrent_executions":     optional(cty.Number, "The concurrency reserved for the function; 0 disables it and -1 removes the limit.").withDefault(cty.NumberIntVal(-1)),
		"role":                               required(cty.String, "The ARN of the function's execution role.").refersTo(arnOf(TypeIAMRole)),
		"runtime":                            optional(cty.String, "The runtime, such as python3.13 or nodejs22.x, for Zip packages."),
		"s3_bucket":                          optional(cty.String, "The bucket holding the deployment package, in the function's Region.").refersTo(bucketRefs()...),
		"s3_key":                             optional(cty.String, "The key of the deployment package in s3_bucket."),
		"s3_object_version":                  optional(cty.String, "The version of the deployment package object."),
		"skip_destroy":                       optional(cty.Bool, "Whether destroying the resource leaves the function in place.").withDefault(cty.False),
		"source_code_hash":                   optionalComputed(cty.String, "A base64 SHA-256 hash of the package that triggers updates when it changes."),
		"source_kms_key_arn":                 optional(cty.String, "The ARN of the KMS key that encrypts the deployment package.").refersTo(arnOf(TypeKMSKey)),
		"timeout":                            optional(cty.Number, "The maximum run time in seconds, at most 900.").withDefault(cty.NumberIntVal(3)),

		"arn": computed(cty.String, "The ARN of the function, arn:<partition>:lambda:<region>:<account>:function:<name>."),
		"code_sha256": computed(cty.String, "The base64 SHA-256 hash of the deployed package.").
			recomputedOn("filename", "s3_bucket", "s3_key", "s3_object_version", "image_uri", "source_code_hash"),
		"invoke_arn": computed(cty.String, "The ARN used to invoke the function from API Gateway."),
		"last_modified": computed(cty.String, "When the function was last modified.").
			recomputedOn("filename", "s3_bucket", "s3_key", "s3_object_version", "image_uri", "source_code_hash"),
		"qualified_arn":                 computed(cty.String, "The ARN of the function qualified with its latest version."),
		"qualified_invoke_arn":          computed(cty.String, "The qualified ARN used to invoke the function from API Gateway."),
		"response_streaming_invoke_arn": computed(cty.String, "The ARN used to invoke the function with response streaming from API Gateway."),
		"signing_job_arn":               computed(cty.String, "The ARN of the signing job."),
		"signing_profile_version_arn":   computed(cty.String, "The ARN of the signing profile version."),
		"source_code_size":              computed(cty.Number, "The size of the deployment package in bytes."),
		"version":                       computed(cty.String, "The latest published version, or $LATEST."),
	},
	map[string]*NestedBlock{
		"capacity_provider_config": singleBlock("Runs the function on Lambda Managed Instances.", Block{Blocks: map[string]*NestedBlock{
			"lambda_managed_instances_capacity_provider_config": singleBlock("The capacity provider settings.", Block{Attributes: map[string]*Attribute{
				"capacity_provider_arn":                     required(cty.String, "The ARN of the capacity provider."),
				"execution_environment_memory_gib_per_vcpu": optionalComputed(cty.Number, "The memory in GiB per vCPU of each execution environment."),
				"per_execution_environment_max_concurrency": optionalComputed(cty.Number, "The maximum concurrent invocations per execution environment."),
			}}).required(),
		}}),
		"dead_letter_config": singleBlock("Where failed asynchronous invocations are sent.", Block{Attributes: map[string]*Attribute{
			"target_arn": required(cty.String, "The ARN of the SQS queue or SNS topic."),
		}}),
		"durable_config": singleBlock("Settings of durable functions.", Block{Attributes: map[string]*Attribute{
			"execution_timeout": required(cty.Number, "The maximum duration of a durable execution in seconds."),
			"retention_period":  optionalComputed(cty.Number, "Days the execution history is kept."),
		}}),
		"environment": singleBlock("The function's environment variables.", Block{Attributes: map[string]*Attribute{
			"variables": optional(cty.Map(cty.String), "The environment variables."),
		}}),
		"ephemeral_storage": singleBlock("The size of the function's /tmp directory.", Block{Attributes: map[string]*Attribute{
			"size": optionalComputed(cty.Number, "The size in MB, 512 to 10240."),
		}}).computed(),
		"file_system_config": singleBlock("An Amazon EFS file system mounted in the function.", Block{Attributes: map[string]*Attribute{
			"arn":              required(cty.String, "The ARN of the EFS access point."),
			"local_mount_path": required(cty.String, "The mount path, starting with /mnt/."),
		}}),
		"image_config": singleBlock("Overrides of the container image settings.", Block{Attributes: map[string]*Attribute{
			"command":           optional(cty.List(cty.String), "The command, overriding the image's CMD."),
			"entry_point":       optional(cty.List(cty.String), "The entry point, overriding the image's ENTRYPOINT."),
			"working_directory": optional(cty.String, "The working directory, overriding the image's WORKDIR."),
		}}),
		"logging_config": singleBlock("Where and how the function logs.", Block{Attributes: map[string]*Attribute{
			"application_log_level": optionalComputed(cty.String, "The minimum application log level, for JSON logs."),
			"log_format":            required(cty.String, "The log format: Text or JSON."),
			"log_group":             optionalComputed(cty.String, "The CloudWatch log group; /aws/lambda/<function_name> when omitted."),
			"system_log_level":      optionalComputed(cty.String, "The minimum system log level, for JSON logs."),
		}}).computed(),
		"snap_start": singleBlock("Lambda SnapStart.", Block{Attributes: map[string]*Attribute{
			"apply_on":            required(cty.String, "When snapshots are taken: PublishedVersions or None."),
			"optimization_status": computed(cty.String, "Whether SnapStart is applied to the published version."),
		}}),
		"tenancy_config": singleBlock("Tenant isolation of the function.", Block{Attributes: map[string]*Attribute{
			"tenant_isolation_mode": required(cty.String, "The tenant isolation mode: PER_TENANT.").forceNew(),
		}}).forceNew(),
		"tracing_config": singleBlock("AWS X-Ray tracing.", Block{Attributes: map[string]*Attribute{
			"mode": required(cty.String, "The tracing mode: PassThrough or Active."),
		}}).computed(),
		"vpc_config": singleBlock("Connects the function to subnets of a VPC.", Block{Attributes: map[string]*Attribute{
			"ipv6_allowed_for_dual_stack": optional(cty.Bool, "Whether outbound IPv6 traffic is allowed in dual-stack subnets.").withDefault(cty.False),
			"security_group_ids":          required(cty.Set(cty.String), "The security groups of the function's network interfaces.").refersTo(idOf(TypeSecurityGroup)),
			"subnet_ids":                  required(cty.Set(cty.String), "The subnets the function's network interfaces are placed in.").refersTo(idOf(TypeSubnet)),
			"vpc_id":                      computed(cty.String, "The ID of the VPC of the subnets."),
		}}),
	},
	false).withTimeouts("create", "update", "delete")
