locals {
  allowed = ["dev", "prod"]
}

variable "env" {
  type = string

  validation {
    condition     = length(local.allowed) > 0
    error_message = "Nothing allowed."
  }
}
