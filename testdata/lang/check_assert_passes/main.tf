locals {
  n = 3
}

check "n" {
  assert {
    condition     = local.n >= 3
    error_message = "At least three."
  }
}
