locals {
  name = "web"
}

output "x" {
  value = local.name.first
}
