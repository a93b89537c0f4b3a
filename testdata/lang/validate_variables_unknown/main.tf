variable "on" {
  type    = bool
  default = true
}

output "x" {
  value = var.on ? "yes" : ["no"]
}
