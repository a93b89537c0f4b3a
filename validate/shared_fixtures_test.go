package validate

// threeProviders configures us-east-1 and eu-west-1 in account
// 111111111111 and us-east-1 in account 222222222222 (aliases eu and
// other), for rules that compare Regions and accounts.
const threeProviders = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "eu"
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "other"
  region              = "us-east-1"
  allowed_account_ids = ["222222222222"]
}
`

// s3InterfaceEndpoint is an S3 interface endpoint with private DNS in
// aws_vpc.main; %s adds arguments (its dns_options) before the closing
// brace.
const s3InterfaceEndpoint = `resource "aws_vpc_endpoint" "s3" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.a.id]
  private_dns_enabled = true
%s}
`
