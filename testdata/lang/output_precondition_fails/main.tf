locals {
  port = 80
}

output "port" {
  value = local.port

  precondition {
    condition     = local.port > 1024
    error_message = "The port must be unprivileged."
  }
}
