package planner

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// IAM, KMS and Lambda.

// createDate is when vpcplan's applies say IAM and Lambda objects were
// created: a fixed instant, so that applies stay deterministic.
const createDate = "2026-01-01T00:00:00Z"

func (o *object) fillIAMRole() {
	f := o.f
	name := o.str("name")
	o.setS("arn", f.arn("iam", "", f.account, "role"+f.or(o.str("path"), "/")+name))
	o.setS("unique_id", "AROA"+strings.ToUpper(f.hex("unique", 17)))
	o.setS("create_date", createDate)
	o.setStrings("managed_policy_arns", nil)
}

func (o *object) fillIAMPolicy() {
	f := o.f
	o.setS("arn", o.str("id"))
	o.setS("policy_id", "ANPA"+strings.ToUpper(f.hex("policy", 17)))
	o.setInt("attachment_count", 0)
}

func (o *object) fillKMSKey() {
	f := o.f
	id := o.str("id")
	o.setS("key_id", id)
	o.setS("arn", f.arn("kms", f.reg(), f.account, "key/"+id))
	// KMS returns an empty description for a key created without one.
	o.set("description", cty.StringVal(""))
	o.setBool("multi_region", false)
	o.setS("policy", defaultKeyPolicy(f.part(), f.account))
	if rotate, _ := o.boolean("enable_key_rotation"); rotate {
		o.setInt("rotation_period_in_days", 365)
	}
	// Without rotation KMS reports no rotation period: null.
}

func (o *object) fillLambdaFunction() {
	f := o.f
	id := o.str("id")
	reg := f.reg()
	p := f.part()
	fn := f.arn("lambda", reg, f.account, "function:"+id)
	version := "$LATEST"
	if publish, _ := o.boolean("publish"); publish {
		version = "1"
	}
	o.setS("arn", fn)
	o.setS("version", version)
	o.setS("qualified_arn", fn+":"+version)
	o.setS("invoke_arn", fmt.Sprintf("arn:%s:apigateway:%s:lambda:path/2015-03-31/functions/%s/invocations", p, reg, fn))
	o.setS("qualified_invoke_arn", fmt.Sprintf("arn:%s:apigateway:%s:lambda:path/2015-03-31/functions/%s:%s/invocations", p, reg, fn, version))
	o.setS("response_streaming_invoke_arn", fmt.Sprintf("arn:%s:apigateway:%s:lambda:path/2021-11-15/functions/%s/response-streaming-invocations", p, reg, fn))
	o.setS("last_modified", "2026-01-01T00:00:00.000+0000")
	// The code's SHA-256, base64: what source_code_hash says when the
	// configuration gives it, else derived from the code's location.
	if o.unknown("code_sha256") {
		sum := o.str("source_code_hash")
		if sum == "" {
			raw, _ := hex.DecodeString(hashHex(64, "code", o.str("filename"), o.str("s3_bucket"), o.str("s3_key"), o.str("s3_object_version"), o.str("image_uri"), f.addr.String(), f.lineage))
			sum = base64.StdEncoding.EncodeToString(raw)
		}
		o.setS("code_sha256", sum)
	}
	o.setS("source_code_hash", o.str("code_sha256"))
	if o.unknown("source_code_size") {
		n, _ := strconv.ParseInt(hashHex(4, "size", o.str("code_sha256")), 16, 64)
		o.setInt("source_code_size", 1024+n)
	}
	// signing_job_arn and signing_profile_version_arn: null without code
	// signing.
	o.setStrings("architectures", []string{"x86_64"})

	o.defaultBlocks("ephemeral_storage", map[string]cty.Value{"size": cty.NumberIntVal(512)})
	o.defaultBlocks("tracing_config", map[string]cty.Value{"mode": cty.StringVal("PassThrough")})
	logGroup := "/aws/lambda/" + o.str("function_name")
	o.defaultBlocks("logging_config", map[string]cty.Value{
		"log_format": cty.StringVal("Text"),
		"log_group":  cty.StringVal(logGroup),
	})
	o.blocks("ephemeral_storage", func(_ int, e *object) { e.setInt("size", 512) })
	o.blocks("logging_config", func(_ int, e *object) {
		e.setS("log_group", logGroup)
		// Lambda sets log levels for the JSON format only.
		if e.str("log_format") == "JSON" {
			e.setS("application_log_level", "INFO")
			e.setS("system_log_level", "INFO")
		}
	})
	o.blocks("snap_start", func(_ int, e *object) {
		status := "Off"
		if e.str("apply_on") == "PublishedVersions" {
			status = "On"
		}
		e.setS("optimization_status", status)
	})
	o.blocks("durable_config", func(_ int, e *object) { e.setInt("retention_period", 14) })
	o.blocks("capacity_provider_config", func(_ int, c *object) {
		c.blocks("lambda_managed_instances_capacity_provider_config", func(_ int, e *object) {
			e.setInt("execution_environment_memory_gib_per_vcpu", 2)
			e.setInt("per_execution_environment_max_concurrency", 10)
		})
	})
	o.blocks("vpc_config", func(_ int, e *object) {
		vpc := ""
		for _, s := range e.strs("subnet_ids") {
			if vpc = f.subnetVPC(s); vpc != "" {
				break
			}
		}
		e.setS("vpc_id", vpc)
	})
}
