variable "prefix" {
  type = string
}

variable "suffix" {
  type = string
}

output "prefix_upper" {
  value = upper(var.prefix)
}

output "name" {
  value = "${var.prefix}-${var.suffix}"
}
