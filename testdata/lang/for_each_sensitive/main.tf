locals {
  names = sensitive(toset(["a"]))
}

resource "terraform_data" "x" {
  for_each = local.names
}
