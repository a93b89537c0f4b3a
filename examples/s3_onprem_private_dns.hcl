# Scenario: Amazon S3 from on premises over Direct Connect or VPN, with private
# DNS (the March 2023 "private DNS for S3 interface endpoints" pattern).
#
# On-premises clients cannot use a gateway endpoint, so the VPC also gets an S3
# interface endpoint. With private DNS enabled and
# private_dns_only_for_inbound_resolver_endpoint = true:
#   - DNS queries that arrive through the Route 53 Resolver INBOUND endpoint
#     (forwarded by the on-premises DNS servers) resolve s3.<region>.amazonaws.com
#     to the interface endpoint's private IPs;
#   - clients inside the VPC keep resolving S3 to public IPs and use the free
#     gateway endpoint, so in-VPC traffic is not billed per GB.
# AWS requires an S3 gateway endpoint in the VPC before it accepts this flag
# (hence depends_on below), and the gateway endpoint cannot be deleted while
# the flag is set: clear the flag first.
#
# What vpcplan checks here:
#   - an S3 interface endpoint with inbound-only private DNS (true or unset)
#     needs an S3 gateway endpoint in the same VPC;
#   - the flag is only valid on S3 interface endpoints with private DNS on;
#   - an INBOUND Resolver endpoint exists in the VPC, otherwise on-premises
#     clients could never resolve to the interface endpoint;
#   - private DNS needs both VPC DNS attributes;
#   - the interface endpoint's security group allows TCP 443, its subnets are in
#     distinct zones, and the gateway endpoint has route tables.

provider "aws" {
  region              = var.region
  allowed_account_ids = ["111111111111"]
}

variable "region" {
  type        = string
  description = "Region of the VPC and of the buckets on-premises clients use."
  default     = "eu-central-1"
}

variable "availability_zones" {
  type        = list(string)
  description = "Two zones: the interface endpoint and the Resolver endpoint get one address in each."
  default     = ["eu-central-1a", "eu-central-1b"]
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 CIDR of the hybrid connectivity VPC."
  default     = "10.40.0.0/16"
}

variable "onprem_cidrs" {
  type        = list(string)
  description = "On-premises networks reaching the VPC over Direct Connect or VPN."
  default     = ["192.168.0.0/16"]
}

locals {
  # 10.40.0.0/24 and 10.40.1.0/24.
  subnets = {
    for index, az in var.availability_zones : az => cidrsubnet(var.vpc_cidr, 8, index)
  }
}

resource "aws_vpc" "hybrid" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = "hybrid-s3"
  }
}

resource "aws_subnet" "private" {
  for_each = local.subnets

  vpc_id            = aws_vpc.hybrid.id
  cidr_block        = each.value
  availability_zone = each.key

  tags = {
    Name = "hybrid-${each.key}"
  }
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.hybrid.id

  tags = {
    Name = "hybrid-private"
  }
}

resource "aws_route_table_association" "private" {
  for_each = local.subnets

  subnet_id      = aws_subnet.private[each.key].id
  route_table_id = aws_route_table.private.id
}

# In-VPC S3 traffic: free, through the route table.
resource "aws_vpc_endpoint" "s3_gateway" {
  vpc_id            = aws_vpc.hybrid.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]

  tags = {
    Name = "s3-gateway"
  }
}

resource "aws_security_group" "s3_interface" {
  name        = "s3-interface-endpoint"
  description = "HTTPS to the S3 interface endpoint from on premises and the VPC"
  vpc_id      = aws_vpc.hybrid.id

  ingress {
    description = "HTTPS from on premises"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.onprem_cidrs
  }

  ingress {
    description = "HTTPS from the VPC (endpoint-specific names)"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }

  tags = {
    Name = "s3-interface-endpoint"
  }
}

# On-premises S3 traffic: through PrivateLink, resolved by the inbound endpoint.
resource "aws_vpc_endpoint" "s3_interface" {
  vpc_id              = aws_vpc.hybrid.id
  service_name        = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [for subnet in aws_subnet.private : subnet.id]
  security_group_ids  = [aws_security_group.s3_interface.id]
  private_dns_enabled = true

  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = true
  }

  # AWS rejects the inbound-only flag unless the gateway endpoint exists.
  depends_on = [aws_vpc_endpoint.s3_gateway]

  tags = {
    Name = "s3-interface"
  }
}

resource "aws_security_group" "resolver_inbound" {
  name        = "resolver-inbound"
  description = "DNS from the on-premises resolvers to the inbound Resolver endpoint"
  vpc_id      = aws_vpc.hybrid.id

  ingress {
    description = "DNS over UDP from on premises"
    from_port   = 53
    to_port     = 53
    protocol    = "udp"
    cidr_blocks = var.onprem_cidrs
  }

  ingress {
    description = "DNS over TCP from on premises"
    from_port   = 53
    to_port     = 53
    protocol    = "tcp"
    cidr_blocks = var.onprem_cidrs
  }

  tags = {
    Name = "resolver-inbound"
  }
}

# The on-premises DNS servers forward s3.<region>.amazonaws.com (and
# *.s3.<region>.amazonaws.com) to these two fixed addresses.
resource "aws_route53_resolver_endpoint" "inbound" {
  name                   = "onprem-to-aws"
  direction              = "INBOUND"
  resolver_endpoint_type = "IPV4"
  protocols              = ["Do53"]
  security_group_ids     = [aws_security_group.resolver_inbound.id]

  ip_address {
    subnet_id = aws_subnet.private[var.availability_zones[0]].id
    ip        = cidrhost(local.subnets[var.availability_zones[0]], 10)
  }

  ip_address {
    subnet_id = aws_subnet.private[var.availability_zones[1]].id
    ip        = cidrhost(local.subnets[var.availability_zones[1]], 10)
  }

  tags = {
    Name = "onprem-to-aws"
  }
}

output "resolver_inbound_ips" {
  description = "Forwarding targets for the on-premises DNS servers."
  value = [
    cidrhost(local.subnets[var.availability_zones[0]], 10),
    cidrhost(local.subnets[var.availability_zones[1]], 10),
  ]
}

output "s3_interface_dns_entries" {
  description = "Endpoint-specific DNS names of the S3 interface endpoint."
  value       = aws_vpc_endpoint.s3_interface.dns_entry
}
