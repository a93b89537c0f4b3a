locals {
  name = "a"
}

output "name" {
  value = local.nmae
}
