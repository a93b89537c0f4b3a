# Scenario: one global S3 name for reports kept in two Regions and two accounts.
#
# A Multi-Region Access Point (MRAP) owned by the platform account
# (111111111111) fronts two buckets: one in us-east-1 in the same account and
# one in eu-west-1 owned by a partner account (222222222222). S3 routes each
# request to the closest bucket, so both buckets must hold the same objects:
# they replicate to each other (two-way, cross-Region, cross-account) with
# S3 Replication Time Control, delete markers and replica modification sync.
#
# Cross-account pieces:
#   - the partner bucket is managed through a second provider that assumes a
#     role in the partner account (provider = aws.partner);
#   - the MRAP names the partner bucket with bucket_account_id, and the partner
#     bucket policy grants the MRAP owner access through its access points;
#   - each replication role lives in its source bucket's account, and each
#     destination bucket policy grants that role s3:ReplicateObject and
#     s3:ReplicateDelete (plus ReplicateTags and the owner override);
#   - both rules give destination.account with access_control_translation
#     owner = "Destination", so replicas belong to the destination account.
# The MRAP control plane always runs in us-west-2; the provider handles that.
#
# What vpcplan checks here:
#   - MRAP: valid name, one bucket per Region, 1-20 Regions, supported Regions,
#     bucket_account_id for the foreign bucket, and a grant in its bucket policy;
#   - every MRAP bucket replicates to every other bucket;
#   - versioning Enabled on every source and destination bucket;
#   - replication roles trusted by s3.amazonaws.com with every required action;
#   - cross-account destinations whose bucket policy grants the role;
#   - access_control_translation only with destination.account, and only
#     between different accounts;
#   - V2 rules (filter) with priority and delete_marker_replication; Replication
#     Time Control with metrics and 15 minutes; replica modification sync on
#     both sides of a two-way setup.

provider "aws" {
  region              = var.primary_region
  allowed_account_ids = ["111111111111"]
}

provider "aws" {
  alias               = "partner"
  region              = var.secondary_region
  allowed_account_ids = ["222222222222"]

  assume_role {
    role_arn = "arn:aws:iam::222222222222:role/platform-deployer"
  }
}

variable "primary_region" {
  type        = string
  description = "Region of the platform account's bucket."
  default     = "us-east-1"
}

variable "secondary_region" {
  type        = string
  description = "Region of the partner account's bucket."
  default     = "eu-west-1"
}

variable "primary_bucket_name" {
  type        = string
  description = "Bucket in the platform account."
  default     = "example-corp-reports-use1-111111111111"
}

variable "secondary_bucket_name" {
  type        = string
  description = "Bucket in the partner account."
  default     = "example-corp-reports-euw1-222222222222"
}

variable "reader_role_arn" {
  type        = string
  description = "Role of the applications that read and write reports through the MRAP."
  default     = "arn:aws:iam::111111111111:role/reports-app"
}

data "aws_caller_identity" "primary" {}

data "aws_caller_identity" "secondary" {
  provider = aws.partner
}

locals {
  mrap_name = "reports"

  primary_account   = data.aws_caller_identity.primary.account_id
  secondary_account = data.aws_caller_identity.secondary.account_id

  primary_bucket_arn   = "arn:aws:s3:::${var.primary_bucket_name}"
  secondary_bucket_arn = "arn:aws:s3:::${var.secondary_bucket_name}"

  # Role ARNs are built from their names so that the bucket policies below are
  # known at plan time (the roles themselves are created in this configuration).
  primary_role_name   = "s3-replication-reports-to-euw1"
  secondary_role_name = "s3-replication-reports-to-use1"
  primary_role_arn    = "arn:aws:iam::${local.primary_account}:role/${local.primary_role_name}"
  secondary_role_arn  = "arn:aws:iam::${local.secondary_account}:role/${local.secondary_role_name}"

  # Source and destination of each replication direction.
  replication = {
    to_secondary = { source = local.primary_bucket_arn, destination = local.secondary_bucket_arn }
    to_primary   = { source = local.secondary_bucket_arn, destination = local.primary_bucket_arn }
  }
}

# ---------------------------------------------------------------------------
# Buckets, both versioned (replication requires it on source and destination).
# ---------------------------------------------------------------------------

resource "aws_s3_bucket" "primary" {
  bucket = var.primary_bucket_name
}

resource "aws_s3_bucket_versioning" "primary" {
  bucket = aws_s3_bucket.primary.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "secondary" {
  provider = aws.partner

  bucket = var.secondary_bucket_name
}

resource "aws_s3_bucket_versioning" "secondary" {
  provider = aws.partner

  bucket = aws_s3_bucket.secondary.id

  versioning_configuration {
    status = "Enabled"
  }
}

# ---------------------------------------------------------------------------
# Replication roles: one per direction, in the source bucket's account.
# ---------------------------------------------------------------------------

data "aws_iam_policy_document" "s3_assume_role" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "replication" {
  for_each = local.replication

  statement {
    sid       = "ReadSourceBucket"
    effect    = "Allow"
    actions   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
    resources = [each.value.source]
  }

  statement {
    sid    = "ReadSourceObjects"
    effect = "Allow"
    actions = [
      "s3:GetObjectVersionForReplication",
      "s3:GetObjectVersionAcl",
      "s3:GetObjectVersionTagging",
    ]
    resources = ["${each.value.source}/*"]
  }

  statement {
    sid    = "WriteDestinationObjects"
    effect = "Allow"
    actions = [
      "s3:ReplicateObject",
      "s3:ReplicateDelete",
      "s3:ReplicateTags",
      "s3:ObjectOwnerOverrideToBucketOwner",
    ]
    resources = ["${each.value.destination}/*"]
  }
}

resource "aws_iam_role" "replication_primary" {
  name               = local.primary_role_name
  assume_role_policy = data.aws_iam_policy_document.s3_assume_role.json
}

resource "aws_iam_role_policy" "replication_primary" {
  name   = "replicate-to-euw1"
  role   = aws_iam_role.replication_primary.id
  policy = data.aws_iam_policy_document.replication["to_secondary"].json
}

resource "aws_iam_role" "replication_secondary" {
  provider = aws.partner

  name               = local.secondary_role_name
  assume_role_policy = data.aws_iam_policy_document.s3_assume_role.json
}

resource "aws_iam_role_policy" "replication_secondary" {
  provider = aws.partner

  name   = "replicate-to-use1"
  role   = aws_iam_role.replication_secondary.id
  policy = data.aws_iam_policy_document.replication["to_primary"].json
}

# ---------------------------------------------------------------------------
# Destination bucket policies: each bucket lets the other account's role
# replicate into it. The partner bucket also grants the MRAP owner.
# ---------------------------------------------------------------------------

data "aws_iam_policy_document" "primary_bucket" {
  statement {
    sid       = "ReplicationFromPartnerObjects"
    effect    = "Allow"
    actions   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"]
    resources = ["${local.primary_bucket_arn}/*"]

    principals {
      type        = "AWS"
      identifiers = [local.secondary_role_arn]
    }
  }

  statement {
    sid       = "ReplicationFromPartnerBucket"
    effect    = "Allow"
    actions   = ["s3:List*", "s3:GetBucketVersioning", "s3:PutBucketVersioning"]
    resources = [local.primary_bucket_arn]

    principals {
      type        = "AWS"
      identifiers = [local.secondary_role_arn]
    }
  }
}

resource "aws_s3_bucket_policy" "primary" {
  bucket = aws_s3_bucket.primary.id
  policy = data.aws_iam_policy_document.primary_bucket.json

  # The principal must exist before S3 accepts the policy.
  depends_on = [aws_iam_role.replication_secondary]
}

data "aws_iam_policy_document" "secondary_bucket" {
  statement {
    sid       = "ReplicationFromPlatformObjects"
    effect    = "Allow"
    actions   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"]
    resources = ["${local.secondary_bucket_arn}/*"]

    principals {
      type        = "AWS"
      identifiers = [local.primary_role_arn]
    }
  }

  statement {
    sid       = "ReplicationFromPlatformBucket"
    effect    = "Allow"
    actions   = ["s3:List*", "s3:GetBucketVersioning", "s3:PutBucketVersioning"]
    resources = [local.secondary_bucket_arn]

    principals {
      type        = "AWS"
      identifiers = [local.primary_role_arn]
    }
  }

  # Without this grant the MRAP cannot read from or write to this bucket.
  statement {
    sid       = "MultiRegionAccessPointOwner"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
    resources = [local.secondary_bucket_arn, "${local.secondary_bucket_arn}/*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${local.primary_account}:root"]
    }

    condition {
      test     = "StringEquals"
      variable = "s3:DataAccessPointAccount"
      values   = [local.primary_account]
    }
  }
}

resource "aws_s3_bucket_policy" "secondary" {
  provider = aws.partner

  bucket = aws_s3_bucket.secondary.id
  policy = data.aws_iam_policy_document.secondary_bucket.json

  depends_on = [aws_iam_role.replication_primary]
}

# ---------------------------------------------------------------------------
# Two-way replication.
# ---------------------------------------------------------------------------

resource "aws_s3_bucket_replication_configuration" "primary_to_secondary" {
  bucket = aws_s3_bucket.primary.id
  role   = aws_iam_role.replication_primary.arn

  rule {
    id       = "reports-to-euw1"
    status   = "Enabled"
    priority = 1

    # An empty filter selects every object (V2 rule schema).
    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    source_selection_criteria {
      replica_modifications {
        status = "Enabled"
      }
    }

    destination {
      bucket        = aws_s3_bucket.secondary.arn
      account       = local.secondary_account
      storage_class = "STANDARD"

      access_control_translation {
        owner = "Destination"
      }

      replication_time {
        status = "Enabled"

        time {
          minutes = 15
        }
      }

      metrics {
        status = "Enabled"

        event_threshold {
          minutes = 15
        }
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.primary]
}

resource "aws_s3_bucket_replication_configuration" "secondary_to_primary" {
  provider = aws.partner

  bucket = aws_s3_bucket.secondary.id
  role   = aws_iam_role.replication_secondary.arn

  rule {
    id       = "reports-to-use1"
    status   = "Enabled"
    priority = 1

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    source_selection_criteria {
      replica_modifications {
        status = "Enabled"
      }
    }

    destination {
      bucket        = aws_s3_bucket.primary.arn
      account       = local.primary_account
      storage_class = "STANDARD"

      access_control_translation {
        owner = "Destination"
      }

      replication_time {
        status = "Enabled"

        time {
          minutes = 15
        }
      }

      metrics {
        status = "Enabled"

        event_threshold {
          minutes = 15
        }
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.secondary]
}

# ---------------------------------------------------------------------------
# The Multi-Region Access Point and its policy (owned by the platform account).
# ---------------------------------------------------------------------------

resource "aws_s3control_multi_region_access_point" "reports" {
  details {
    name = local.mrap_name

    region {
      bucket = aws_s3_bucket.primary.id
    }

    region {
      bucket            = aws_s3_bucket.secondary.id
      bucket_account_id = local.secondary_account
    }
  }
}

data "aws_iam_policy_document" "mrap" {
  statement {
    sid       = "ReportsApplication"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3::${local.primary_account}:accesspoint/${aws_s3control_multi_region_access_point.reports.alias}/object/*"]

    principals {
      type        = "AWS"
      identifiers = [var.reader_role_arn]
    }
  }
}

resource "aws_s3control_multi_region_access_point_policy" "reports" {
  details {
    name   = local.mrap_name
    policy = data.aws_iam_policy_document.mrap.json
  }
}

output "mrap_alias" {
  description = "Alias of the MRAP (ends in .mrap); clients use <alias>.accesspoint.s3-global.amazonaws.com with SigV4A."
  value       = aws_s3control_multi_region_access_point.reports.alias
}

output "mrap_arn" {
  description = "ARN to pass as the bucket name to the AWS SDKs."
  value       = aws_s3control_multi_region_access_point.reports.arn
}
