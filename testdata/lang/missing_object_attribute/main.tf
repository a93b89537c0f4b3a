locals {
  obj = {
    name = "a"
  }
}

output "x" {
  value = local.obj.nmae
}
