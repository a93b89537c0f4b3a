locals {
  n = 1
}

output "n" {
  value = local.n

  postcondition {
    condition     = local.n > 0
    error_message = "Positive."
  }
}
