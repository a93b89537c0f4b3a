locals {
  list = ["a", "b"]
}

output "x" {
  value = local.list[5]
}
