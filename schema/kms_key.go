package schema

import "github.com/zclconf/go-cty/cty"

// KMSKey is aws_kms_key. Its id is the key ID.
var KMSKey = managed(TypeKMSKey,
	"An AWS KMS key.",
	map[string]*Attribute{
		"bypass_policy_lockout_safety_check": optional(cty.Bool, "Whether KMS skips the check that the policy does not lock the caller out of the key.").withDefault(cty.False),
		"custom_key_store_id":                optional(cty.String, "The ID of the custom key store (CloudHSM or external) that holds the key.").forceNew(),
		"customer_master_key_spec":           optional(cty.String, "The key spec: SYMMETRIC_DEFAULT, an RSA, ECC, HMAC or ML-DSA spec.").forceNew().withDefault(cty.StringVal("SYMMETRIC_DEFAULT")),
		"deletion_window_in_days":            optional(cty.Number, "Days, 7 to 30, between scheduling the key's deletion and deleting it; 30 when omitted."),
		"description":                        optionalComputed(cty.String, "A description of the key."),
		"enable_key_rotation":                optional(cty.Bool, "Whether automatic rotation of the key material is enabled.").withDefault(cty.False),
		"is_enabled":                         optional(cty.Bool, "Whether the key is enabled.").withDefault(cty.True),
		"key_usage":                          optional(cty.String, "What the key is for: ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC or KEY_AGREEMENT.").forceNew().withDefault(cty.StringVal("ENCRYPT_DECRYPT")),
		"multi_region":                       optionalComputed(cty.Bool, "Whether the key is a multi-Region primary key.").forceNew(),
		"policy":                             optionalComputed(cty.String, "The key policy JSON document; the default key policy when omitted."),
		"rotation_period_in_days":            optionalComputed(cty.Number, "Days, 90 to 2560, between automatic rotations."),
		"xks_key_id":                         optional(cty.String, "The ID of the key in the external key manager, for keys in an external key store.").forceNew(),

		"arn":    computed(cty.String, "The ARN of the key, arn:<partition>:kms:<region>:<account>:key/<key_id>."),
		"key_id": computed(cty.String, "The globally unique ID of the key."),
	},
	nil,
	false)
