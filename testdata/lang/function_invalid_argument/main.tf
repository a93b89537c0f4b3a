locals {
  s = "abc"
}

output "n" {
  value = tonumber(local.s)
}
