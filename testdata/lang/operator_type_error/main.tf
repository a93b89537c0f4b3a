locals {
  s = "abc"
}

output "x" {
  value = local.s + 1
}
