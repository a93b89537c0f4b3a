# Scenario: private subnets reach Amazon S3 through a gateway endpoint.
#
# A VPC with one private subnet per Availability Zone (no internet gateway, no
# NAT gateway). Each subnet has its own route table, and every route table is
# associated with an S3 gateway endpoint, so S3 traffic stays on the AWS
# network and costs nothing (gateway endpoints are free). The endpoint policy
# only lets the VPC reach buckets owned by this account, plus the Amazon Linux
# 2023 package repositories so instances can still run `dnf update`.
#
# What vpcplan checks here:
#   - the VPC CIDR is a valid /16–/28 block and every subnet CIDR (cidrsubnet
#     over a for_each) lies inside it, without overlaps;
#   - the service name is a known AWS service and S3 offers a Gateway endpoint,
#     in the VPC's own Region (gateway endpoints never cross Regions);
#   - the gateway endpoint sets no subnets, security groups or private DNS;
#   - it has route tables (here through aws_vpc_endpoint_route_table_association),
#     they belong to the endpoint's VPC, and none of them is associated with a
#     second S3 gateway endpoint;
#   - the endpoint policy stays under 20,480 characters.

provider "aws" {
  region              = var.region
  allowed_account_ids = ["111111111111"]
}

variable "region" {
  type        = string
  description = "Region of the VPC, the endpoint and the buckets it serves."
  default     = "eu-west-1"
}

variable "availability_zones" {
  type        = list(string)
  description = "One private subnet is created in each of these zones (keep them in var.region)."
  default     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 CIDR of the VPC."
  default     = "10.20.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "The vpc_cidr value must be a valid IPv4 CIDR block."
  }
}

data "aws_caller_identity" "current" {}

locals {
  # One /20 per zone: 10.20.0.0/20, 10.20.16.0/20, 10.20.32.0/20.
  private_subnets = {
    for index, az in var.availability_zones : az => cidrsubnet(var.vpc_cidr, 4, index)
  }
}

resource "aws_vpc" "main" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = "private-s3"
  }
}

resource "aws_subnet" "private" {
  for_each = local.private_subnets

  vpc_id            = aws_vpc.main.id
  cidr_block        = each.value
  availability_zone = each.key

  tags = {
    Name = "private-${each.key}"
  }
}

# One route table per zone, so that a NAT gateway or firewall per zone can be
# added later without touching the endpoint.
resource "aws_route_table" "private" {
  for_each = local.private_subnets

  vpc_id = aws_vpc.main.id

  tags = {
    Name = "private-${each.key}"
  }
}

resource "aws_route_table_association" "private" {
  for_each = local.private_subnets

  subnet_id      = aws_subnet.private[each.key].id
  route_table_id = aws_route_table.private[each.key].id
}

# Who may use the endpoint, and for which buckets. Requests through a gateway
# endpoint must also be allowed by IAM and by the bucket policy.
data "aws_iam_policy_document" "s3_endpoint" {
  statement {
    sid       = "OwnAccountBuckets"
    effect    = "Allow"
    actions   = ["s3:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }

  statement {
    sid       = "AmazonLinux2023Repositories"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::al2023-repos-${var.region}-de612dc2/*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  policy            = data.aws_iam_policy_document.s3_endpoint.json

  tags = {
    Name = "s3-gateway"
  }
}

# AWS adds a route for the S3 prefix list (pl-...) to each associated table.
resource "aws_vpc_endpoint_route_table_association" "s3" {
  for_each = local.private_subnets

  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = aws_route_table.private[each.key].id
}

output "s3_endpoint_id" {
  description = "ID of the S3 gateway endpoint (vpce-...)."
  value       = aws_vpc_endpoint.s3.id
}

output "s3_prefix_list_id" {
  description = "Prefix list to reference in security group egress rules for S3."
  value       = aws_vpc_endpoint.s3.prefix_list_id
}
