locals {
  on = true
}

output "x" {
  value = local.on ? "yes" : ["no"]
}
