# Scenario: an analytics team reads a shared bucket only from its own VPC,
# through a VPC-restricted S3 access point.
#
# The access point has vpc_configuration, so its network origin is "VPC" and
# S3 rejects every request that does not come from that VPC. Requests arrive
# through the VPC's S3 gateway endpoint, and a request through an access point
# succeeds only if the endpoint policy allows BOTH the access point
# (arn:...:accesspoint/<name> and .../object/*) AND the underlying bucket
# (arn:aws:s3:::<bucket> and /*). The bucket policy delegates access control to
# the account's access points, and the access point policy grants the
# analytics role.
#
# What vpcplan checks here:
#   - the access point name follows the naming rules (3-50 characters,
#     lowercase, digits, hyphens) and is unique in the account and Region;
#   - the access point is in its bucket's Region;
#   - its VPC has an S3 endpoint (otherwise the access point is unreachable);
#   - that endpoint's policy allows both the access point ARN and the bucket
#     ARN (otherwise every request is denied);
#   - the gateway endpoint has route tables in its own VPC, and the CIDRs are valid.

provider "aws" {
  region              = var.region
  allowed_account_ids = ["111111111111"]
}

variable "region" {
  type        = string
  description = "Region of the bucket, the access point and the VPC."
  default     = "eu-west-2"
}

variable "availability_zones" {
  type        = list(string)
  description = "Zones of the analytics subnets."
  default     = ["eu-west-2a", "eu-west-2b"]
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 CIDR of the analytics VPC."
  default     = "10.70.0.0/16"
}

variable "bucket_name" {
  type        = string
  description = "Globally unique name of the shared data bucket."
  default     = "example-corp-shared-datasets-111111111111"
}

variable "analytics_role_name" {
  type        = string
  description = "IAM role of the analytics jobs (managed outside this configuration)."
  default     = "analytics-jobs"
}

data "aws_caller_identity" "current" {}

locals {
  account_id        = data.aws_caller_identity.current.account_id
  access_point_name = "analytics-vpc"

  # Built from their parts so the policies below are fully known at plan time.
  bucket_arn       = "arn:aws:s3:::${var.bucket_name}"
  access_point_arn = "arn:aws:s3:${var.region}:${local.account_id}:accesspoint/${local.access_point_name}"
  analytics_role   = "arn:aws:iam::${local.account_id}:role/${var.analytics_role_name}"
}

# ---------------------------------------------------------------------------
# The bucket, delegating access control to the account's access points.
# ---------------------------------------------------------------------------

resource "aws_s3_bucket" "shared" {
  bucket = var.bucket_name

  tags = {
    Name = var.bucket_name
  }
}

resource "aws_s3_bucket_public_access_block" "shared" {
  bucket                  = aws_s3_bucket.shared.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

data "aws_iam_policy_document" "delegate_to_access_points" {
  statement {
    sid       = "DelegateToOwnAccessPoints"
    effect    = "Allow"
    actions   = ["s3:*"]
    resources = [local.bucket_arn, "${local.bucket_arn}/*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "s3:DataAccessPointAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = data.aws_iam_policy_document.delegate_to_access_points.json
}

# ---------------------------------------------------------------------------
# The VPC-restricted access point and its policy.
# ---------------------------------------------------------------------------

resource "aws_s3_access_point" "analytics" {
  bucket = aws_s3_bucket.shared.id
  name   = local.access_point_name

  vpc_configuration {
    vpc_id = aws_vpc.analytics.id
  }

  public_access_block_configuration {
    block_public_acls       = true
    block_public_policy     = true
    ignore_public_acls      = true
    restrict_public_buckets = true
  }
}

data "aws_iam_policy_document" "analytics_access_point" {
  statement {
    sid       = "AnalyticsReadOnly"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [local.access_point_arn, "${local.access_point_arn}/object/*"]

    principals {
      type        = "AWS"
      identifiers = [local.analytics_role]
    }
  }
}

resource "aws_s3control_access_point_policy" "analytics" {
  access_point_arn = aws_s3_access_point.analytics.arn
  policy           = data.aws_iam_policy_document.analytics_access_point.json
}

# ---------------------------------------------------------------------------
# The analytics VPC and its S3 gateway endpoint.
# ---------------------------------------------------------------------------

resource "aws_vpc" "analytics" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = "analytics"
  }
}

resource "aws_subnet" "analytics" {
  count = length(var.availability_zones)

  vpc_id            = aws_vpc.analytics.id
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index)
  availability_zone = var.availability_zones[count.index]

  tags = {
    Name = "analytics-${var.availability_zones[count.index]}"
  }
}

resource "aws_route_table" "analytics" {
  vpc_id = aws_vpc.analytics.id

  tags = {
    Name = "analytics"
  }
}

resource "aws_route_table_association" "analytics" {
  count = length(var.availability_zones)

  subnet_id      = aws_subnet.analytics[count.index].id
  route_table_id = aws_route_table.analytics.id
}

# Both the access point and the bucket must be allowed, or requests through
# the access point are denied at the endpoint.
data "aws_iam_policy_document" "s3_endpoint" {
  statement {
    sid     = "SharedDatasetsThroughAccessPoint"
    effect  = "Allow"
    actions = ["s3:GetObject", "s3:ListBucket"]
    resources = [
      local.access_point_arn,
      "${local.access_point_arn}/object/*",
      local.bucket_arn,
      "${local.bucket_arn}/*",
    ]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.analytics.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.analytics.id]
  policy            = data.aws_iam_policy_document.s3_endpoint.json

  tags = {
    Name = "analytics-s3"
  }
}

output "access_point_alias" {
  description = "Bucket-style alias of the access point (<name>-<random>-s3alias)."
  value       = aws_s3_access_point.analytics.alias
}

output "access_point_arn" {
  description = "ARN to use with the AWS SDKs and the CLI."
  value       = aws_s3_access_point.analytics.arn
}
