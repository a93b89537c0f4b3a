# Scenario: inspect all internet traffic of a workload VPC with third-party
# firewall appliances behind a Gateway Load Balancer.
#
# The security team runs the appliances in an inspection VPC behind a Gateway
# Load Balancer (GWLB) and publishes it as a VPC endpoint service. The workload
# VPC gets one Gateway Load Balancer endpoint per Availability Zone, in its own
# small subnet, and routing sends every packet through the endpoint of its zone:
#   - egress: application subnet -> GWLB endpoint -> internet gateway;
#   - ingress: internet gateway (edge route table) -> GWLB endpoint -> application.
# Keeping one endpoint per zone keeps traffic in-zone (no cross-zone charges,
# smaller failure domain). The appliances' target group and listener belong to
# the security team's own stack and are not part of this configuration.
#
# What vpcplan checks here:
#   - each GWLB endpoint has exactly one subnet, and no two endpoints of the
#     service share an Availability Zone;
#   - GWLB endpoints set no security groups, policy, private DNS or route tables;
#   - the endpoint service is backed by a gateway load balancer (not an NLB or
#     an AWS service name);
#   - some route (here aws_route) targets every GWLB endpoint, otherwise nothing
#     would be inspected;
#   - both VPCs' CIDRs and all subnet CIDRs are valid and do not overlap.

provider "aws" {
  region              = var.region
  allowed_account_ids = ["111111111111"]
}

variable "region" {
  type        = string
  description = "Region of both VPCs."
  default     = "us-west-2"
}

variable "availability_zones" {
  type        = list(string)
  description = "Zones served by the appliances and the workload."
  default     = ["us-west-2a", "us-west-2b"]
}

variable "inspection_vpc_cidr" {
  type        = string
  description = "CIDR of the VPC hosting the GWLB and the appliances."
  default     = "10.50.0.0/16"
}

variable "workload_vpc_cidr" {
  type        = string
  description = "CIDR of the workload VPC whose traffic is inspected."
  default     = "10.60.0.0/16"
}

data "aws_caller_identity" "current" {}

locals {
  # Per zone: the appliance subnet (/24 in the inspection VPC), the application
  # subnet (/24) and the GWLB endpoint subnet (/28) in the workload VPC.
  zones = {
    for index, az in var.availability_zones : az => {
      appliance_cidr   = cidrsubnet(var.inspection_vpc_cidr, 8, index)
      application_cidr = cidrsubnet(var.workload_vpc_cidr, 8, index)
      endpoint_cidr    = cidrsubnet(var.workload_vpc_cidr, 12, 4000 + index)
    }
  }
}

# ---------------------------------------------------------------------------
# Inspection VPC: the Gateway Load Balancer and its endpoint service.
# ---------------------------------------------------------------------------

resource "aws_vpc" "inspection" {
  cidr_block = var.inspection_vpc_cidr

  tags = {
    Name = "inspection"
  }
}

resource "aws_subnet" "appliance" {
  for_each = local.zones

  vpc_id            = aws_vpc.inspection.id
  cidr_block        = each.value.appliance_cidr
  availability_zone = each.key

  tags = {
    Name = "appliance-${each.key}"
  }
}

resource "aws_lb" "inspection" {
  name               = "inspection"
  load_balancer_type = "gateway"
  subnets            = [for subnet in aws_subnet.appliance : subnet.id]

  tags = {
    Name = "inspection"
  }
}

resource "aws_vpc_endpoint_service" "inspection" {
  acceptance_required        = false
  gateway_load_balancer_arns = [aws_lb.inspection.arn]
  allowed_principals         = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]

  tags = {
    Name = "inspection"
  }
}

# ---------------------------------------------------------------------------
# Workload VPC: GWLB endpoints and the routes that steer traffic through them.
# ---------------------------------------------------------------------------

resource "aws_vpc" "workload" {
  cidr_block           = var.workload_vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = "workload"
  }
}

resource "aws_internet_gateway" "workload" {
  vpc_id = aws_vpc.workload.id

  tags = {
    Name = "workload"
  }
}

resource "aws_subnet" "application" {
  for_each = local.zones

  vpc_id                  = aws_vpc.workload.id
  cidr_block              = each.value.application_cidr
  availability_zone       = each.key
  map_public_ip_on_launch = true

  tags = {
    Name = "application-${each.key}"
  }
}

resource "aws_subnet" "endpoint" {
  for_each = local.zones

  vpc_id            = aws_vpc.workload.id
  cidr_block        = each.value.endpoint_cidr
  availability_zone = each.key

  tags = {
    Name = "gwlb-endpoint-${each.key}"
  }
}

# One endpoint per zone, exactly one subnet each. No security groups, policy,
# private DNS or route tables: a GWLB endpoint is only a route target.
resource "aws_vpc_endpoint" "inspection" {
  for_each = local.zones

  vpc_id            = aws_vpc.workload.id
  service_name      = aws_vpc_endpoint_service.inspection.service_name
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [aws_subnet.endpoint[each.key].id]

  tags = {
    Name = "inspection-${each.key}"
  }
}

# Endpoint subnets: inspected traffic leaves through the internet gateway.
resource "aws_route_table" "endpoint" {
  vpc_id = aws_vpc.workload.id

  tags = {
    Name = "gwlb-endpoint"
  }
}

resource "aws_route" "endpoint_to_internet" {
  route_table_id         = aws_route_table.endpoint.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.workload.id
}

resource "aws_route_table_association" "endpoint" {
  for_each = local.zones

  subnet_id      = aws_subnet.endpoint[each.key].id
  route_table_id = aws_route_table.endpoint.id
}

# Application subnets (egress): the default route goes to the zone's endpoint.
resource "aws_route_table" "application" {
  for_each = local.zones

  vpc_id = aws_vpc.workload.id

  tags = {
    Name = "application-${each.key}"
  }
}

resource "aws_route" "application_egress" {
  for_each = local.zones

  route_table_id         = aws_route_table.application[each.key].id
  destination_cidr_block = "0.0.0.0/0"
  vpc_endpoint_id        = aws_vpc_endpoint.inspection[each.key].id
}

resource "aws_route_table_association" "application" {
  for_each = local.zones

  subnet_id      = aws_subnet.application[each.key].id
  route_table_id = aws_route_table.application[each.key].id
}

# Edge route table (ingress): traffic from the internet gateway to an
# application subnet is sent to the endpoint in that subnet's zone first.
resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.workload.id

  tags = {
    Name = "edge"
  }
}

resource "aws_route" "edge_ingress" {
  for_each = local.zones

  route_table_id         = aws_route_table.edge.id
  destination_cidr_block = each.value.application_cidr
  vpc_endpoint_id        = aws_vpc_endpoint.inspection[each.key].id
}

resource "aws_route_table_association" "edge" {
  gateway_id     = aws_internet_gateway.workload.id
  route_table_id = aws_route_table.edge.id
}

output "endpoint_service_name" {
  description = "Service name (com.amazonaws.vpce.<region>.vpce-svc-...) other VPCs can connect to."
  value       = aws_vpc_endpoint_service.inspection.service_name
}

output "gwlb_endpoint_ids" {
  description = "GWLB endpoint per zone."
  value       = { for az, endpoint in aws_vpc_endpoint.inspection : az => endpoint.id }
}
