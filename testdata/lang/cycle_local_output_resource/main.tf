locals {
  name = terraform_data.x.output
}

resource "terraform_data" "x" {
  input = local.name
}
