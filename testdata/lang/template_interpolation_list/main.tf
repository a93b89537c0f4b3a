locals {
  names = ["a", "b"]
}

output "x" {
  value = "names: ${local.names}"
}
