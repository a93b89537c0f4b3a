# Scenario: Systems Manager (Session Manager, Run Command, Patch Manager) for
# instances in private subnets without internet access.
#
# The SSM Agent talks to three services: ssm, ssmmessages and ec2messages. One
# interface endpoint per service is created with for_each over a set, each
# with one network interface in every zone (one subnet per Availability Zone)
# and private DNS enabled, so the agent's default endpoints
# (ssm.<region>.amazonaws.com, ...) resolve to the endpoints' private IPs.
# Interface endpoints are billed per hour per zone and per GB processed:
# three services in three zones are nine endpoint-hours each hour.
#
# What vpcplan checks here:
#   - each service name is in the service catalog and offers Interface endpoints;
#   - no endpoint has two subnets in the same Availability Zone, and every
#     subnet and security group belongs to the endpoint's VPC;
#   - private DNS needs enable_dns_support AND enable_dns_hostnames on the VPC
#     (enable_dns_hostnames defaults to false);
#   - only one endpoint per service and VPC enables private DNS;
#   - the endpoints' security group allows inbound TCP 443 (the agent uses HTTPS);
#   - at most 50 interface and GWLB endpoints per VPC.

provider "aws" {
  region              = var.region
  allowed_account_ids = ["111111111111"]
}

variable "region" {
  type        = string
  description = "Region of the VPC and of the SSM endpoints."
  default     = "us-east-1"
}

variable "availability_zones" {
  type        = list(string)
  description = "Zones that get an endpoint network interface (one subnet each)."
  default     = ["us-east-1a", "us-east-1b", "us-east-1c"]
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 CIDR of the VPC."
  default     = "10.30.0.0/16"
}

variable "ssm_services" {
  type        = set(string)
  description = "Services the SSM Agent needs, as the last part of com.amazonaws.<region>.<service>."
  default     = ["ssm", "ssmmessages", "ec2messages"]
}

resource "aws_vpc" "main" {
  cidr_block = var.vpc_cidr

  # Both must be true for private DNS on interface endpoints.
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = "ssm-private"
  }
}

# 10.30.0.0/24, 10.30.1.0/24, 10.30.2.0/24: one private subnet per zone.
resource "aws_subnet" "private" {
  count = length(var.availability_zones)

  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(var.vpc_cidr, 8, count.index)
  availability_zone = var.availability_zones[count.index]

  tags = {
    Name = "private-${var.availability_zones[count.index]}"
  }
}

resource "aws_security_group" "ssm_endpoints" {
  name        = "ssm-endpoints"
  description = "HTTPS from the VPC to the Systems Manager interface endpoints"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "HTTPS from anything in the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }

  tags = {
    Name = "ssm-endpoints"
  }
}

resource "aws_vpc_endpoint" "ssm" {
  for_each = var.ssm_services

  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.ssm_endpoints.id]
  private_dns_enabled = true

  tags = {
    Name = each.key
  }
}

output "ssm_endpoint_ids" {
  description = "Endpoint ID per service."
  value       = { for service, endpoint in aws_vpc_endpoint.ssm : service => endpoint.id }
}
