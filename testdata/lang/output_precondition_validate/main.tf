locals {
  names = []
}

output "first" {
  value = local.names

  precondition {
    condition     = length(local.names) > 0
    error_message = "At least one name is needed."
  }
}
