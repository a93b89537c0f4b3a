variable "name" {
  type     = string
  nullable = false
}

output "name" {
  value = var.name
}
